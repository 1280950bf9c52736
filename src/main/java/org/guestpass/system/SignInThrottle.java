package org.guestpass.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.system.RateLimits.Limit;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing, whichever node a sign-in reaches: five failed sign-ins
 * for an account within fifteen minutes, or thirty from one client address whatever the
 * accounts (password spraying), and further sign-ins are refused with 429 and
 * {@code Retry-After} until the allowance refills.
 * <p>
 * Each sign-in reserves its place in both allowances <em>before</em> its password is
 * checked, and a successful one gives them back, so however many attempts arrive at the
 * same moment, no more passwords are checked than the allowance holds. A failed attempt
 * leaves nothing behind: the sign-in page is sent to {@code /login?error}, and nothing of
 * the attempt is kept in the session.
 */
final class SignInThrottle extends OncePerRequestFilter
		implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final String RESERVED = SignInThrottle.class.getName() + ".reserved";

	private final RateLimits limits;

	private final SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	private final RequestCache signInTargets;

	SignInThrottle(RateLimits limits, RequestCache signInTargets) {
		this.limits = limits;
		this.signInTargets = signInTargets;
		this.success.setDefaultTargetUrl("/media");
		this.success.setRequestCache(signInTargets);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Reservation reservation = new Reservation(ClientAddress.of(request), account(request));
		RateLimits.Verdict byAddress = this.limits.reserve(Limit.SIGN_IN_FAILURES_BY_ADDRESS, reservation.address());
		if (!byAddress.allowed()) {
			tooMany(response, byAddress);
			return;
		}
		RateLimits.Verdict byAccount = this.limits.reserve(Limit.SIGN_IN_FAILURES, reservation.account());
		if (!byAccount.allowed()) {
			// Refused without a look at the password: it was no failed sign-in from this
			// address.
			this.limits.refund(Limit.SIGN_IN_FAILURES_BY_ADDRESS, reservation.address());
			tooMany(response, byAccount);
			return;
		}
		request.setAttribute(RESERVED, reservation);
		chain.doFilter(request, response);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (request.getAttribute(RESERVED) instanceof Reservation reservation) {
			this.limits.refund(Limit.SIGN_IN_FAILURES, reservation.account());
			this.limits.refund(Limit.SIGN_IN_FAILURES_BY_ADDRESS, reservation.address());
		}
		this.success.onAuthenticationSuccess(request, response, authentication);
		this.signInTargets.removeRequest(request, response);
	}

	/**
	 * Keeps the reserved failures and sends the browser back to the sign-in page. Unlike
	 * Spring Security's default handler, it stores no exception in the session: in Spring
	 * Security 7 the exception carries the authentication request, typed password
	 * included, and sessions live in the database.
	 */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		CredentialErasingSignIn.erase(exception.getAuthenticationRequest());
		this.redirects.sendRedirect(request, response, "/login?error");
	}

	private static void tooMany(HttpServletResponse response, RateLimits.Verdict verdict) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfter().toSeconds()));
		response.sendError(429);
	}

	private static String account(HttpServletRequest request) {
		String username = request.getParameter("username");
		return (username != null) ? username.trim().toLowerCase(Locale.ROOT) : "";
	}

	private record Reservation(String address, String account) {
	}

}
