package org.guestpass.guestaccess.web;

import org.guestpass.system.GuestPassProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds the URL a guest link is shared as: {@code {base-url}/g/{token}}, on the
 * configured public URL, or else on the URL of the current request.
 */
@Component
class GuestLinkUrls {

	private final GuestPassProperties properties;

	GuestLinkUrls(GuestPassProperties properties) {
		this.properties = properties;
	}

	String urlOf(String token) {
		if (token == null) {
			return null;
		}
		String base = (this.properties.baseUrl() != null) ? this.properties.baseUrl().toString()
				: ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return stripTrailingSlash(base) + "/g/" + token;
	}

	private static String stripTrailingSlash(String base) {
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
