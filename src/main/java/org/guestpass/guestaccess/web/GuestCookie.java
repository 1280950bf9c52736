package org.guestpass.guestaccess.web;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The guest's cookie: an opaque secret naming a server-side guest session.
 * {@code HttpOnly} and {@code SameSite=Lax}; behind HTTPS also {@code Secure} with the
 * {@code __Host-} prefix, which keeps it to this exact host.
 */
final class GuestCookie {

	static final String NAME = "GUESTPASS_GUEST";

	static final String SECURE_NAME = "__Host-" + NAME;

	private GuestCookie() {
	}

	/** The guest session secret the request carries, if any. */
	static String read(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		String wanted = request.isSecure() ? SECURE_NAME : NAME;
		for (Cookie cookie : cookies) {
			if (cookie.getName().equals(wanted)) {
				return cookie.getValue();
			}
		}
		return null;
	}

	static void write(HttpServletRequest request, HttpServletResponse response, String sessionToken, Instant now,
			Instant expiresAt) {
		ResponseCookie cookie = ResponseCookie.from(request.isSecure() ? SECURE_NAME : NAME, sessionToken)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(Duration.between(now, expiresAt))
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}
