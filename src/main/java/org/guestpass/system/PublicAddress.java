package org.guestpass.system;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where people and platforms reach GuestPass: {@code guestpass.base-url} when it is set,
 * otherwise the address of the request being answered; without a trailing slash, so that
 * a path can follow.
 */
@Component
public class PublicAddress {

	private final GuestPassProperties properties;

	public PublicAddress(GuestPassProperties properties) {
		this.properties = properties;
	}

	/** The base address, such as {@code https://guestpass.school.example}. */
	public String base() {
		String base = (this.properties.baseUrl() != null) ? this.properties.baseUrl().toString()
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return base.replaceAll("/+$", "");
	}

}
