package org.guestpass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.account.Account;
import org.guestpass.account.Accounts;
import org.guestpass.account.ApiTokens;
import org.guestpass.account.Role;
import org.guestpass.audit.Actor;
import org.guestpass.system.Outcome;
import org.guestpass.system.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two GuestPass nodes on one PostgreSQL, as a school runs them behind a load balancer
 * without sticky sessions: limits, switches, deletions and sign-ins hold across nodes.
 */
@Tag("database")
@EnabledIfSystemProperty(named = TestDatabases.PROPERTY, matches = "postgresql",
		disabledReason = "two nodes share a real PostgreSQL; this runs in the PostgreSQL pass of the suite")
class TwoNodesIntegrationTests {

	private static final java.util.concurrent.atomic.AtomicInteger NEXT_GUEST = new java.util.concurrent.atomic.AtomicInteger(
			1 << 20);

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.executor(Executors.newFixedThreadPool(16))
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	static List<String> nodes;

	static TestClient owner;

	static String ownerToken;

	static JdbcClient jdbc;

	@BeforeAll
	static void startTwoNodes() throws IOException {
		String database = TestDatabases.createPostgresDatabase("guestpass_two_nodes");
		Path sharedStorage = Files.createTempDirectory("guestpass-shared-media-");
		// 1,000 requests arrive at once: a request waits for a connection as long as the
		// guest would,
		// so the counts measure the limit, not how fast this machine is (overload is a
		// 503, tested apart).
		Map<String, String> shared = Map.of("guestpass.storage-dir", sharedStorage.toString(),
				"spring.datasource.hikari.connection-timeout", "60000");
		nodeA = Nodes.start(database, shared);
		nodeB = Nodes.start(database, shared);
		nodes = List.of(base(nodeA), base(nodeB));
		Outcome<Account> member = nodeA.getBean(Accounts.class)
			.create("two-nodes-owner", "two-nodes-owner-password", Role.member, Actor.user("test"));
		ownerToken = nodeA.getBean(ApiTokens.class).issue(member.value().id(), "tests").token();
		owner = TestClient.api(Nodes.port(nodeA), ownerToken);
		jdbc = nodeB.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stopNodes() {
		nodeA.close();
		nodeB.close();
	}

	@Test
	void fiveHundredAdmissionsSpreadOverBothNodesAdmitExactlyTheLimitTwentyTimesOver() throws Exception {
		for (int round = 0; round < 20; round++) {
			long media = liveSession("Round " + round);
			String url = link(media, "{\"name\":\"Lecture\",\"maxClicks\":25}");
			String token = url.substring(url.lastIndexOf('/') + 1);

			// Each guest opens the link (for the session that holds the form's CSRF
			// token), then posts.
			List<CompletableFuture<HttpResponse<String>>> admissions = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				String form = "name=" + URLEncoder.encode("Guest " + i, StandardCharsets.UTF_8) + "&email=guest" + i
						+ "%40example.org";
				admissions.add(Nodes.enterAsync(HTTP, nodes.get((i + 1) % 2) + "/g/" + token,
						nodes.get(i % 2) + "/g/" + token, TestClient.address(NEXT_GUEST.incrementAndGet()), form));
			}
			Map<Integer, Long> statuses = admissions.stream()
				.map(CompletableFuture::join)
				.collect(Collectors.groupingBy(HttpResponse::statusCode, TreeMap::new, Collectors.counting()));

			assertThat(statuses).as("round " + round).isEqualTo(Map.of(303, 25L, 410, 475L));
			assertThat(jdbc.sql("select clicks from guest_link where token_hash = :hash")
				.param("hash", Tokens.hash(token))
				.query(Integer.class)
				.single()).isEqualTo(25);
			assertThat(jdbc.sql("select count(*) from guest_session where media_id = :media")
				.param("media", media)
				.query(Integer.class)
				.single()).isEqualTo(25);
		}
	}

	@Test
	void theSwitchTurnedOffOnOneNodeRefusesTheNextPageLoadOnTheOther() {
		long media = liveSession("Switch");
		String url = link(media, "{\"name\":\"Switch\"}");
		TestClient guest = TestClient.browser(Nodes.port(nodeA));
		guest.get(url);
		assertThat(guest.postForm(url, Map.of("name", "Ada", "email", "ada@example.org")).status()).isEqualTo(303);
		assertThat(guest.get(nodes.get(1) + "/guest/media/" + media).status()).isEqualTo(200);

		owner.json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":false}");

