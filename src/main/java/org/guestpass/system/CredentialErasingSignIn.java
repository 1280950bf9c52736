package org.guestpass.system;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in with a user name and password, which erases the typed password from an attempt
 * that failed before anything else sees it. Spring Security 7 attaches the attempt to the
 * {@link AuthenticationException} it throws, and whatever keeps the exception (a session,
 * an event listener, a log) would keep the password with it. A successful sign-in is
 * erased by Spring Security's {@code ProviderManager} itself.
 */
final class CredentialErasingSignIn implements AuthenticationProvider {

	private final DaoAuthenticationProvider delegate;

	CredentialErasingSignIn(UserDetailsService accounts, PasswordEncoder passwords,
			CompromisedPasswordChecker refusedPasswords) {
		this.delegate = new DaoAuthenticationProvider(accounts);
		this.delegate.setPasswordEncoder(passwords);
		// Asked after a password matched: the account module refuses passwords no account
		// can have.
		this.delegate.setCompromisedPasswordChecker(refusedPasswords);
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		try {
			return this.delegate.authenticate(attempt);
		}
		catch (AuthenticationException ex) {
			erase(attempt);
			erase(ex.getAuthenticationRequest());
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

	static void erase(Authentication authentication) {
		if (authentication instanceof CredentialsContainer credentials) {
			credentials.eraseCredentials();
		}
	}

}
