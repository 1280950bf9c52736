package org.guestpass.guestaccess;

import java.time.Instant;

import org.guestpass.account.Account;
import org.guestpass.account.GuestLinkPermission;
import org.guestpass.account.Role;
import org.guestpass.settings.GuestLinkPolicy;
import org.guestpass.settings.GuestLinkPolicy.LowestRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManagePermissionTests {

	private static final GuestLinkPolicy MEMBERS = new GuestLinkPolicy(LowestRole.member, 3, 365);

	private static final GuestLinkPolicy ADMINS_ONLY = new GuestLinkPolicy(LowestRole.admin, 3, 365);

	@Test
	void membersMayByDefault() {
		assertThat(ManagePermission.permits(account(Role.member, GuestLinkPermission.policy), MEMBERS)).isTrue();
	}

	@Test
	void anAdminsOnlyPolicyStopsMembersButNotAdmins() {
		assertThat(ManagePermission.permits(account(Role.member, GuestLinkPermission.policy), ADMINS_ONLY)).isFalse();
		assertThat(ManagePermission.permits(account(Role.admin, GuestLinkPermission.policy), ADMINS_ONLY)).isTrue();
	}

	@Test
	void aPerUserOverrideWinsOverThePolicy() {
		assertThat(ManagePermission.permits(account(Role.member, GuestLinkPermission.allow), ADMINS_ONLY)).isTrue();
		assertThat(ManagePermission.permits(account(Role.member, GuestLinkPermission.deny), MEMBERS)).isFalse();
	}

	private static Account account(Role role, GuestLinkPermission permission) {
		return new Account(1, "someone", role, permission, Instant.EPOCH);
	}

}