		TestClient.Response refresh = guest.get(nodes.get(1) + "/guest/media/" + media);
		assertThat(refresh.status()).isEqualTo(403);
		assertThat(refresh.text()).contains("The owner has turned off guest access");
	}

	@Test
	void aLinkDeletedOnOneNodeIsUnknownOnTheOther() {
		long media = liveSession("Delete");
		owner.json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":true}");
		TestClient.Response created = owner.json("POST", "/api/v1/media/" + media + "/guest-links",
				"{\"name\":\"Doomed\"}");
		String token = ((String) JsonPath.read(created.body(), "$.url")).replaceAll(".*/g/", "");
		assertThat(TestClient.browser(Nodes.port(nodeB)).get("/g/" + token).status()).isEqualTo(200);

		owner.json("DELETE", "/api/v1/media/" + media + "/guest-links/" + JsonPath.read(created.body(), "$.id"), null);

		TestClient.Response deleted = TestClient.browser(Nodes.port(nodeB)).get("/g/" + token);
		assertThat(deleted.status()).isEqualTo(404);
		assertThat(deleted.body()).isEqualTo(TestClient.browser(Nodes.port(nodeB)).get("/g/" + "B".repeat(43)).body());
	}

	@Test
	void linksCreatedRacingOnBothNodesNeverPassThree() throws Exception {
		long media = liveSession("Race");
		owner.json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":true}");
		List<Integer> statuses = Concurrently.run(20,
				(i) -> send(
						HttpRequest.newBuilder(URI.create(nodes.get(i % 2) + "/api/v1/media/" + media + "/guest-links"))
							.header("Authorization", "Bearer " + ownerToken)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Racer " + i + "\"}"))
							.build())
					.statusCode());
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(3);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(17);
		assertThat(jdbc.sql("select count(*) from guest_link where media_id = :media")
			.param("media", media)
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void aSignInOnOneNodeIsValidOnTheOther() {
		TestClient browser = TestClient.browser(Nodes.port(nodeA));
		TestClient.Response signedIn = browser.signIn("two-nodes-owner", "two-nodes-owner-password");
		assertThat(signedIn.status()).isEqualTo(302);
		TestClient.Response library = browser.get(nodes.get(1) + "/media");
		assertThat(library.status()).isEqualTo(200);
		assertThat(library.text()).contains("two-nodes-owner");
	}

	@Test
	void anAccountDisabledThroughOneNodeIsSignedOutAndItsTokenRefusedOnTheOtherAtOnce() {
		Accounts accounts = nodeA.getBean(Accounts.class);
		ApiTokens tokens = nodeA.getBean(ApiTokens.class);
		Outcome<Account> admin = accounts.create("two-nodes-admin", "two-nodes-admin-password", Role.admin,
				Actor.user("test"));
		TestClient adminApi = TestClient.api(Nodes.port(nodeA), tokens.issue(admin.value().id(), "tests").token());
		Outcome<Account> member = accounts.create("two-nodes-member", "two-nodes-member-password", Role.member,
				Actor.user("test"));
		long id = member.value().id();
		TestClient memberApiOnB = TestClient.api(Nodes.port(nodeB), tokens.issue(id, "tests").token());
		TestClient browserOnB = TestClient.browser(Nodes.port(nodeB));
		assertThat(browserOnB.signIn("two-nodes-member", "two-nodes-member-password").status()).isEqualTo(302);
		assertThat(browserOnB.get("/media").status()).isEqualTo(200);
		assertThat(memberApiOnB.get("/api/v1/media").status()).isEqualTo(200);

		TestClient.Response disabled = adminApi.json("PUT", "/api/v1/admin/users/" + id,
				"{\"role\":\"member\",\"guestLinks\":\"policy\",\"enabled\":false}");
		assertThat(disabled.status()).isEqualTo(200);

		TestClient.Response next = browserOnB.get("/media");
		assertThat(next.status()).isEqualTo(302);
		assertThat(next.header("Location")).endsWith("/login");
		assertThat(memberApiOnB.get("/api/v1/media").status()).isEqualTo(401);
		TestClient again = TestClient.browser(Nodes.port(nodeB));
		TestClient.Response refused = again.signIn("two-nodes-member", "two-nodes-member-password");
		assertThat(refused.header("Location")).endsWith("/login?error");

		assertThat(adminApi
			.json("PUT", "/api/v1/admin/users/" + id,
					"{\"role\":\"member\",\"guestLinks\":\"policy\",\"enabled\":true}")
			.status()).isEqualTo(200);
		assertThat(memberApiOnB.get("/api/v1/media").status()).isEqualTo(200);
		assertThat(TestClient.browser(Nodes.port(nodeB))
			.signIn("two-nodes-member", "two-nodes-member-password")
			.header("Location")).endsWith("/media");
	}

	private static long liveSession(String title) {
		TestClient.Response created = owner.json("POST", "/api/v1/media",
				"{\"title\":\"" + title + "\",\"type\":\"live_session\",\"url\":\"https://stream.example.org/live\"}");
		assertThat(created.status()).isEqualTo(201);
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	private static String link(long media, String json) {
		owner.json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":true}");
		TestClient.Response created = owner.json("POST", "/api/v1/media/" + media + "/guest-links", json);
		assertThat(created.status()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.url");
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String base(ConfigurableApplicationContext node) {
		return "http://localhost:" + Nodes.port(node);
	}

}
