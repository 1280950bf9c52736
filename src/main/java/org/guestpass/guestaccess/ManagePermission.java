package org.guestpass.guestaccess;

import org.guestpass.account.Account;
import org.guestpass.account.GuestLinkPermission;
import org.guestpass.settings.GuestLinkPolicy;

/**
 * "Only permitted users can create guest links": admins always may; a member follows an
 * admin's per-user override, or else the site policy's lowest role.
 */
final class ManagePermission {

	private ManagePermission() {
	}

	static boolean permits(Account account, GuestLinkPolicy policy) {
		if (account.isAdmin()) {
			return true;
		}
		if (account.guestLinks() != GuestLinkPermission.policy) {
			return account.guestLinks() == GuestLinkPermission.allow;
		}
		return policy.lowestRole() == GuestLinkPolicy.LowestRole.member;
	}

}
