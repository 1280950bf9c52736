package org.guestpass.system;

import org.springframework.security.core.Authentication;

/**
 * Whether the account a sign-in session belongs to may still act: it exists, is not
 * disabled, and has the role it signed in with. Asked whenever a request reads the
 * sign-in from its session, so that disabling an account or changing its role ends its
 * sessions at once on every node, even one that was signing in while the change was made.
 * (API tokens are checked by their own lookup.)
 */
public interface ActiveSignIns {

	boolean isActive(Authentication signIn);

}
