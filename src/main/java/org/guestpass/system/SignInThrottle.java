package org.guestpass.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.system.RateLimits.Limit;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing: after five failed sign-ins for an account within fifteen minutes,
 * further sign-ins for it are refused with 429 and {@code Retry-After} until the allowance refills,
 * whichever node they reach.
 */
final class SignInThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler {

	private final RateLimits limits;

	private final AuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");

	SignInThrottle(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RateLimits.Verdict verdict = this.limits.check(Limit.SIGN_IN_FAILURES, account(request));
		if (!verdict.allowed()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfter().toSeconds()));
			response.sendError(429);
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		this.limits.consume(Limit.SIGN_IN_FAILURES, account(request));
		this.failure.onAuthenticationFailure(request, response, exception);
	}

	private static String account(HttpServletRequest request) {
		String username = request.getParameter("username");
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

}
