package org.guestpass.lti;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/**
 * Checks id_tokens against each platform's public keys, which are fetched from its JWKS
 * URL and cached: a token signed with a key id the cache does not hold makes the keys be
 * fetched again once (so a platform's key rotation just works), and the cache is dropped
 * after {@link #CACHE_LIFETIME}, so that a key the platform withdrew stops being trusted.
 * Only RS256 is accepted. The claims are the caller's to check.
 */
@Component
class PlatformKeys {

	static final Duration CACHE_LIFETIME = Duration.ofMinutes(10);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final Clock clock;

	private final Map<Long, Cached> decoders = new ConcurrentHashMap<>();

	private final RestTemplate http;

	PlatformKeys(Clock clock) {
		this.clock = clock;
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(TIMEOUT);
		requests.setReadTimeout(TIMEOUT);
		this.http = new RestTemplate(requests);
	}

	/**
	 * The token's claims once its signature is checked against the platform's keys.
	 * @throws org.springframework.security.oauth2.jwt.BadJwtException when it is not a
	 * JWS that one of the platform's RS256 keys signed
	 * @throws org.springframework.security.oauth2.jwt.JwtException when the keys could
	 * not be fetched
	 */
	Jwt verify(Platform platform, String token) {
		Instant now = this.clock.instant();
		Cached cached = this.decoders.compute(platform.id(), (id, current) -> {
			if (current != null && current.jwksUrl().equals(platform.jwksUrl())
					&& current.builtAt().plus(CACHE_LIFETIME).isAfter(now)) {
				return current;
			}
			return new Cached(platform.jwksUrl(), decoder(platform.jwksUrl()), now);
		});
		return cached.decoder().decode(token);
	}

	private JwtDecoder decoder(String jwksUrl) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUrl)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.restOperations(this.http)
			.cache(new ConcurrentMapCache("lti-jwks"))
			.build();
		// The launch checks every claim itself, each with its own refusal.
		decoder.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.success());
		return decoder;
	}

	private record Cached(String jwksUrl, JwtDecoder decoder, Instant builtAt) {
	}

}
