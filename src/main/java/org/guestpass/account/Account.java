package org.guestpass.account;

import java.time.Instant;

/**
 * A person with a local account.
 */
public record Account(long id, String username, Role role, GuestLinkPermission guestLinks, Instant createdAt) {

	public boolean isAdmin() {
		return this.role == Role.admin;
	}

}
