package org.guestpass.system;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * Widens one page's Content-Security-Policy just enough to play a live stream from
 * another origin; every other page keeps the policy that allows media only from GuestPass
 * itself.
 */
@Component
public class StreamSources {

	private final FramePolicy framing;

	StreamSources(FramePolicy framing) {
		this.framing = framing;
	}

	/**
	 * Lets this response's page load media from the stream's origin. An address whose
	 * origin cannot be written safely into the policy changes nothing (the player then
	 * shows its error).
	 */
	public void allow(HttpServletRequest request, HttpServletResponse response, String streamUrl) {
		origin(streamUrl).ifPresent((origin) -> response.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY,
				ContentSecurityPolicy.withFrameAncestors(this.framing.frameAncestors(request), origin)));
	}

	static Optional<String> origin(String url) {
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost();
			if (!(scheme.equals("https") || scheme.equals("http")) || host == null || !host.matches("[A-Za-z0-9.-]+")) {
				return Optional.empty();
			}
			return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT)
					+ ((uri.getPort() == -1) ? "" : ":" + uri.getPort()));
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

}
