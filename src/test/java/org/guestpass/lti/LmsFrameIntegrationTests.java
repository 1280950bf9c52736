package org.guestpass.lti;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * GuestPass inside the LMS's frame: the pages of a launch's session may be framed by the
 * LMS that launched it (its issuer, its authorization endpoint and the web address its
 * signed launch names), and by nobody else; guest links and every other session keep
 * {@code frame-ancestors 'none'}; behind HTTPS the launch's session cookie is
 * {@code SameSite=None; Secure; Partitioned}, a password sign-in's stays {@code Lax}.
 */
@IntegrationTest
class LmsFrameIntegrationTests {

	private static final String SCHOOL = "https://school.instructure.example";

	@LocalServerPort
	int port;

	@Autowired
	Platforms platforms;

	@Autowired
	MutableClock clock;

	FakePlatform platform;

	@BeforeEach
	void register() {
		this.platform = FakePlatform.start(this.clock);
		this.platforms.add(this.platform.draft(), Actor.user("test")).value();
	}

	@AfterEach
	void stop() {
		this.platform.close();
	}

	@Test
	void aTeachersPagesMayBeFramedByTheirLmsAndGuestLinksAndOtherSessionsByNobody() {
		TestClient teacher = TestClient.browser(this.port);
		String[] login = login(teacher);
		TestClient.Response launched = teacher.postForm("/lti/launch",
				Map.of("id_token", launchFrom(SCHOOL, login[1], launchUrl()).sign(), "state", login[0]));
		assertThat(launched.status()).as(launched.body()).isEqualTo(302);

		TestClient.Response media = teacher.get("/media");
		assertThat(media.status()).isEqualTo(200);
		assertThat(frameAncestors(media)).isEqualTo(SCHOOL);
		assertThat(media.header("X-Frame-Options")).as("framing is left to frame-ancestors").isNull();
		assertThat(frameAncestors(teacher.get("/media?q=biology"))).isEqualTo(SCHOOL);

		TestClient.Response styles = teacher.get("/css/guestpass.css");
		assertThat(styles.status()).isEqualTo(200);
		assertThat(frameAncestors(styles)).as("no page: the session is not read for it").isEqualTo("'none'");

		TestClient.Response guestLink = teacher.get("/g/" + "x".repeat(43));
		assertThat(frameAncestors(guestLink)).as("a guest link opens outside the LMS").isEqualTo("'none'");
		assertThat(guestLink.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(frameAncestors(teacher.get("/guest/media/1"))).isEqualTo("'none'");

		TestClient someoneElse = TestClient.browser(this.port);
		TestClient.Response signIn = someoneElse.get("/login");
		assertThat(frameAncestors(signIn)).as("a session no launch started").isEqualTo("'none'");
		assertThat(signIn.header("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void aLearnersPageShowsInTheFrameOfTheirLmsAndARefusalInTheFrameOfAnyRegisteredOne() {
		this.platforms
			.add(new PlatformDraft("Hosted Canvas", "https://canvas.test.example", "10000000000001", List.of("1:abc"),
					"https://sso.test.example/api/lti/authorize_redirect",
					"https://sso.test.example/login/oauth2/token", "https://sso.test.example/api/lti/security/jwks"),
					Actor.user("test"))
			.value();
		TestClient learner = TestClient.browser(this.port);
		String[] login = login(learner);
		TestClient.Response page = learner.postForm("/lti/launch",
				Map.of("id_token", launchFrom(SCHOOL, login[1], launchUrl()).learner().sign(), "state", login[0]));
		assertThat(page.status()).isEqualTo(200);
		assertThat(PageChecks.textOf(page.body(), "h1")).isEqualTo("Nothing to show here");
		assertThat(frameAncestors(page)).isEqualTo(SCHOOL);
		assertThat(frameAncestors(learner.get("/login"))).as("a learner has no session to frame").isEqualTo("'none'");

		TestClient.Response refused = TestClient.browser(this.port)
			.postForm("/lti/launch", Map.of("id_token", "not.a.token", "state", "no-such-state"));
		assertThat(refused.status()).isEqualTo(LaunchRefusal.STATE_UNKNOWN.status().value());
		assertThat(frameAncestors(refused)).isEqualTo("https://canvas.test.example https://sso.test.example");
	}

	@Test
	void onlyHttpsOriginsOfPlainHostsThatTheLaunchSignedMayFrame() {
		for (String returnUrl : List.of("http://school.example/courses/1", "javascript:alert(1)",
				"https://school.example; script-src *", "https://sch'ool.example/", "data:text/html,x")) {
			TestClient teacher = TestClient.browser(this.port);
			String[] login = login(teacher);
			assertThat(
					teacher
						.postForm("/lti/launch",
								Map.of("id_token", launchFrom(returnUrl, login[1], launchUrl()).sign(), "state",
										login[0]))
						.status())
				.isEqualTo(302);
			TestClient.Response media = teacher.get("/media");
			assertThat(media.status()).isEqualTo(200);
			assertThat(frameAncestors(media)).as(returnUrl).isEqualTo("'none'");
		}
	}

	@Test
	void behindHttpsTheLaunchsSessionCookieIsForTheCrossSiteFrameAndAPasswordSignInsIsNot() {
		TestClient teacher = TestClient.browser(this.port);
		// Behind the proxy GuestPass is at https://localhost (port 443).
		String launchUrl = "https://localhost/lti/launch";
		TestClient.Response login = teacher.send(teacher
			.request("/lti/login?iss=" + encode(this.platform.issuer()) + "&login_hint=hint&target_link_uri="
					+ encode(launchUrl) + "&client_id=" + encode(this.platform.clientId()))
			.header("X-Forwarded-Proto", "https"));
		assertThat(login.status()).as(login.body()).isEqualTo(302);
		Map<String, String> request = query(login.header("Location"));
		String loginCookie = setCookie(login, "__Host-GP-LTI=");
		assertThat(loginCookie).contains("Secure").contains("SameSite=None").contains("Partitioned");

		TestClient.Response launched = teacher.send(teacher.request("/lti/launch")
			.header("X-Forwarded-Proto", "https")
			.header("Cookie", loginCookie.substring(0, loginCookie.indexOf(';')))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(launchFrom(SCHOOL, request.get("nonce"), launchUrl).formPost(request.get("state")))));
		assertThat(launched.status()).as(launched.body()).isEqualTo(302);
		String session = setCookie(launched, "__Host-SESSION=");
		assertThat(session).contains("Secure")
			.contains("HttpOnly")
			.contains("SameSite=None")
			.contains("Partitioned")
			.contains("Path=/")
			.doesNotContain("Domain");
		TestClient.Response media = TestClient.browser(this.port)
			.send(TestClient.browser(this.port)
				.request("/media")
				.header("X-Forwarded-Proto", "https")
				.header("Cookie", session.substring(0, session.indexOf(';'))));
		assertThat(media.status()).isEqualTo(200);
		assertThat(frameAncestors(media)).isEqualTo(SCHOOL);

		TestClient local = TestClient.browser(this.port);
		TestClient.Response form = local.send(local.request("/login").header("X-Forwarded-Proto", "https"));
		assertThat(setCookie(form, "__Host-SESSION=")).contains("SameSite=Lax").doesNotContain("Partitioned");
	}

	/** Starts a login in this browser: the state and the nonce of its request. */
	private String[] login(TestClient browser) {
		TestClient.Response answer = browser
			.get("/lti/login?iss=" + encode(this.platform.issuer()) + "&login_hint=hint&target_link_uri="
					+ encode(launchUrl()) + "&client_id=" + encode(this.platform.clientId()));
		assertThat(answer.status()).as(answer.body()).isEqualTo(302);
		Map<String, String> request = query(answer.header("Location"));
		return new String[] { request.get("state"), request.get("nonce") };
	}

	private FakePlatform.IdToken launchFrom(String returnUrl, String nonce, String target) {
		return this.platform.resourceLinkLaunch(nonce, target)
			.claim(FakePlatform.LAUNCH_PRESENTATION, Map.of("document_target", "iframe", "return_url", returnUrl));
	}

	private String launchUrl() {
		return "http://localhost:" + this.port + "/lti/launch";
	}

	private static String frameAncestors(TestClient.Response response) {
		String policy = response.header("Content-Security-Policy");
		assertThat(policy).isNotNull();
		return policy.substring(policy.indexOf("frame-ancestors ") + "frame-ancestors ".length()).split(";")[0];
	}

	private static String setCookie(TestClient.Response response, String prefix) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith(prefix))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + prefix + " in " + response.headers().map()));
	}

	private static Map<String, String> query(String location) {
		Map<String, String> request = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString(location)
			.build()
			.getQueryParams()
			.forEach((name, values) -> request.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		return request;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
