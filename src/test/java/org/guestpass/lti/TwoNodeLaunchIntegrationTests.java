package org.guestpass.lti;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.guestpass.Nodes;
import org.guestpass.PageChecks;
import org.guestpass.TestClient;
import org.guestpass.TestDatabases;
import org.guestpass.audit.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LTI launches across two nodes on one PostgreSQL, as behind a load balancer without
 * sticky sessions: a login started on one node finishes on the other, and a launch
 * accepted on one is refused on the other when it is sent again.
 */
@Tag("database")
@EnabledIfSystemProperty(named = TestDatabases.PROPERTY, matches = "postgresql",
		disabledReason = "two nodes share a real PostgreSQL; this runs in the PostgreSQL pass of the suite")
class TwoNodeLaunchIntegrationTests {

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	static FakePlatform platform;

	@BeforeAll
	static void startTwoNodes() {
		String database = TestDatabases.createPostgresDatabase("guestpass_lti_two_nodes");
		Map<String, String> loopbackPlatform = Map.of("guestpass.lti.allow-http-loopback", "true");
		nodeA = Nodes.start(database, loopbackPlatform);
		nodeB = Nodes.start(database, loopbackPlatform);
		platform = FakePlatform.start(Clock.systemUTC());
		nodeA.getBean(Platforms.class)
			.add(new PlatformDraft("Fake Canvas", platform.issuer(), platform.clientId(),
					List.of(platform.deploymentId()), platform.authorizationUrl(), platform.tokenUrl(),
					platform.jwksUrl()), Actor.user("test"))
			.value();
	}

	@AfterAll
	static void stop() {
		platform.close();
		nodeA.close();
		nodeB.close();
	}

	@Test
	void aLaunchAcceptedOnOneNodeIsRefusedOnTheOtherAndALoginMayFinishOnEither() {
		TestClient browser = TestClient.browser(Nodes.port(nodeA));
		String a = "http://localhost:" + Nodes.port(nodeA);
		String b = "http://localhost:" + Nodes.port(nodeB);

		Map<String, String> first = login(browser, a);
		Map<String, String> launch = Map.of("id_token",
				platform.resourceLinkLaunch(first.get("nonce"), a + "/lti/launch").sign(), "state", first.get("state"));
		TestClient.Response accepted = browser.postForm(a + "/lti/launch", launch);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);

		TestClient.Response replayed = browser.postForm(b + "/lti/launch", launch);
		assertThat(replayed.status()).isEqualTo(LaunchRefusal.NONCE_REPLAYED.status().value());
		assertThat(PageChecks.textOf(replayed.body(), "#reason")).isEqualTo(LaunchRefusal.NONCE_REPLAYED.message());

		Map<String, String> second = login(browser, a);
		TestClient.Response elsewhere = browser.postForm(b + "/lti/launch",
				Map.of("id_token", platform.resourceLinkLaunch(second.get("nonce"), a + "/lti/launch").sign(), "state",
						second.get("state")));
		assertThat(elsewhere.status()).as("started on A, finished on B: " + elsewhere.body()).isEqualTo(302);
		assertThat(browser.get(a + "/media").status()).as("signed in on both nodes").isEqualTo(200);
		assertThat(browser.get(b + "/media").status()).isEqualTo(200);
	}

	private static Map<String, String> login(TestClient browser, String node) {
		TestClient.Response answer = browser
			.get(node + "/lti/login?iss=" + encode(platform.issuer()) + "&login_hint=teacher&target_link_uri="
					+ encode(node + "/lti/launch") + "&client_id=" + encode(platform.clientId()));
		assertThat(answer.status()).as(answer.body()).isEqualTo(302);
		Map<String, String> request = UriComponentsBuilder.fromUriString(answer.header("Location"))
			.build()
			.getQueryParams()
			.toSingleValueMap();
		return Map.of("state", URLDecoder.decode(request.get("state"), StandardCharsets.UTF_8), "nonce",
				URLDecoder.decode(request.get("nonce"), StandardCharsets.UTF_8));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
