/**
 * Accounts, their roles and sign-in, and personal API tokens.
 */
@ApplicationModule(allowedDependencies = { "audit", "system" })
package org.guestpass.account;

import org.springframework.modulith.ApplicationModule;
