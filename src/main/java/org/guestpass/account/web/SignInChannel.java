package org.guestpass.account.web;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * How a request is signed in: through the sign-in form, whose authentication the
 * browser's session carries, or with an API token ({@code BearerTokenAuthentication}).
 */
final class SignInChannel {

	private SignInChannel() {
	}

	/**
	 * Whether the request comes from a browser signed in with the form. Anything else, an
	 * API token first of all, is not: a way of signing in added later must be allowed
	 * here on purpose.
	 */
	static boolean isBrowserSession(Authentication authentication) {
		return authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated();
	}

}
