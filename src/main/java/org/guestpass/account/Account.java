package org.guestpass.account;

import java.time.Instant;

/**
 * A person with a local account; {@code disabledAt} is set while an admin has disabled
 * it.
 */
public record Account(long id, String username, Role role, GuestLinkPermission guestLinks, Instant createdAt,
		Instant disabledAt) {

	/** An account that was never disabled. */
	public Account(long id, String username, Role role, GuestLinkPermission guestLinks, Instant createdAt) {
		this(id, username, role, guestLinks, createdAt, null);
	}

	public boolean isAdmin() {
		return this.role == Role.admin;
	}

	/** Whether the account may sign in and use its API tokens: it is not disabled. */
	public boolean isEnabled() {
		return this.disabledAt == null;
	}

	/** How the audit trail names it: "account 12 (alice)". */
	String described() {
		return "account " + this.id + " (" + this.username + ")";
	}

}
