/**
 * Cross-cutting configuration: security, clock, server secret, problem details and error pages.
 */
package org.guestpass.system;
