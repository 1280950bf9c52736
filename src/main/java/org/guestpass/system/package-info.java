/**
 * Cross-cutting configuration: security, clock, server secret, problem details and error
 * pages.
 */
@ApplicationModule(allowedDependencies = {})
package org.guestpass.system;

import org.springframework.modulith.ApplicationModule;
