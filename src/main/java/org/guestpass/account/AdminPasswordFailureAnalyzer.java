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
				+ ". Every password, the first admin's too, follows one rule, in bytes of UTF-8 because BCrypt reads no"
				+ " more than " + PasswordRule.MAX_BYTES + ": " + PasswordRule.IN_WORDS,
				"Set GUESTPASS_ADMIN_PASSWORD to a password that follows this rule, or leave it unset and GuestPass"
						+ " generates one for the first admin.",
				cause);
	}

}
