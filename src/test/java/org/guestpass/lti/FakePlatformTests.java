package org.guestpass.lti;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fake LMS platform speaks the protocol for real: what it signs verifies against the
 * JWKS fetched from it over HTTP (and only that), key rotation retires the old key, its
 * OpenID configuration is Canvas-shaped, its registration endpoint wants the registration
 * token, and its authorization endpoint answers with a form_post.
 */
class FakePlatformTests {

	private static final String LAUNCH = "https://tool.example/lti/launch";

	private final HttpClient http = HttpClient.newHttpClient();

	private FakePlatform platform;

	@BeforeEach
	void start() {
		this.platform = FakePlatform.start(Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		this.platform.close();
	}

	@Test
	void aResourceLinkLaunchVerifiesAgainstTheJwksFetchedOverHttp() throws Exception {
		assertThat(this.platform.issuer()).matches("http://127\\.0\\.0\\.1:\\d+");
		assertThat(this.platform.clientId()).matches("10000000000\\d{5}");
		assertThat(this.platform.deploymentId()).matches("12:[0-9a-f]{40}");
		HttpResponse<String> jwks = get(this.platform.jwksUrl());
		assertThat(jwks.statusCode()).isEqualTo(200);
		assertThat(jwks.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(jwks.body()).doesNotContain("\"d\"");
		JWKSet keys = JWKSet.parse(jwks.body());
		assertThat(keys.getKeys()).singleElement()
			.satisfies((key) -> assertThat(key.getKeyID()).isEqualTo(this.platform.kid()));

		String token = this.platform.resourceLinkLaunch("n-1", LAUNCH).sign();
		assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		JWTClaimsSet claims = verify(token, keys);
		assertThat(claims.getIssuer()).isEqualTo(this.platform.issuer());
		assertThat(claims.getAudience()).containsExactly(this.platform.clientId());
		assertThat(SignedJWT.parse(token).getPayload().toJSONObject().get("aud")).as("a single audience is a string")
			.isEqualTo(this.platform.clientId());
		assertThat(claims.getStringClaim("azp")).isEqualTo(this.platform.clientId());
		assertThat(claims.getStringClaim("nonce")).isEqualTo("n-1");
		assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now().plusSeconds(3500));
		assertThat(claims.getStringClaim("email")).isEqualTo("ada.lovelace@school.example");
		assertThat(claims.getStringClaim(FakePlatform.MESSAGE_TYPE)).isEqualTo("LtiResourceLinkRequest");
		assertThat(claims.getStringClaim(FakePlatform.VERSION)).isEqualTo("1.3.0");
		assertThat(claims.getStringClaim(FakePlatform.DEPLOYMENT_ID)).isEqualTo(this.platform.deploymentId());
		assertThat(claims.getStringClaim(FakePlatform.TARGET_LINK_URI)).isEqualTo(LAUNCH);
		assertThat(claims.getJSONObjectClaim(FakePlatform.RESOURCE_LINK)).containsKeys("id", "title");
		assertThat(claims.getStringListClaim(FakePlatform.ROLES)).contains(FakePlatform.INSTRUCTOR);
		assertThat(claims.getJSONObjectClaim(FakePlatform.CONTEXT)).containsEntry("label", "BIO101")
			.containsEntry("type", List.of(FakePlatform.COURSE_OFFERING));
		assertThat(claims.getJSONObjectClaim(FakePlatform.TOOL_PLATFORM)).containsEntry("product_family_code",
				"canvas");
		assertThat(claims.getJSONObjectClaim(FakePlatform.LAUNCH_PRESENTATION)).containsEntry("document_target",
				"iframe");
		assertThat(claims.getJSONObjectClaim(FakePlatform.CUSTOM)).containsEntry("course_end_at",
				"2027-05-30T23:59:59Z");
		assertThat(claims.getStringClaim(FakePlatform.PLACEMENT)).isEqualTo("course_navigation");
	}

	@Test
	void aTokenSignedWithAnotherKeyUnderTheSameKidDoesNotVerify() throws Exception {
		JWKSet keys = JWKSet.parse(get(this.platform.jwksUrl()).body());
		String token = this.platform.resourceLinkLaunch("n", LAUNCH).signedWithAnotherKey().sign();
		assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(this.platform.kid());
		assertThatExceptionOfType(BadJOSEException.class).isThrownBy(() -> verify(token, keys));
	}

	@Test
	void aRotatedKeySignsFromNowOnAndTheJwksPublishesOnlyIt() throws Exception {
		String oldKid = this.platform.kid();
		String before = this.platform.resourceLinkLaunch("n", LAUNCH).sign();
		JWKSet oldKeys = JWKSet.parse(get(this.platform.jwksUrl()).body());

		this.platform.rotateKey();
		assertThat(this.platform.kid()).isNotEqualTo(oldKid);
		String after = this.platform.resourceLinkLaunch("n", LAUNCH).sign();
		assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(this.platform.kid());
		JWKSet newKeys = JWKSet.parse(get(this.platform.jwksUrl()).body());
		assertThat(newKeys.getKeys()).singleElement()
			.satisfies((key) -> assertThat(key.getKeyID()).isEqualTo(this.platform.kid()));
		assertThat(verify(after, newKeys).getIssuer()).isEqualTo(this.platform.issuer());
		assertThatExceptionOfType(BadJOSEException.class).isThrownBy(() -> verify(before, newKeys));
		assertThatExceptionOfType(BadJOSEException.class).isThrownBy(() -> verify(after, oldKeys));
	}

	@Test
	void countsJwksFetches() throws Exception {
		assertThat(this.platform.jwksFetches()).isZero();
		get(this.platform.jwksUrl());
		get(this.platform.jwksUrl());
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
		get(this.platform.openIdConfigurationUrl());
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
	}

	@Test
	void servesACanvasShapedOpenIdConfigurationThatCanBeMadeToLie() throws Exception {
		HttpResponse<String> response = get(this.platform.openIdConfigurationUrl());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		String json = response.body();
		assertThat((String) JsonPath.read(json, "$.issuer")).isEqualTo(this.platform.issuer());
		assertThat((String) JsonPath.read(json, "$.authorization_endpoint"))
			.isEqualTo(this.platform.authorizationUrl());
		assertThat((String) JsonPath.read(json, "$.token_endpoint")).isEqualTo(this.platform.tokenUrl());
		assertThat((String) JsonPath.read(json, "$.jwks_uri")).isEqualTo(this.platform.jwksUrl());
		assertThat((String) JsonPath.read(json, "$.registration_endpoint"))
			.isEqualTo(this.platform.issuer() + "/api/lti/registrations");
		assertThat((List<String>) JsonPath.read(json, "$.response_types_supported")).containsExactly("id_token");
		assertThat((List<String>) JsonPath.read(json, "$.id_token_signing_alg_values_supported"))
			.containsExactly("RS256");
		assertThat((List<String>) JsonPath.read(json, "$.subject_types_supported")).containsExactly("public",
				"pairwise");
		assertThat((List<String>) JsonPath.read(json, "$.token_endpoint_auth_methods_supported"))
			.containsExactly("private_key_jwt");
		assertThat((List<String>) JsonPath.read(json, "$.scopes_supported")).contains("openid");
		assertThat((List<String>) JsonPath.read(json, "$.claims_supported")).contains("sub", "email");
		Map<String, Object> lti = JsonPath.read(json, "$['" + FakePlatform.PLATFORM_CONFIGURATION + "']");
		assertThat(lti).containsEntry("product_family_code", "canvas")
			.containsEntry("version", "cloud")
			.containsEntry("variables", List.of("Canvas.course.endAt", "Canvas.term.endAt"));
		assertThat((List<String>) JsonPath.read(lti, "$.messages_supported[*].type"))
			.containsExactly("LtiResourceLinkRequest", "LtiDeepLinkingRequest");
		assertThat((List<String>) JsonPath.read(lti, "$.messages_supported[1].placements")).contains("editor_button");

		this.platform.issuerInOpenIdConfiguration("https://canvas.instructure.com");
		String lying = get(this.platform.openIdConfigurationUrl()).body();
		assertThat((String) JsonPath.read(lying, "$.issuer")).isEqualTo("https://canvas.instructure.com");
		assertThat(this.platform.openIdConfigurationFetches()).isEqualTo(2);
	}

	@Test
	void theRegistrationEndpointWantsTheRegistrationTokenAndEchoesTheClientAndDeployment() throws Exception {
		String registration = "{\"application_type\":\"web\",\"client_name\":\"GuestPass\","
				+ "\"https://purl.imsglobal.org/spec/lti-tool-configuration\":{\"domain\":\"tool.example\"}}";
		assertThat(this.platform.registrationJson()).isNull();

		HttpResponse<String> refused = post(this.platform.registrationUrl(), "Bearer wrong", registration);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(this.platform.registrationAuthorization()).isEqualTo("Bearer wrong");
		assertThat(this.platform.registrationJson()).isEqualTo(registration);
		assertThat(post(this.platform.registrationUrl(), null, registration).statusCode()).isEqualTo(401);
		assertThat(this.platform.registrationAuthorization()).isNull();

		HttpResponse<String> accepted = post(this.platform.registrationUrl(),
				"Bearer " + this.platform.registrationToken(), registration);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(this.platform.registrationAuthorization()).isEqualTo("Bearer " + this.platform.registrationToken());
		assertThat(this.platform.registrationJson()).isEqualTo(registration);
		String json = accepted.body();
		assertThat((String) JsonPath.read(json, "$.client_id")).isEqualTo(this.platform.clientId());
		assertThat((String) JsonPath.read(json, "$.client_name")).isEqualTo("GuestPass");
		String tool = "$['" + FakePlatform.TOOL_CONFIGURATION + "']";
		assertThat((String) JsonPath.read(json, tool + ".deployment_id")).isEqualTo(this.platform.deploymentId());
		assertThat((String) JsonPath.read(json, tool + ".domain")).isEqualTo("tool.example");
		assertThat(this.platform.registrationInitiation("https://tool.example/lti/register"))
			.contains("openid_configuration="
					+ URLEncoder.encode(this.platform.openIdConfigurationUrl(), StandardCharsets.UTF_8))
			.contains("registration_token=" + this.platform.registrationToken());
	}

	@Test
	void aDeepLinkingRequestCarriesItsSettings() throws Exception {
		JWKSet keys = JWKSet.parse(get(this.platform.jwksUrl()).body());
		JWTClaimsSet claims = verify(
				this.platform.deepLinkingRequest("n", LAUNCH, "https://lms.example/deep_link_return").sign(), keys);
		assertThat(claims.getStringClaim(FakePlatform.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingRequest");
		assertThat(claims.getStringClaim(FakePlatform.PLACEMENT)).isEqualTo("editor_button");
		assertThat(claims.getClaim(FakePlatform.RESOURCE_LINK)).isNull();
		Map<String, Object> settings = claims.getJSONObjectClaim(FakePlatform.DEEP_LINKING_SETTINGS);
		assertThat(settings).containsEntry("deep_link_return_url", "https://lms.example/deep_link_return")
			.containsEntry("accept_types", List.of("ltiResourceLink"))
			.containsEntry("accept_presentation_document_targets", List.of("iframe", "window"))
			.containsEntry("accept_multiple", false);
		assertThat((String) settings.get("data")).startsWith("opaque-");
	}

	@Test
	void theBuilderChangesWhatItSigns() throws Exception {
		Instant issued = Instant.parse("2026-01-01T10:00:00Z");
		String token = this.platform.resourceLinkLaunch("n", LAUNCH)
			.learner()
			.audience(this.platform.clientId(), "someone-else")
			.issuedAt(issued)
			.without("email")
			.claim("locale", "de")
			.kid("elsewhere")
			.sign();
		SignedJWT jwt = SignedJWT.parse(token);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("elsewhere");
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getStringListClaim(FakePlatform.ROLES)).containsExactly(FakePlatform.LEARNER,
				FakePlatform.INSTITUTION_STUDENT);
		assertThat(claims.getAudience()).containsExactly(this.platform.clientId(), "someone-else");
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(issued);
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(issued.plusSeconds(3600));
		assertThat(claims.getClaims()).doesNotContainKey("email");
		assertThat(claims.getStringClaim("locale")).isEqualTo("de");

		JWTClaimsSet later = SignedJWT
			.parse(this.platform.resourceLinkLaunch("n", LAUNCH)
				.issuedAt(issued)
				.expiresAt(issued.plusSeconds(60))
				.roles()
				.sign())
			.getJWTClaimsSet();
		assertThat(later.getExpirationTime().toInstant()).isEqualTo(issued.plusSeconds(60));
		assertThat(later.getStringListClaim(FakePlatform.ROLES)).isEmpty();
	}

	@Test
	void theAuthorizationEndpointAnswersAnAuthenticationRequestWithAFormPost() throws Exception {
		String hint = this.platform.loginHint(this.platform.resourceLinkLaunch(null, LAUNCH));
		String request = "scope=openid&response_type=id_token&response_mode=form_post&prompt=none&client_id="
				+ this.platform.clientId() + "&redirect_uri=" + URLEncoder.encode(LAUNCH, StandardCharsets.UTF_8)
				+ "&state=s%26t&nonce=from-the-tool&login_hint=" + hint;
		HttpResponse<String> wrongClient = get(
				this.platform.authorizationUrl() + "?" + request.replace(this.platform.clientId(), "999"));
		assertThat(wrongClient.statusCode()).isEqualTo(400);

		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(URI.create(this.platform.authorizationUrl()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(request))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("action=\"" + LAUNCH + "\"").contains("name=\"state\" value=\"s&amp;t\"");
		assertThat(this.platform.authorizationRequest()).containsEntry("login_hint", hint)
			.containsEntry("state", "s&t");
		Matcher idToken = Pattern.compile("name=\"id_token\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(idToken.find()).isTrue();
		JWTClaimsSet claims = verify(idToken.group(1), this.platform.publicKeys());
		assertThat(claims.getStringClaim("nonce")).isEqualTo("from-the-tool");

		HttpResponse<String> again = get(this.platform.authorizationUrl() + "?" + request);
		assertThat(again.statusCode()).as("a login hint is redeemed once").isEqualTo(400);
	}

	private JWTClaimsSet verify(String token, JWKSet keys) throws Exception {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
		processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(this.platform.clientId(),
				new JWTClaimsSet.Builder().issuer(this.platform.issuer()).build(),
				Set.of("sub", "iat", "exp", "nonce", FakePlatform.DEPLOYMENT_ID, FakePlatform.MESSAGE_TYPE)));
		return processor.process(token, null);
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, String authorization, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
