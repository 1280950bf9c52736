package org.guestpass.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.security.web.util.UrlUtils;

/**
 * Remembers which page a visitor wanted before signing in, so sign-in can take them
 * there: only its path and query, nothing else of the request. Spring Security's default
 * cache saves the whole request in the session (every header and cookie, a guest's
 * session cookie among them), and sessions live in the database. Only page views are
 * remembered: not API calls, scripts' requests, or anything but GET.
 */
final class SignInTargets implements RequestCache {

	static final String ATTRIBUTE = SignInTargets.class.getName() + ".target";

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		if (!HttpMethod.GET.matches(request.getMethod()) || request.getServletPath().startsWith("/api/")
				|| request.getHeader("HX-Request") != null || !acceptsHtml(request)) {
			return;
		}
		String target = UrlUtils.buildRequestUrl(request);
		if (target.startsWith("/") && !target.startsWith("//")) {
			request.getSession().setAttribute(ATTRIBUTE, target);
		}
	}

	@Override
	public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(ATTRIBUTE) instanceof String target)
				? new SimpleSavedRequest(target) : null;
	}

	/**
	 * Never replays a request: the browser is sent to the page, which it then loads
	 * itself.
	 */
	@Override
	public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		return null;
	}

	@Override
	public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
		}
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept == null || accept.contains("text/html") || accept.contains("*/*");
	}

}
