package org.guestpass.lti;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.PageChecks;
import org.guestpass.TestClient;
import org.guestpass.account.AccountRefusal;
import org.guestpass.account.Accounts;
import org.guestpass.audit.Actor;
import org.guestpass.settings.LmsSettings;
import org.guestpass.settings.SiteSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LTI 1.3 logins and launches from a fake Canvas on loopback that signs its id_tokens
 * with its own keys: an accepted launch, and every check of the Security Framework
 * refusing what breaks it, each with its own words on the page and its status.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LaunchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Platforms platforms;

	@Autowired
	MutableClock clock;

	@Autowired
	Accounts accountsService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SiteSettings settings;

	FakePlatform platform;

	TestClient browser;

	@BeforeEach
	void register() {
		this.platform = FakePlatform.start(this.clock);
		this.platforms.add(this.platform.draft(), Actor.user("test")).value();
		this.browser = TestClient.browser(this.port);
	}

	@AfterEach
	void stop() {
		this.platform.close();
	}

	@Test
	void aLoginIsAnsweredWithTheAuthenticationRequestAndItsLaunchIsAccepted() {
		Login login = login(this.browser);
		assertThat(login.request()).containsEntry("scope", "openid")
			.containsEntry("response_type", "id_token")
			.containsEntry("response_mode", "form_post")
			.containsEntry("prompt", "none")
			.containsEntry("client_id", this.platform.clientId())
			.containsEntry("redirect_uri", launchUrl())
			.containsEntry("login_hint", "hint+of/the:platform")
			.containsEntry("lti_message_hint", "message-hint");
		assertThat(login.state()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(login.nonce());
		assertThat(login.cookie()).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");

		TestClient.Response launched = launch(this.browser, login,
				this.platform.resourceLinkLaunch(login.nonce(), launchUrl()));
		assertAccepted(launched);
	}

	@Test
	void aLearnersLaunchAndOneThatNamesItsClientAmongSeveralAudiencesAreAccepted() {
		Login learner = login(this.browser);
		TestClient.Response learnersPage = launch(this.browser, learner,
				this.platform.resourceLinkLaunch(learner.nonce(), launchUrl()).learner());
		assertThat(learnersPage.status()).isEqualTo(200);
		assertThat(PageChecks.textOf(learnersPage.body(), "h1")).isEqualTo("Nothing to show here");
		assertThat(this.browser.get("/media").status()).as("a learner is not signed in").isEqualTo(302);
		Login several = login(this.browser);
		assertAccepted(launch(this.browser, several,
				this.platform.resourceLinkLaunch(several.nonce(), launchUrl())
					.audience(this.platform.clientId(), "https://another.tool.example")
					.claim("azp", this.platform.clientId())));
	}

	@Test
	void eachBrokenClaimIsRefusedWithItsOwnReason() {
		Instant now = this.clock.instant();
		Map<String, Case> cases = new LinkedHashMap<>();
		cases.put("another key, same kid",
				new Case(FakePlatform.IdToken::signedWithAnotherKey, LaunchRefusal.SIGNATURE_INVALID));
		cases.put("a kid the platform never published",
				new Case((token) -> token.kid("no-such-key"), LaunchRefusal.SIGNATURE_INVALID));
		cases.put("another issuer",
				new Case((token) -> token.claim("iss", "https://canvas.other.example"), LaunchRefusal.ISSUER_MISMATCH));
		cases.put("another audience", new Case((token) -> token.audience("someone-else").claim("azp", "someone-else"),
				LaunchRefusal.AUDIENCE_MISMATCH));
		cases.put("several audiences without azp",
				new Case((token) -> token.audience(this.platform.clientId(), "someone-else").without("azp"),
						LaunchRefusal.AUDIENCE_MISMATCH));
		cases.put("expired beyond the skew", new Case((token) -> token.issuedAt(now.minus(Duration.ofMinutes(10)))
			.expiresAt(now.minus(Duration.ofMinutes(2))), LaunchRefusal.TOKEN_EXPIRED));
		cases.put("expiring before it was issued",
				new Case((token) -> token.expiresAt(now.minusSeconds(1)), LaunchRefusal.CLAIM_INVALID));
		cases.put("no issue time", new Case((token) -> token.without("iat"), LaunchRefusal.CLAIM_INVALID));
		cases.put("issued in the future", new Case((token) -> token.issuedAt(now.plus(Duration.ofMinutes(2))),
				LaunchRefusal.TOKEN_NOT_YET_VALID));
		cases.put("not valid before a time to come", new Case(
				(token) -> token.claim("nbf", now.plus(Duration.ofMinutes(2))), LaunchRefusal.TOKEN_NOT_YET_VALID));
		cases.put("another nonce",
				new Case((token) -> token.claim("nonce", "not-the-login-nonce"), LaunchRefusal.NONCE_MISMATCH));
		cases.put("no nonce", new Case((token) -> token.without("nonce"), LaunchRefusal.NONCE_MISMATCH));
		cases.put("LTI 1.1",
				new Case((token) -> token.claim(FakePlatform.VERSION, "1.1.0"), LaunchRefusal.VERSION_UNSUPPORTED));
		cases.put("another message",
				new Case((token) -> token.claim(FakePlatform.MESSAGE_TYPE, "LtiSubmissionReviewRequest"),
						LaunchRefusal.MESSAGE_UNSUPPORTED));
		cases.put("an unknown deployment", new Case((token) -> token.claim(FakePlatform.DEPLOYMENT_ID, "13:other"),
				LaunchRefusal.DEPLOYMENT_UNKNOWN));
		cases.put("another target link",
				new Case((token) -> token.claim(FakePlatform.TARGET_LINK_URI, launchUrl() + "?item=2"),
						LaunchRefusal.TARGET_LINK_MISMATCH));
		cases.put("no roles", new Case((token) -> token.without(FakePlatform.ROLES), LaunchRefusal.CLAIM_INVALID));
		cases.put("roles that are not a list",
				new Case((token) -> token.claim(FakePlatform.ROLES, "Instructor"), LaunchRefusal.CLAIM_INVALID));
		cases.put("no subject", new Case((token) -> token.without("sub"), LaunchRefusal.CLAIM_INVALID));
		cases.put("a subject of 256 characters",
				new Case((token) -> token.claim("sub", "s".repeat(256)), LaunchRefusal.CLAIM_INVALID));
		cases.put("no resource link",
				new Case((token) -> token.without(FakePlatform.RESOURCE_LINK), LaunchRefusal.CLAIM_INVALID));
		cases.put("no expiry", new Case((token) -> token.without("exp"), LaunchRefusal.CLAIM_INVALID));
		for (Map.Entry<String, Case> each : cases.entrySet()) {
			Login login = login(this.browser);
			TestClient.Response refused = launch(this.browser, login,
					each.getValue().change().apply(this.platform.resourceLinkLaunch(login.nonce(), launchUrl())));
			assertRefused(refused, each.getValue().refusal(), each.getKey());
		}
	}

	@Test
	void aTeachersLaunchesSignInOneAccountOfTheirOwnThatAnAdminCanDisable() {
		Login login = login(this.browser);
		FakePlatform.IdToken first = this.platform.resourceLinkLaunch(login.nonce(), launchUrl());
		String subject = (String) first.get("sub");
		assertAccepted(launch(this.browser, login, first));
		TestClient again = TestClient.browser(this.port);
		Login second = login(again);
		TestClient.Response renamed = launch(again, second,
				this.platform.resourceLinkLaunch(second.nonce(), launchUrl())
					.claim("sub", subject)
					.claim("name", "Ada King"));
		assertThat(renamed.status()).isEqualTo(302);
		assertThat(PageChecks.textOf(again.get("/media").body(), "header .who")).isEqualTo("Ada King");

		List<Long> accounts = this.jdbc.sql("select account_id from account_identity where issuer = :issuer")
			.param("issuer", this.platform.issuer())
			.query(Long.class)
			.list();
		assertThat(accounts).as("one account for the person, whatever their name").hasSize(1);
		assertThat(this.jdbc.sql("select username from account where id = :id")
			.param("id", accounts.get(0))
			.query(String.class)
			.single()).matches("lti-[a-z0-9]{12}");
		assertThat(this.jdbc.sql("select actor || '|' || action from audit_event where detail like :detail")
			.param("detail", "%from " + this.platform.issuer())
			.query(String.class)
			.list()).containsExactly("lms " + this.platform.issuer() + "|account_created");

		this.accountsService.disable(accounts.get(0), Actor.user("test"));
		assertThat(again.get("/media").status()).as("signed out when disabled").isEqualTo(302);
		Login third = login(again);
		TestClient.Response disabled = launch(again, third,
				this.platform.resourceLinkLaunch(third.nonce(), launchUrl()).claim("sub", subject));
		assertThat(disabled.status()).isEqualTo(403);
		assertThat(PageChecks.textOf(disabled.body(), "#reason"))
			.isEqualTo(AccountRefusal.PLATFORM_ACCOUNT_DISABLED.message());
	}

	@Test
	void aTeachingAssistantWatchesOnlyUntilTheSiteLetsThemManage() {
		String assistant = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";
		Login first = login(this.browser);
		TestClient.Response watching = launch(this.browser, first,
				this.platform.resourceLinkLaunch(first.nonce(), launchUrl()).roles(assistant));
		assertThat(PageChecks.textOf(watching.body(), "h1")).isEqualTo("Nothing to show here");

		this.settings.changeLms(new LmsSettings(true, false), Actor.user("test"));
		Login second = login(this.browser);
		assertAccepted(launch(this.browser, second,
				this.platform.resourceLinkLaunch(second.nonce(), launchUrl()).roles(assistant)));
	}

	@Test
	void aDeepLinkingRequestIsVerifiedButNotYetOffered() {
		Login login = login(this.browser);
		TestClient.Response refused = launch(this.browser, login,
				this.platform.deepLinkingRequest(login.nonce(), launchUrl(), this.platform.issuer() + "/deep_links"));
		assertRefused(refused, LaunchRefusal.DEEP_LINKING_UNAVAILABLE, "deep linking");
	}

	@Test
	void aTokenJustPastItsExpiryWithinTheClockSkewIsAccepted() {
		Login login = login(this.browser);
		assertAccepted(launch(this.browser, login,
				this.platform.resourceLinkLaunch(login.nonce(), launchUrl())
					.issuedAt(this.clock.instant().minus(Duration.ofMinutes(10)))
					.expiresAt(this.clock.instant().minus(Duration.ofSeconds(30)))));
	}

	@Test
	void theKeysAreFetchedOnceAndAgainOnlyWhenThePlatformSignsWithANewKey() {
		int before = this.platform.jwksFetches();
		for (int i = 0; i < 2; i++) {
			Login login = login(this.browser);
			assertAccepted(launch(this.browser, login, this.platform.resourceLinkLaunch(login.nonce(), launchUrl())));
		}
		assertThat(this.platform.jwksFetches() - before).as("fetched once for two launches").isEqualTo(1);

		this.platform.rotateKey();
		Login rotated = login(this.browser);
		assertAccepted(launch(this.browser, rotated, this.platform.resourceLinkLaunch(rotated.nonce(), launchUrl())));
		assertThat(this.platform.jwksFetches() - before).as("fetched again once, for the new kid").isEqualTo(2);
	}

	@Test
	void tokensWithMadeUpKeyIdsCannotMakeGuestPassFetchThePlatformsKeysAgainAndAgain() {
		Login first = login(this.browser);
		assertAccepted(launch(this.browser, first, this.platform.resourceLinkLaunch(first.nonce(), launchUrl())));
		int before = this.platform.jwksFetches();
		for (int i = 0; i < 6; i++) {
			Login login = login(this.browser);
			assertRefused(
					launch(this.browser, login,
							this.platform.resourceLinkLaunch(login.nonce(), launchUrl()).kid("made-up-" + i)),
					LaunchRefusal.SIGNATURE_INVALID, "made-up kid " + i);
		}
		assertThat(this.platform.jwksFetches() - before).as("fetches for six made-up key ids").isLessThanOrEqualTo(1);
		Login after = login(this.browser);
		assertAccepted(launch(this.browser, after, this.platform.resourceLinkLaunch(after.nonce(), launchUrl())));
	}

	@Test
	void aStateIsRefusedUnknownFromAnotherBrowserTooOldAndTheSecondTime() {
		Login login = login(this.browser);
		String token = this.platform.resourceLinkLaunch(login.nonce(), launchUrl()).sign();

		assertRefused(this.browser.postForm("/lti/launch", Map.of("id_token", token, "state", "made-up-state")),
				LaunchRefusal.STATE_UNKNOWN, "unknown state");
		assertRefused(this.browser.postForm("/lti/launch", Map.of("id_token", token)), LaunchRefusal.STATE_UNKNOWN,
				"no state");
		TestClient other = TestClient.browser(this.port);
		assertRefused(other.postForm("/lti/launch", Map.of("id_token", token, "state", login.state())),
				LaunchRefusal.STATE_OTHER_BROWSER, "another browser");
		assertRefused(this.browser.postForm("/lti/launch", Map.of("state", login.state())), LaunchRefusal.TOKEN_MISSING,
				"no id_token");

		assertAccepted(this.browser.postForm("/lti/launch", Map.of("id_token", token, "state", login.state())));
		assertRefused(this.browser.postForm("/lti/launch", Map.of("id_token", token, "state", login.state())),
				LaunchRefusal.NONCE_REPLAYED, "the same launch again");

		Login late = login(this.browser);
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertRefused(launch(this.browser, late, this.platform.resourceLinkLaunch(late.nonce(), launchUrl())),
				LaunchRefusal.STATE_EXPIRED, "after the login lifetime");
	}

	@Test
	void aLoginIsRefusedForAnUnknownPlatformAForeignTargetOrMissingParameters() {
		assertRefused(this.browser.get(loginPath("https://canvas.unknown.example", launchUrl(), null)),
				LaunchRefusal.PLATFORM_UNKNOWN, "unknown issuer");
		assertRefused(this.browser.get(loginPath(this.platform.issuer(), launchUrl(), "another-client")),
				LaunchRefusal.PLATFORM_UNKNOWN, "unknown client");
		assertRefused(
				this.browser.get(
						loginPath(this.platform.issuer(), "https://evil.example/lti/launch", this.platform.clientId())),
				LaunchRefusal.TARGET_LINK_FOREIGN, "another site's target");
		assertRefused(this.browser.get("/lti/login?iss=" + encode(this.platform.issuer())),
				LaunchRefusal.LOGIN_INCOMPLETE, "no login hint or target");
		TestClient.Response byIssuerAlone = this.browser.get(loginPath(this.platform.issuer(), launchUrl(), null));
		assertThat(byIssuerAlone.status()).as("the one registration of its issuer").isEqualTo(302);
		TestClient.Response posted = this.browser.postForm("/lti/login", Map.of("iss", this.platform.issuer(),
				"login_hint", "x", "target_link_uri", launchUrl(), "client_id", this.platform.clientId()));
		assertThat(posted.status()).as("a login posted, as Canvas does").isEqualTo(302);
		assertThat(posted.header("Location")).startsWith(this.platform.authorizationUrl() + "?");
	}

	@Test
	void noTokenStateOrNonceIsLoggedWhenALaunchIsRefused(CapturedOutput output) {
		Login login = login(this.browser);
		String token = this.platform.resourceLinkLaunch(login.nonce(), launchUrl()).signedWithAnotherKey().sign();
		TestClient.Response refused = launch(this.browser, login, token);
		String reference = PageChecks.textOf(refused.body(), "#reference");
		assertThat(output.getAll()).contains("LTI launch refused: lti_signature_invalid (reference " + reference)
			.doesNotContain(token)
			.doesNotContain(token.substring(token.lastIndexOf('.') + 1))
			.doesNotContain(login.state())
			.doesNotContain(login.nonce());
	}

	/** An instructor's launch: signed in, and sent to their media. */
	private void assertAccepted(TestClient.Response launched) {
		assertThat(launched.status()).as(launched.body()).isEqualTo(302);
		assertThat(launched.header("Location")).endsWith("/media");
		TestClient.Response media = this.browser.get("/media");
		assertThat(media.status()).isEqualTo(200);
		assertThat(PageChecks.textOf(media.body(), "header .who")).isEqualTo("Ada Lovelace");
	}

	private void assertRefused(TestClient.Response response, LaunchRefusal refusal, String what) {
		assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(refusal.status().value());
		assertThat(PageChecks.textOf(response.body(), "#reason")).as(what).isEqualTo(refusal.message());
		assertThat(PageChecks.textOf(response.body(), "h1")).isEqualTo("GuestPass could not open");
	}

	private Login login(TestClient browser) {
		TestClient.Response answer = browser
			.get(loginPath(this.platform.issuer(), launchUrl(), this.platform.clientId())
					+ "&lti_message_hint=message-hint&lti_deployment_id=" + encode(this.platform.deploymentId()));
		assertThat(answer.status()).as(answer.body()).isEqualTo(302);
		String location = answer.header("Location");
		assertThat(location).startsWith(this.platform.authorizationUrl() + "?");
		Map<String, String> request = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString(location)
			.build()
			.getQueryParams()
			.forEach((name, values) -> request.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		return new Login(request.get("state"), request.get("nonce"), request, answer.header("Set-Cookie"));
	}

	private String loginPath(String issuer, String target, String clientId) {
		return "/lti/login?iss=" + encode(issuer) + "&login_hint=" + encode("hint+of/the:platform")
				+ "&target_link_uri=" + encode(target) + ((clientId != null) ? "&client_id=" + encode(clientId) : "");
	}

	private TestClient.Response launch(TestClient browser, Login login, FakePlatform.IdToken token) {
		return launch(browser, login, token.sign());
	}

	private TestClient.Response launch(TestClient browser, Login login, String token) {
		return browser.postForm("/lti/launch", Map.of("id_token", token, "state", login.state()));
	}

	private String launchUrl() {
		return "http://localhost:" + this.port + "/lti/launch";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private record Login(String state, String nonce, Map<String, String> request, String cookie) {
	}

	private record Case(UnaryOperator<FakePlatform.IdToken> change, LaunchRefusal refusal) {
	}

}
