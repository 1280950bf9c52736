package org.guestpass.system;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.stereotype.Component;

/**
 * The headers every answer carries, in one list: the Content-Security-Policy,
 * {@code nosniff}, framing, the referrer policy, no caching unless a page says otherwise,
 * and HSTS behind HTTPS. The security filter chain writes them on every answer it sees;
 * an answer written outside it (the 503 while the database is unreachable) writes the
 * same list.
 */
@Component
class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

	private static final HeaderWriter DENY_FRAMING = new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY);

	private final List<HeaderWriter> writers;

	SecurityHeaders(FramePolicy framing) {
		List<HeaderWriter> writers = new ArrayList<>();
		String configuredPolicy = ContentSecurityPolicy.withFrameAncestors(framing.configured());
		writers.add((request, response) -> {
			String frameAncestors = framing.frameAncestors(request, response);
			if (!response.containsHeader(CONTENT_SECURITY_POLICY)) {
				response.setHeader(CONTENT_SECURITY_POLICY, frameAncestors.equals(framing.configured())
						? configuredPolicy : ContentSecurityPolicy.withFrameAncestors(frameAncestors));
			}
			// frame-ancestors governs framing; X-Frame-Options only for browsers that
			// ignore it.
			if (!ContentSecurityPolicy.allowsFraming(frameAncestors)) {
				DENY_FRAMING.writeHeaders(request, response);
			}
		});
		writers.add(new XContentTypeOptionsHeaderWriter());
		writers.add(new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER));
		writers.add(new XXssProtectionHeaderWriter());
		writers.add(new CacheControlHeadersWriter());
		writers.add(new HstsHeaderWriter());
		this.writers = List.copyOf(writers);
	}

	/** The writers, for the security filter chain. */
	List<HeaderWriter> writers() {
		return this.writers;
	}

	/** Writes every header on a response that the security filter chain does not see. */
	void writeTo(HttpServletRequest request, HttpServletResponse response) {
		for (HeaderWriter writer : this.writers) {
			writer.writeHeaders(request, response);
		}
	}

}
