package org.guestpass.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a session out the moment its account may no longer act ({@link ActiveSignIns}): the request
 * then goes on as a visitor's, so a page sends it to the sign-in form and the API answers 401.
 */
final class SignInCheck extends OncePerRequestFilter {

	private final ActiveSignIns accounts;

	SignInCheck(ActiveSignIns accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signIn = SecurityContextHolder.getContext().getAuthentication();
		if (signIn != null && signIn.isAuthenticated() && !(signIn instanceof AnonymousAuthenticationToken)
				&& !(signIn instanceof BearerTokenAuthentication) && !this.accounts.isActive(signIn)) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

}
