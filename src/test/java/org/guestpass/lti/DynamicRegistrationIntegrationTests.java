package org.guestpass.lti;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.PageChecks;
import org.guestpass.TestClient;
import org.guestpass.audit.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LTI Dynamic Registration end to end with a fake Canvas on loopback: an admin confirms,
 * GuestPass posts its registration with the token and keeps the client and deployment the
 * platform gave, and the platform's first launch then signs a teacher in; every failure
 * ends on a page that says why, and nothing is kept.
 */
@IntegrationTest
class DynamicRegistrationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Platforms platforms;

	@Autowired
	MutableClock clock;

	FakePlatform platform;

	TestClient admin;

	@BeforeEach
	void start() {
		this.platform = FakePlatform.start(this.clock);
		Person person = this.fixtures.admin(this.port);
		this.admin = TestClient.signedIn(this.port, person.username(), person.password());
	}

	@AfterEach
	void stop() {
		this.platform.close();
	}

	@Test
	void anAdminRegistersGuestPassAndThePlatformsFirstLaunchSignsATeacherIn() {
		TestClient.Response page = this.admin.get(initiation());
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(PageChecks.textOf(page.body(), "h1")).isEqualTo("Register GuestPass with your LMS");
		assertThat(page.text()).contains(this.platform.issuer());
		assertThat(PageChecks.control(page.body(), "name").attr("value")).isEqualTo("Canvas (Fake University)");
		assertThat(this.platform.openIdConfigurationAuthorization())
			.isEqualTo("Bearer " + this.platform.registrationToken());
		PageChecks.assertAccessiblePage(page.body());

		TestClient.Response registered = this.admin.postForm("/lti/register", form(page.body(), "Fake Canvas"));
		assertThat(registered.status()).as(registered.body()).isEqualTo(200);
		assertThat(PageChecks.textOf(registered.body(), "h1")).isEqualTo("GuestPass is registered");
		assertThat(PageChecks.select(registered.body(), "[data-lti-close]")).isNotEmpty();
		assertThat(PageChecks.select(registered.body(), "#no-deployment")).as("the LMS gave a deployment").isEmpty();
		assertThat(PageChecks.select(registered.body(), "script[src='/js/lti.js']")).isNotEmpty();

		String sent = this.platform.registrationJson();
		String base = "http://localhost:" + this.port;
		assertThat(this.platform.registrationAuthorization()).isEqualTo("Bearer " + this.platform.registrationToken());
		assertThat((String) JsonPath.read(sent, "$.application_type")).isEqualTo("web");
		assertThat((String) JsonPath.read(sent, "$.initiate_login_uri")).isEqualTo(base + "/lti/login");
		assertThat((List<String>) JsonPath.read(sent, "$.redirect_uris")).containsExactly(base + "/lti/launch");
		assertThat((String) JsonPath.read(sent, "$.jwks_uri")).isEqualTo(base + "/lti/jwks");
		assertThat((String) JsonPath.read(sent, "$.token_endpoint_auth_method")).isEqualTo("private_key_jwt");
		String tool = "$['" + FakePlatform.TOOL_CONFIGURATION + "']";
		assertThat((String) JsonPath.read(sent, tool + ".domain")).isEqualTo("localhost");
		assertThat((String) JsonPath.read(sent, tool + ".target_link_uri")).isEqualTo(base + "/lti/launch");
		assertThat((List<String>) JsonPath.read(sent, tool + ".claims")).contains("sub", "name", "email");
		assertThat((String) JsonPath.read(sent, tool + ".custom_parameters.course_end_at"))
			.isEqualTo("$Canvas.course.endAt");
		assertThat((List<String>) JsonPath.read(sent,
				tool + ".messages[?(@.type == 'LtiResourceLinkRequest')].placements[*]"))
			.containsExactly("course_navigation");
		assertThat((List<String>) JsonPath.read(sent,
				tool + ".messages[?(@.type == 'LtiDeepLinkingRequest')].placements[*]"))
			.containsExactly("editor_button", "link_selection");
		assertThat((String) JsonPath.read(sent, tool + "['https://canvas.instructure.com/lti/privacy_level']"))
			.isEqualTo("public");

		Optional<Platform> kept = this.platforms.find(this.platform.issuer(), this.platform.clientId());
		assertThat(kept).isPresent();
		assertThat(kept.get().name()).isEqualTo("Fake Canvas");
		assertThat(kept.get().deploymentIds()).containsExactly(this.platform.deploymentId());
		assertThat(kept.get().jwksUrl()).isEqualTo(this.platform.jwksUrl());

		// The platform's first launch, in a teacher's browser.
		TestClient teacher = TestClient.browser(this.port);
		TestClient.Response login = teacher
			.get("/lti/login?iss=" + encode(this.platform.issuer()) + "&login_hint=teacher&target_link_uri="
					+ encode(base + "/lti/launch") + "&client_id=" + encode(this.platform.clientId()));
		assertThat(login.status()).isEqualTo(302);
		Map<String, String> request = UriComponentsBuilder.fromUriString(login.header("Location"))
			.build()
			.getQueryParams()
			.toSingleValueMap();
		String nonce = URLDecoder.decode(request.get("nonce"), StandardCharsets.UTF_8);
		String state = URLDecoder.decode(request.get("state"), StandardCharsets.UTF_8);
		TestClient.Response launched = teacher.postForm("/lti/launch", Map.of("id_token",
				this.platform.resourceLinkLaunch(nonce, base + "/lti/launch").sign(), "state", state));
		assertThat(launched.status()).as(launched.body()).isEqualTo(302);
		assertThat(teacher.get("/media").status()).isEqualTo(200);
	}

	@Test
	void aConfigurationWhoseIssuerIsOnAnotherHostIsRefused() {
		this.platform.issuerInOpenIdConfiguration("https://canvas.instructure.com");
		assertRefused(this.admin.get(initiation()), RegistrationRefusal.ISSUER_MISMATCH);
		assertThat(this.platform.registrationJson()).as("nothing was posted").isNull();
	}

	@Test
	void aRegistrationThePlatformRefusesKeepsNothing() {
		String wrongToken = initiation().replace(encode(this.platform.registrationToken()), "not-the-token");
		TestClient.Response page = this.admin.get(wrongToken);
		assertThat(page.status()).isEqualTo(200);
		assertRefused(this.admin.postForm("/lti/register", form(page.body(), "Fake Canvas")),
				RegistrationRefusal.PLATFORM_REFUSED);
		assertThat(this.platforms.find(this.platform.issuer(), this.platform.clientId())).isEmpty();
	}

	@Test
	void aConfirmationIsSentOnceAndOnlyFromTheSessionThatWasShownIt() {
		TestClient.Response page = this.admin.get(initiation());
		Map<String, String> form = form(page.body(), "Fake Canvas");
		assertThat(page.body()).as("the token stays on the server").doesNotContain(this.platform.registrationToken());
		Map<String, String> madeUp = new LinkedHashMap<>(form);
		madeUp.put("registration", "made-up");
		assertRefused(this.admin.postForm("/lti/register", madeUp), RegistrationRefusal.EXPIRED);
		assertThat(this.admin.postForm("/lti/register", form).status()).isEqualTo(200);
		this.admin.get("/admin/lti");
		form.put("_csrf", PageChecks.csrfToken(this.admin.get("/admin/lti").body()));
		assertRefused(this.admin.postForm("/lti/register", form), RegistrationRefusal.EXPIRED);
	}

	@Test
	void aClientIdGuestPassAlreadyHasIsShownForTheAdminToSortOut() {
		this.platforms.add(
				new PlatformDraft("Already here", this.platform.issuer(), this.platform.clientId(), List.of(),
						this.platform.authorizationUrl(), this.platform.tokenUrl(), this.platform.jwksUrl()),
				Actor.user("test"));
		TestClient.Response page = this.admin.get(initiation());
		TestClient.Response notKept = this.admin.postForm("/lti/register", form(page.body(), "Fake Canvas"));
		assertThat(notKept.status()).isEqualTo(409);
		assertThat(PageChecks.textOf(notKept.body(), "#reason")).contains("client ID " + this.platform.clientId())
			.contains("deployment ID " + this.platform.deploymentId())
			.contains(LtiRefusal.PLATFORM_EXISTS.message());
		assertThat(this.platforms.find(this.platform.issuer(), this.platform.clientId()).get().name())
			.isEqualTo("Already here");
	}

	@Test
	void aBadNameIsShownNextToItsFieldAndNothingIsPosted() {
		TestClient.Response page = this.admin.get(initiation());
		TestClient.Response refused = this.admin.postForm("/lti/register", form(page.body(), " "));
		assertThat(refused.status()).isEqualTo(400);
		PageChecks.assertErrorNextToField(refused.body(), "name", LtiRefusal.PLATFORM_NAME_INVALID.message());
		assertThat(this.platform.registrationJson()).isNull();
	}

	@Test
	void aMissingOrUnreachableConfigurationIsExplained() {
		assertRefused(this.admin.get("/lti/register"), RegistrationRefusal.INCOMPLETE);
		TestClient.Response unreachable = this.admin
			.get("/lti/register?openid_configuration=" + encode("http://127.0.0.1:1/openid-configuration"));
		assertRefused(unreachable, RegistrationRefusal.CONFIGURATION_UNREACHABLE);
		assertThat(unreachable.header("Retry-After")).isEqualTo("60");
		assertRefused(this.admin.get("/lti/register?openid_configuration=" + encode("http://lms.example/config")),
				RegistrationRefusal.CONFIGURATION_INVALID);
	}

	@Test
	void onlyAdminsRegister() {
		Person member = this.fixtures.member(this.port);
		assertThat(TestClient.signedIn(this.port, member.username(), member.password()).get(initiation()).status())
			.isEqualTo(403);
		TestClient.Response visitor = TestClient.browser(this.port).get(initiation());
		assertThat(visitor.status()).isEqualTo(302);
		assertThat(visitor.header("Location")).endsWith("/login");
		assertThat(this.platform.openIdConfigurationFetches()).as("nothing fetched for them").isZero();
	}

	private void assertRefused(TestClient.Response response, RegistrationRefusal refusal) {
		assertThat(response.status()).as(response.body()).isEqualTo(refusal.status().value());
		assertThat(PageChecks.textOf(response.body(), "#reason")).isEqualTo(refusal.message());
	}

	private String initiation() {
		return this.platform.registrationInitiation("/lti/register");
	}

	private Map<String, String> form(String page, String name) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", PageChecks.csrfToken(page));
		form.put("name", name);
		form.put("registration", PageChecks.control(page, "registration").attr("value"));
		return form;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
