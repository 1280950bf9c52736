package org.guestpass.lti;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Checks id_tokens against each platform's public keys, which are fetched from its JWKS
 * URL (5 s timeouts, at most 1 MB, no redirects followed) and cached for
 * {@link #CACHE_LIFETIME}, so that a key the platform withdrew stops being trusted. A
 * token signed with a key id the cache does not hold makes the keys be fetched again (so
 * a platform's key rotation just works), but at most twice per {@link #REFETCH_INTERVAL}:
 * random key ids cannot make GuestPass hammer a platform or queue its launches behind
 * fetches. A failed fetch keeps the keys fetched before for another cache lifetime. Only
 * RS256 is accepted; the claims are the caller's to check.
 */
@Component
class PlatformKeys {

	static final Duration CACHE_LIFETIME = Duration.ofMinutes(10);

	static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);

	private static final int TIMEOUT_MILLIS = 5_000;

	private static final int SIZE_LIMIT = 1024 * 1024;

	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	/**
	 * The token's claims once its signature is checked against the platform's keys.
	 * @throws org.springframework.security.oauth2.jwt.BadJwtException when it is not a
	 * JWS that one of the platform's RS256 keys signed
	 * @throws org.springframework.security.oauth2.jwt.JwtException when the keys could
	 * not be fetched
	 */
	Jwt verify(Platform platform, String token) {
		return this.decoders.computeIfAbsent(platform.id() + " " + platform.jwksUrl(), (key) -> decoder(platform))
			.decode(token);
	}

	private static JwtDecoder decoder(Platform platform) {
		URL jwks;
		try {
			jwks = URI.create(platform.jwksUrl()).toURL();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalStateException("Not a URL: " + platform.jwksUrl(), ex);
		}
		JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwks, new NoRedirects())
			.cache(CACHE_LIFETIME.toMillis(), TIMEOUT_MILLIS)
			.rateLimited(REFETCH_INTERVAL.toMillis())
			.outageTolerant(CACHE_LIFETIME.toMillis())
			.retrying(false)
			.build();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		// The launch checks every claim itself, each with its own refusal.
		decoder.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.success());
		return decoder;
	}

	/** Fetches a platform's keys without following redirects, within limits. */
	private static final class NoRedirects extends DefaultResourceRetriever {

		NoRedirects() {
			super(TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT);
		}

		@Override
		protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
			HttpURLConnection connection = super.openHTTPConnection(url);
			connection.setInstanceFollowRedirects(false);
			return connection;
		}

	}

}
