package org.guestpass.system;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Where an LMS shows GuestPass in its frame. A verified LTI launch names the LMS's web
 * origins (from claims its platform signed); the pages of the session it starts may then
 * be framed by them, and by nobody else. Pages of other sessions, and guest links in any
 * session, keep the site's framing policy ({@code 'none'} by default).
 * <p>
 * Only https origins of plain host characters are kept, so nothing a platform sends can
 * add a directive to the policy.
 */
public final class LmsFrame {

	static final String SESSION_ORIGINS = LmsFrame.class.getName() + ".origins";

	static final String RESPONSE_ORIGINS = LmsFrame.class.getName() + ".response-origins";

	static final String CROSS_SITE_COOKIE = LmsFrame.class.getName() + ".cross-site-cookie";

	private LmsFrame() {
	}

	/**
	 * Lets the LMS at these addresses frame the pages of this request's session, and has
	 * the session cookie written for a cross-site frame ({@code SameSite=None; Secure;
	 * Partitioned}) behind HTTPS. Call it once the session is the launch's own.
	 * @param request the launch
	 * @param urls addresses of the LMS; their https origins are kept
	 */
	public static void allowSession(HttpServletRequest request, Collection<String> urls) {
		Set<String> origins = origins(urls);
		HttpSession session = request.getSession(true);
		if (origins.isEmpty()) {
			session.removeAttribute(SESSION_ORIGINS);
		}
		else {
			session.setAttribute(SESSION_ORIGINS, String.join(" ", origins));
		}
		request.setAttribute(CROSS_SITE_COOKIE, Boolean.TRUE);
	}

	/**
	 * Lets the LMS at these addresses frame this one answer too (an LTI page shown before
	 * or without a session of its own: a refusal, a learner's page).
	 * @param request the request answered
	 * @param urls addresses of the LMS; their https origins are kept
	 */
	public static void allowResponse(HttpServletRequest request, Collection<String> urls) {
		Set<String> origins = new LinkedHashSet<>();
		if (request.getAttribute(RESPONSE_ORIGINS) instanceof String allowed) {
			origins.addAll(Arrays.asList(allowed.split(" ")));
		}
		origins.addAll(origins(urls));
		if (!origins.isEmpty()) {
			request.setAttribute(RESPONSE_ORIGINS, String.join(" ", origins));
		}
	}

	/** The LMS origins that may frame the answer to this request, if any. */
	static Set<String> framingOrigins(HttpServletRequest request) {
		Set<String> origins = new LinkedHashSet<>();
		if (request.getAttribute(RESPONSE_ORIGINS) instanceof String response) {
			origins.addAll(Arrays.asList(response.split(" ")));
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			try {
				if (session.getAttribute(SESSION_ORIGINS) instanceof String kept) {
					origins.addAll(Arrays.asList(kept.split(" ")));
				}
			}
			catch (IllegalStateException ex) {
				// The session ended while this answer was written: no LMS frames it.
			}
		}
		return origins;
	}

	/** Whether this request's session cookie is written for a cross-site frame. */
	static boolean wantsCrossSiteCookie(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(CROSS_SITE_COOKIE));
	}

	private static Set<String> origins(Collection<String> urls) {
		Set<String> origins = new LinkedHashSet<>();
		for (String url : urls) {
			origin(url).ifPresent(origins::add);
		}
		return origins;
	}

	/** The https origin of an address, if it has one of plain host characters. */
	static Optional<String> origin(String url) {
		if (url == null) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(url);
			String host = uri.getHost();
			if (!"https".equalsIgnoreCase(uri.getScheme()) || host == null || !host.matches("[A-Za-z0-9.-]+")) {
				return Optional.empty();
			}
			return Optional.of("https://" + host.toLowerCase(Locale.ROOT)
					+ ((uri.getPort() == -1 || uri.getPort() == 443) ? "" : ":" + uri.getPort()));
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

}
