package org.guestpass.account;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains, in place of a stack trace, why GuestPass did not start when
 * {@code GUESTPASS_ADMIN_PASSWORD} breaks the password rule. Registered in
 * {@code META-INF/spring.factories}.
 */
class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<FirstAdmin.AdminPasswordRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FirstAdmin.AdminPasswordRefused cause) {
		String problem = (cause.violation() == PasswordRule.Violation.TOO_SHORT) ? "is too short" : "is too long";
		return new FailureAnalysis("The setting GUESTPASS_ADMIN_PASSWORD (guestpass.admin-password) " + problem
				+ ". The first admin's password needs at least " + PasswordRule.MIN_CHARACTERS
				+ " characters and at most " + PasswordRule.MAX_BYTES
				+ " bytes in UTF-8, because BCrypt reads no more: a letter or digit without an accent takes 1 byte,"
				+ " an accented letter 2, an emoji 4.",
				"Set GUESTPASS_ADMIN_PASSWORD to a password that follows this rule, or leave it unset and GuestPass"
						+ " generates one for the first admin.",
				cause);
	}

}
