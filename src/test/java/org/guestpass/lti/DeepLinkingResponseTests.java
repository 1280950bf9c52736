package org.guestpass.lti;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.guestpass.MutableClock;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class DeepLinkingResponseTests {

	private static final String SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

	private static final String RETURN_URL = "https://lms.example.edu/deep_links/return";

	private static final Platform PLATFORM = new Platform(1, "Canvas", "https://canvas.example.edu", "tool-client-7",
			List.of("deployment-1"), "https://canvas.example.edu/auth", "https://canvas.example.edu/token",
			"https://canvas.example.edu/jwks", Instant.EPOCH);

	private static final DeepLink LECTURE = new DeepLink("Lecture 1", "https://guestpass.example/lti/launch?m=1", 800,
			450);

	private static final DeepLink SLIDES = new DeepLink("Slides", "https://guestpass.example/lti/launch?m=2", 640, 480);

	@TempDir
	Path data;

	final MutableClock clock = new MutableClock();

	@Test
	void signsTheChosenItemWithTheSigningKeyAndEveryClaimTheSpecificationAsksFor() throws Exception {
		ToolKeys keys = keys();
		Instant now = this.clock.instant();
		DeepLinkingResponses.DeepLinkingResponse response = new DeepLinkingResponses(keys, this.clock, false)
			.respond(launch(settings()), List.of(LECTURE))
			.value();

		assertThat(response.returnUrl()).isEqualTo(RETURN_URL);
		SignedJWT jwt = verified(keys, response.jwt());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.signingKey().kid());
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("tool-client-7");
		assertThat(claims.getAudience()).containsExactly("https://canvas.example.edu");
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(now.truncatedTo(ChronoUnit.SECONDS));
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(5));
		assertThat(claims.getStringClaim("nonce")).hasSize(43);
		assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"))
			.isEqualTo("LtiDeepLinkingResponse");
		assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/version")).isEqualTo("1.3.0");
		assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id"))
			.isEqualTo("deployment-1");
		assertThat(claims.getClaims()).doesNotContainKey("https://purl.imsglobal.org/spec/lti-dl/claim/data");
		assertThat(claims.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items"))
			.containsExactly(Map.of("type", "ltiResourceLink", "title", "Lecture 1", "url",
					"https://guestpass.example/lti/launch?m=1", "iframe", Map.of("width", 800L, "height", 450L)));
	}

	@Test
	void eachResponseHasANonceOfItsOwn() throws Exception {
		ToolKeys keys = keys();
		DeepLinkingResponses responses = new DeepLinkingResponses(keys, this.clock, false);
		String first = verified(keys, responses.respond(launch(settings()), List.of(LECTURE)).value().jwt())
			.getJWTClaimsSet()
			.getStringClaim("nonce");
		String second = verified(keys, responses.respond(launch(settings()), List.of(LECTURE)).value().jwt())
			.getJWTClaimsSet()
			.getStringClaim("nonce");
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void echoesTheRequestsDataAndEveryItemWhenMultipleAreAccepted() throws Exception {
		ToolKeys keys = keys();
		Map<String, Object> settings = settings();
		settings.put("data", "csrftoken:c7fbba78-7b75-46e3-9201-11e6d5f36f53");
		settings.put("accept_multiple", true);
		JWTClaimsSet claims = verified(keys,
				new DeepLinkingResponses(keys, this.clock, false).respond(launch(settings), List.of(LECTURE, SLIDES))
					.value()
					.jwt())
			.getJWTClaimsSet();
		assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"))
			.isEqualTo("csrftoken:c7fbba78-7b75-46e3-9201-11e6d5f36f53");
		List<Object> items = claims.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
		assertThat(items).map((item) -> (Object) ((Map<?, ?>) item).get("title"))
			.containsExactly("Lecture 1", "Slides");
	}

	@Test
	void afterARotationTheNewestKeySigns() throws Exception {
		ToolKeys keys = keys();
		String old = keys.signingKey().kid();
		this.clock.advance(Duration.ofSeconds(1));
		String added = keys.add().kid();
		assertThat(added).isNotEqualTo(old);
		String jwt = new DeepLinkingResponses(keys, this.clock, false).respond(launch(settings()), List.of(LECTURE))
			.value()
			.jwt();
		SignedJWT verified = verified(keys, jwt);
		assertThat(verified.getHeader().getKeyID()).isEqualTo(added);
		RSAKey oldKey = (RSAKey) keys.publicKeys().getKeyByKeyId(old);
		assertThat(SignedJWT.parse(jwt).verify(new RSASSAVerifier(oldKey))).as("the old key").isFalse();
	}

	@Test
	void refusesWhatIsNoDeepLinkingRequestWithAReturnUrl() {
		assertThat(refusal(new Launch(PLATFORM, "deployment-1", "sub", null, null, List.of(), Launch.RESOURCE_LINK,
				"https://guestpass.example/lti/launch", Map.of(SETTINGS, settings())), List.of(LECTURE)))
			.isEqualTo(DeepLinkingRefusal.DEEP_LINKING_NOT_REQUESTED);
		assertThat(refusal(launch(null), List.of(LECTURE))).isEqualTo(DeepLinkingRefusal.DEEP_LINKING_NOT_REQUESTED);
		Map<String, Object> settings = settings();
		settings.remove("deep_link_return_url");
		assertThat(refusal(launch(settings), List.of(LECTURE)))
			.isEqualTo(DeepLinkingRefusal.DEEP_LINKING_NOT_REQUESTED);
	}

	@Test
	void refusesAReturnUrlThatIsNotHttpsButOnLoopbackWhenAllowed() {
		Map<String, Object> settings = settings();
		settings.put("deep_link_return_url", "http://lms.example.edu/deep_links/return");
		assertThat(refusal(launch(settings), List.of(LECTURE)))
			.isEqualTo(DeepLinkingRefusal.DEEP_LINKING_RETURN_URL_INSECURE);
		settings.put("deep_link_return_url", "http://localhost:8081/return");
		assertThat(refusal(launch(settings), List.of(LECTURE)))
			.isEqualTo(DeepLinkingRefusal.DEEP_LINKING_RETURN_URL_INSECURE);
		assertThat(new DeepLinkingResponses(keys(), this.clock, true).respond(launch(settings), List.of(LECTURE))
			.value()
			.returnUrl()).isEqualTo("http://localhost:8081/return");
	}

	@Test
	void refusesWhenThePlatformAcceptsNoLtiLinksHere() {
		Map<String, Object> settings = settings();
		settings.put("accept_types", List.of("link", "file"));
		assertThat(refusal(launch(settings), List.of(LECTURE)))
			.isEqualTo(DeepLinkingRefusal.DEEP_LINKING_LINKS_NOT_ACCEPTED);
		settings.remove("accept_types");
		assertThat(refusal(launch(settings), List.of(LECTURE)))
			.isEqualTo(DeepLinkingRefusal.DEEP_LINKING_LINKS_NOT_ACCEPTED);
	}

	@Test
	void refusesMoreThanOneItemUnlessMultipleAreAccepted() {
		Map<String, Object> settings = settings();
		assertThat(refusal(launch(settings), List.of(LECTURE, SLIDES))).as("accept_multiple absent")
			.isEqualTo(DeepLinkingRefusal.DEEP_LINKING_ONE_ITEM_ONLY);
		settings.put("accept_multiple", false);
		assertThat(refusal(launch(settings), List.of(LECTURE, SLIDES)))
			.isEqualTo(DeepLinkingRefusal.DEEP_LINKING_ONE_ITEM_ONLY);
	}

	@Test
	void refusesWhenNothingIsChosen() {
		assertThat(refusal(launch(settings()), List.of())).isEqualTo(DeepLinkingRefusal.DEEP_LINKING_NOTHING_CHOSEN);
	}

	private Object refusal(Launch launch, List<DeepLink> items) {
		Outcome<DeepLinkingResponses.DeepLinkingResponse> outcome = new DeepLinkingResponses(keys(), this.clock, false)
			.respond(launch, items);
		assertThat(outcome.isRefused()).isTrue();
		return outcome.refusal();
	}

	private static SignedJWT verified(ToolKeys keys, String compact) throws Exception {
		SignedJWT jwt = SignedJWT.parse(compact);
		RSAKey published = (RSAKey) keys.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(published).as("a published key of the header's kid").isNotNull();
		assertThat(published.isPrivate()).isFalse();
		assertThat(jwt.verify(new RSASSAVerifier(published))).as("the signature").isTrue();
		return jwt;
	}

	private static Map<String, Object> settings() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("deep_link_return_url", RETURN_URL);
		settings.put("accept_types", List.of("link", "ltiResourceLink"));
		settings.put("accept_presentation_document_targets", List.of("iframe", "window"));
		return settings;
	}

	private static Launch launch(Map<String, Object> settings) {
		Map<String, Object> claims = new HashMap<>();
		if (settings != null) {
			claims.put(SETTINGS, settings);
		}
		return new Launch(PLATFORM, "deployment-1", "sub", null, null, List.of(), Launch.DEEP_LINKING,
				"https://guestpass.example/lti/launch", claims);
	}

	private ToolKeys keys() {
		GuestPassProperties properties = new Binder(
				new MapConfigurationPropertySource(Map.of("guestpass.data-dir", this.data.toString())))
			.bindOrCreate("guestpass", GuestPassProperties.class);
		return new ToolKeys(properties, this.clock, null);
	}

}
