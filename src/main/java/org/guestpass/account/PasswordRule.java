package org.guestpass.account;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.guestpass.system.Refusal;

import org.springframework.http.HttpStatus;

/**
 * The one rule every password follows, wherever it is set (a new user, a password reset,
 * the first admin's {@code GUESTPASS_ADMIN_PASSWORD}): at least 12 characters, and at
 * most 72 bytes in UTF-8, because BCrypt reads no more than 72 bytes. A letter or digit
 * without an accent takes one byte, an accented letter two, most other scripts three and
 * an emoji four, so a password of accented letters or emoji must be shorter than one of
 * plain letters.
 */
public final class PasswordRule {

	/** The fewest characters (code points, so an emoji counts as one). */
	public static final int MIN_CHARACTERS = 12;

	/** The most bytes in UTF-8: all that BCrypt reads. */
	public static final int MAX_BYTES = 72;

	/** The rule in words, for hints next to a password field and for operators. */
	public static final String IN_WORDS = "At least " + MIN_CHARACTERS + " characters and at most " + MAX_BYTES
			+ " bytes: a letter or digit without an accent takes 1 byte, an accented letter 2, an emoji 4.";

	/**
	 * What a person reads who sent no password at all (a constant, so that Bean
	 * Validation's annotations can say it too).
	 */
	public static final String MISSING = "Enter a password.";

	private PasswordRule() {
	}

	/**
	 * How this password breaks the rule; empty when it follows it. A missing password is
	 * too short.
	 */
	public static Optional<Violation> check(String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
			return Optional.of(Violation.TOO_SHORT);
		}
		if (isTooLong(password)) {
			return Optional.of(Violation.TOO_LONG);
		}
		return Optional.empty();
	}

	/** Whether the password has more bytes than BCrypt reads. */
	static boolean isTooLong(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
	}

	/**
	 * How a password breaks the rule, and what to tell the person who typed it: the
	 * refusal of a password, wherever one is set.
	 */
	public enum Violation implements Refusal {

		TOO_SHORT("password_too_short", "Use at least " + MIN_CHARACTERS + " characters."),
		TOO_LONG("password_too_long", "Use at most " + MAX_BYTES
				+ " bytes: a letter or digit without an accent takes 1, an accented letter 2, an emoji 4.");

		private final String code;

		private final String message;

		Violation(String code, String message) {
			this.code = code;
			this.message = message;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public HttpStatus status() {
			return HttpStatus.BAD_REQUEST;
		}

		@Override
		public Optional<String> field() {
			return Optional.of("password");
		}

		/** What to tell the person who typed the password, next to the field. */
		@Override
		public String message() {
			return this.message;
		}

	}

}
