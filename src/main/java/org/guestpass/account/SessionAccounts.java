package org.guestpass.account;

import org.guestpass.system.ActiveSignIns;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sign-in session may act while its account exists, is not disabled and still has the
 * role it signed in with: one read by primary key whenever a request reads its sign-in.
 * Ending the account's sessions when it changes does the same for every session that
 * existed then; this also ends one that was being signed in at that moment.
 */
@Component
class SessionAccounts implements ActiveSignIns {

	private final AccountRepository repository;

	SessionAccounts(AccountRepository repository) {
		this.repository = repository;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isActive(Authentication signIn) {
		if (!(signIn.getPrincipal() instanceof SignedIn signedIn)) {
			return true;
		}
		return this.repository.findById(signedIn.id())
			.filter((account) -> account.isEnabled() && account.role() == signedIn.role())
			.isPresent();
	}

}
