package org.guestpass.system;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Content-Security-Policy of every page: scripts, styles and media only from
 * GuestPass itself, no plugins, no base URL changes, and framing only by the origins an
 * operator allows (an LMS that embeds GuestPass), none by default.
 */
final class ContentSecurityPolicy {

	static final String NO_FRAMING = "'none'";

	private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?");

	private static final Pattern SOURCE = Pattern.compile("'none'|'self'|https://[A-Za-z0-9.-]+(:\\d{1,5})?");

	private ContentSecurityPolicy() {
	}

	/**
	 * The policy for these frame ancestors: {@code 'none'}, {@code 'self'} or https
	 * origins separated by spaces or commas. Anything else is refused, so configuration
	 * cannot inject other directives.
	 */
	static String withFrameAncestors(String frameAncestors) {
		return withFrameAncestors(frameAncestors, null);
	}

	/**
	 * The policy that also lets the page fetch and play media from one more origin (a
	 * live session's stream): {@code connect-src} for hls.js, {@code media-src} for
	 * native HLS. The origin must be an http(s) origin of plain host characters; anything
	 * else is refused.
	 */
	static String withFrameAncestors(String frameAncestors, String mediaOrigin) {
		String media = "";
		String connect = "";
		if (mediaOrigin != null) {
			if (!ORIGIN.matcher(mediaOrigin).matches()) {
				throw new IllegalArgumentException("Not a plain http(s) origin: " + mediaOrigin);
			}
			media = " " + mediaOrigin;
			connect = "connect-src 'self' " + mediaOrigin + "; ";
		}
		return "default-src 'self'; img-src 'self' data:; media-src 'self' blob:" + media + "; " + connect
				+ "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors " + sources(frameAncestors);
	}

	static boolean allowsFraming(String frameAncestors) {
		return !NO_FRAMING.equals(sources(frameAncestors));
	}

	private static String sources(String frameAncestors) {
		if (frameAncestors == null || frameAncestors.isBlank()) {
			return NO_FRAMING;
		}
		String[] sources = frameAncestors.trim().split("[\\s,]+");
		for (String source : sources) {
			if (!SOURCE.matcher(source).matches()) {
				throw new IllegalArgumentException(
						"guestpass.frame-ancestors: '" + source + "' is not 'none', 'self' or an https:// origin");
			}
		}
		return Arrays.stream(sources).distinct().collect(Collectors.joining(" "));
	}

}
