package org.guestpass.account;

import java.util.Optional;

import org.guestpass.system.Refusal;

import org.springframework.http.HttpStatus;

/**
 * Why an account was not created or changed; a password that breaks the rule is refused
 * with its {@link PasswordRule.Violation}, and an account that does not exist with
 * {@link org.guestpass.system.CommonRefusal#NOT_FOUND}.
 */
public enum AccountRefusal implements Refusal {

	USERNAME_INVALID("username_invalid", HttpStatus.BAD_REQUEST, "username",
			"Use 3 to 50 letters, digits, dots, dashes or underscores."),
	USERNAME_TAKEN("username_taken", HttpStatus.BAD_REQUEST, "username", "This user name is taken."),
	/**
	 * An API token asked for with another API token: a token that could create tokens
	 * would let whoever stole one keep access after it is revoked. The API's code for
	 * anything not permitted.
	 */
	TOKENS_FROM_A_BROWSER("not_permitted", HttpStatus.FORBIDDEN, null,
			"API tokens are created only while signed in in a browser, not with another API token."),
	TOKEN_NAME_INVALID("token_name_invalid", HttpStatus.BAD_REQUEST, "name", ApiTokens.NAME.message()),
	/**
	 * The account is the site's only enabled admin, and the change would take that role
	 * away or disable it.
	 */
	LAST_ADMIN("last_admin", HttpStatus.CONFLICT, null,
			"This is the only enabled admin; make someone else an admin first."),
	/** A person from an LMS whose GuestPass account an admin disabled. */
	PLATFORM_ACCOUNT_DISABLED("platform_account_disabled", HttpStatus.FORBIDDEN, null,
			"Your GuestPass account is disabled. Ask a GuestPass admin to enable it.");

	private final String code;

	private final HttpStatus status;

	private final String field;

	private final String message;

	AccountRefusal(String code, HttpStatus status, String field, String message) {
		this.code = code;
		this.status = status;
		this.field = field;
		this.message = message;
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Optional<String> field() {
		return Optional.ofNullable(this.field);
	}

	@Override
	public String message() {
		return this.message;
	}

}
