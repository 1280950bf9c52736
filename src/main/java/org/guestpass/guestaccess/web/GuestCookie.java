package org.guestpass.guestaccess.web;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The guest's cookie: an opaque secret naming a server-side guest session. {@code HttpOnly},
 * {@code SameSite=Lax}, and {@code Secure} when the request came over HTTPS.
 */
final class GuestCookie {

	static final String NAME = "GUESTPASS_GUEST";

	private GuestCookie() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, String sessionToken, Instant now,
			Instant expiresAt) {
		ResponseCookie cookie = ResponseCookie.from(NAME, sessionToken)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(Duration.between(now, expiresAt))
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}
