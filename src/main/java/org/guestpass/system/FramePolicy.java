package org.guestpass.system;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * Who may frame the answer to a request: the origins the operator allows
 * ({@code guestpass.frame-ancestors}, none by default), and on the pages of an LTI
 * launch's session the LMS that launched it. Guest links and guests' pages never take the
 * LMS's: a guest opens them outside the LMS.
 */
@Component
class FramePolicy {

	private static final List<String> GUEST_PATHS = List.of("/g/", "/guest/");

	private final String configured;

	FramePolicy(GuestPassProperties properties) {
		this.configured = properties.frameAncestors();
		// Refuses a setting that is not a list of sources at start.
		ContentSecurityPolicy.withFrameAncestors(this.configured);
	}

	/** The sources the operator allows, for every answer that is no LTI page. */
	String configured() {
		return this.configured;
	}

	/**
	 * The {@code frame-ancestors} sources for this answer: only an HTML page is ever
	 * shown in a frame, so images, scripts, media and redirects keep the configured
	 * sources without a look at the session (which may be a database read).
	 */
	String frameAncestors(HttpServletRequest request, HttpServletResponse response) {
		String type = response.getContentType();
		if (type == null || !type.startsWith("text/html")) {
			return this.configured;
		}
		return frameAncestors(request);
	}

	/** The {@code frame-ancestors} sources for the page that answers this request. */
	String frameAncestors(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (GUEST_PATHS.stream().anyMatch(path::startsWith)) {
			return this.configured;
		}
		Set<String> lms = LmsFrame.framingOrigins(request);
		if (lms.isEmpty()) {
			return this.configured;
		}
		Set<String> sources = new LinkedHashSet<>();
		for (String source : this.configured.trim().split("[\\s,]+")) {
			if (!source.isEmpty() && !ContentSecurityPolicy.NO_FRAMING.equals(source)) {
				sources.add(source);
			}
		}
		sources.addAll(lms);
		return String.join(" ", sources);
	}

}
