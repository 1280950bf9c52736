/**
 * LMS integration (LTI 1.3 Advantage): platform registrations, GuestPass's own keys, and
 * the launches that bring a platform's users in. Nothing depends on it.
 */
@ApplicationModule(allowedDependencies = { "account", "media", "guestaccess", "settings", "audit", "system" })
package org.guestpass.lti;

import org.springframework.modulith.ApplicationModule;
