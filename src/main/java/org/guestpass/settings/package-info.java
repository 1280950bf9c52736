/**
 * Site settings: which modules are enabled, and the guest link policy.
 */
@ApplicationModule(allowedDependencies = { "audit", "system" })
package org.guestpass.settings;

import org.springframework.modulith.ApplicationModule;
