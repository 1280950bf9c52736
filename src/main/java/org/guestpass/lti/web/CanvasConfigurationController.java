package org.guestpass.lti.web;

import org.guestpass.lti.CanvasConfiguration;
import org.guestpass.system.GuestPassProperties;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * GuestPass's Canvas developer-key configuration at {@code /lti/canvas.json}, public, for
 * a Canvas admin to paste: its URLs are under {@code guestpass.base-url} when it is set,
 * else under the address the request came to.
 */
@RestController
class CanvasConfigurationController {

	private final GuestPassProperties properties;

	CanvasConfigurationController(GuestPassProperties properties) {
		this.properties = properties;
	}

	@GetMapping(path = "/lti/canvas.json", produces = MediaType.APPLICATION_JSON_VALUE)
	CanvasConfiguration canvasConfiguration() {
		return CanvasConfiguration.of(baseUrl());
	}

	private String baseUrl() {
		if (this.properties.baseUrl() != null) {
			return this.properties.baseUrl().toString();
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
