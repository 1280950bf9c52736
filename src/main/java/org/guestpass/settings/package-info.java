/**
 * Site settings: which modules are enabled, and the guest link policy.
 */
package org.guestpass.settings;
