package org.guestpass.lti.web;

import org.guestpass.lti.CanvasConfiguration;
import org.guestpass.system.PublicAddress;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GuestPass's Canvas developer-key configuration at {@code /lti/canvas.json}, public, for
 * a Canvas admin to paste: its URLs are under {@code guestpass.base-url} when it is set,
 * else under the address the request came to.
 */
@RestController
class CanvasConfigurationController {

	private final PublicAddress address;

	CanvasConfigurationController(PublicAddress address) {
		this.address = address;
	}

	@GetMapping(path = "/lti/canvas.json", produces = MediaType.APPLICATION_JSON_VALUE)
	CanvasConfiguration canvasConfiguration() {
		return CanvasConfiguration.of(baseUrl());
	}

	private String baseUrl() {
		return this.address.base();
	}

}
