/**
 * Media items (videos, live sessions, rooms, channel rooms), their files and their streaming.
 */
package org.guestpass.media;
