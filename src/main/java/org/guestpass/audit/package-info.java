/**
 * The audit trail: every change to guest access and every admission or refusal.
 */
@ApplicationModule(allowedDependencies = { "system" })
package org.guestpass.audit;

import org.springframework.modulith.ApplicationModule;
