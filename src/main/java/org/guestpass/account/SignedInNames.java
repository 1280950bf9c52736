package org.guestpass.account;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The name the page header greets the signed-in person by, for templates:
 * {@code ${@signedInNames.of(#authentication)}}.
 */
@Component("signedInNames")
public class SignedInNames {

	/** Their display name when they are a {@link SignedIn}, otherwise their name. */
	public String of(Authentication authentication) {
		if (authentication == null) {
			return "";
		}
		return (authentication.getPrincipal() instanceof SignedIn signedIn) ? signedIn.displayName()
				: authentication.getName();
	}

}
