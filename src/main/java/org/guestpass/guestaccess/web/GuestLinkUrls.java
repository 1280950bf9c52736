package org.guestpass.guestaccess.web;

import org.guestpass.system.PublicAddress;

import org.springframework.stereotype.Component;

/**
 * Builds the URL a guest link is shared as: {@code {base-url}/g/{token}}, on the
 * configured public URL, or else on the URL of the current request.
 */
@Component
class GuestLinkUrls {

	private final PublicAddress address;

	GuestLinkUrls(PublicAddress address) {
		this.address = address;
	}

	String urlOf(String token) {
		if (token == null) {
			return null;
		}
		return this.address.base() + "/g/" + token;
	}

}
