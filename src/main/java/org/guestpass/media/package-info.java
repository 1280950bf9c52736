/**
 * Media items (videos, live sessions, rooms, channel rooms), their files and their
 * streaming.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "system" })
package org.guestpass.media;

import org.springframework.modulith.ApplicationModule;
