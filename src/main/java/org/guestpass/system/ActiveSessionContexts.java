package org.guestpass.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where a sign-in lives between requests: in the session, as Spring Security keeps it,
 * but read back only while its account may still act ({@link ActiveSignIns}). A session
 * whose account was disabled or changed role is signed out the moment it is read, so the
 * request goes on as a visitor's: a page sends it to the sign-in form and the API answers
 * 401. It is read only when a request needs to know who is signed in, so a guest's page
 * and video, which never ask, cost no lookup.
 */
final class ActiveSessionContexts implements SecurityContextRepository {

	private final SecurityContextRepository sessions = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final ActiveSignIns accounts;

	ActiveSessionContexts(ActiveSignIns accounts) {
		this.accounts = accounts;
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		DeferredSecurityContext stored = this.sessions.loadDeferredContext(request);
		return new DeferredSecurityContext() {

			private SecurityContext checked;

			private boolean signedOut;

			@Override
			public SecurityContext get() {
				if (this.checked == null) {
					SecurityContext context = stored.get();
					Authentication signIn = context.getAuthentication();
					if (signIn != null && !stored.isGenerated()
							&& !ActiveSessionContexts.this.accounts.isActive(signIn)) {
						HttpSession session = request.getSession(false);
						if (session != null) {
							session.invalidate();
						}
						context = SecurityContextHolder.createEmptyContext();
						this.signedOut = true;
					}
					this.checked = context;
				}
				return this.checked;
			}

			@Override
			public boolean isGenerated() {
				get();
				return this.signedOut || stored.isGenerated();
			}

		};
	}

	@Override
	@SuppressWarnings("deprecation")
	public SecurityContext loadContext(HttpRequestResponseHolder requestResponseHolder) {
		return loadDeferredContext(requestResponseHolder.getRequest()).get();
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		this.sessions.saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return this.sessions.containsContext(request);
	}

}
