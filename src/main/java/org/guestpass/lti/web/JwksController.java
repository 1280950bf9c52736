package org.guestpass.lti.web;

import java.time.Duration;
import java.util.Map;

import org.guestpass.lti.ToolKeys;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GuestPass's public keys, which platforms fetch to check what GuestPass signs: every key
 * in the key folder, each with its {@code kid}, {@code alg=RS256} and {@code use=sig}.
 */
@RestController
class JwksController {

	/** Platforms may cache the set this long: a new key is published before it signs. */
	private static final Duration CACHE = Duration.ofMinutes(5);

	private final ToolKeys keys;

	JwksController(ToolKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/lti/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(CACHE).cachePublic())
			.body(this.keys.publicKeys().toJSONObject(true));
	}

}
