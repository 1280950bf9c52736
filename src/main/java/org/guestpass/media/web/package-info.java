/**
 * The media module's web endpoints: the library, the media pages and the media API.
 */
package org.guestpass.media.web;
