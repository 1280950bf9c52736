package org.guestpass.account;

import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.authentication.password.CompromisedPasswordDecision;
import org.springframework.stereotype.Component;

/**
 * Refuses a sign-in whose password is longer than {@link PasswordRule} allows. BCrypt
 * compares only the first 72 bytes, so without this, a 72-byte password followed by
 * anything at all would sign in. No account has a longer password, so such a sign-in is
 * simply wrong: Spring Security asks this checker after the password matched, and its
 * refusal ends as any failed sign-in does ("The user name or password is not right.",
 * counted by the sign-in throttle).
 */
@Component
class OverlongSignInPasswords implements CompromisedPasswordChecker {

	@Override
	public CompromisedPasswordDecision check(String password) {
		return new CompromisedPasswordDecision(password != null && PasswordRule.isTooLong(password));
	}

}
