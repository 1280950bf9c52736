/**
 * Guest access: the per-item switch, guest links, the admission of guests and their
 * sessions, and the message pages that tell a guest why they cannot get in.
 */
@ApplicationModule(allowedDependencies = { "media", "media :: web", "account", "settings", "audit", "system" })
package org.guestpass.guestaccess;

import org.springframework.modulith.ApplicationModule;
