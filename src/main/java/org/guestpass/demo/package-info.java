/**
 * Demo mode: a first run that shows the whole product, with a demo member and one item of
 * each type.
 */
@ApplicationModule(allowedDependencies = { "account", "media", "audit", "system" })
package org.guestpass.demo;

import org.springframework.modulith.ApplicationModule;
