package org.guestpass.account;

/**
 * An admin's per-user override of the site policy for managing guest links.
 */
public enum GuestLinkPermission {

	/** Follow the site policy. */
	policy,
	/** Always allowed, whatever the policy's lowest role. */
	allow,
	/** Never allowed. */
	deny

}
