/**
 * The audit trail: every change to guest access and every admission or refusal.
 */
package org.guestpass.audit;
