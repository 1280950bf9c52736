package org.guestpass;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.guestpass.account.Account;
import org.guestpass.account.Accounts;
import org.guestpass.account.ApiTokens;
import org.guestpass.account.Role;
import org.guestpass.audit.Actor;
import org.guestpass.system.Outcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database stops and starts again while guests are being admitted: requests in
 * between get a clear 503, never a 500; service resumes by itself; every click counted
 * has its guest session and no guest got in without one.
 */
@Tag("database")
@EnabledIfSystemProperty(named = TestDatabases.PROPERTY, matches = "postgresql",
		disabledReason = "stops and restarts a real PostgreSQL; this runs in the PostgreSQL pass of the suite")
class DatabaseOutageIntegrationTests {

	private static final java.util.concurrent.atomic.AtomicInteger NEXT_GUEST = new java.util.concurrent.atomic.AtomicInteger(
			1 << 20);

	@Test
	void admissionsDuringADatabaseRestartGetAClear503AndNoClickIsLostOrDoubled() throws Exception {
		Path data = Files.createTempDirectory("guestpass-outage-pg-");
		int port = Nodes.freePort();
		EmbeddedPostgres postgres = start(data, port);
		ConfigurableApplicationContext app = null;
		ExecutorService guests = Executors.newFixedThreadPool(4);
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database guestpass_outage");
		}
		try {
			app = Nodes.start(postgres.getJdbcUrl("postgres", "guestpass_outage"),
					Map.of("spring.datasource.hikari.connection-timeout", "1000"));
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			Outcome<Account> owner = app.getBean(Accounts.class)
				.create("outage-owner", "outage-owner-password", Role.member, Actor.user("test"));
			String token = app.getBean(ApiTokens.class).issue(owner.value().id(), "tests").token();
			TestClient api = TestClient.api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), token);
			long media = ((Number) JsonPath.read(api
				.json("POST", "/api/v1/media",
						"{\"title\":\"Outage\",\"type\":\"live_session\",\"url\":\"https://stream.example.org/live\"}")
				.body(), "$.id")).longValue();
			api.json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":true}");
			String url = JsonPath.read(
					api.json("POST", "/api/v1/media/" + media + "/guest-links", "{\"name\":\"Busy\"}").body(), "$.url");
			HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
			Nodes.EntryForm entry = Nodes.entryForm(http, url);

			ConcurrentLinkedQueue<HttpResponse<String>> responses = new ConcurrentLinkedQueue<>();
			AtomicBoolean running = new AtomicBoolean(true);
			List<Future<?>> loops = new ArrayList<>();
			for (int g = 0; g < 4; g++) {
				int guest = g;
				loops.add(guests.submit(() -> {
					for (int i = 0; running.get() && i < 5000; i++) {
						responses.add(http.send(HttpRequest.newBuilder(URI.create(url))
							.header("Content-Type", "application/x-www-form-urlencoded")
							.header("Cookie", entry.cookie())
							.header("X-Forwarded-For", TestClient.address(NEXT_GUEST.incrementAndGet()))
							.timeout(Duration.ofSeconds(30))
							.POST(HttpRequest.BodyPublishers.ofString(
									entry.body("name=Guest+" + guest + "&email=guest" + guest + "%40example.org")))
							.build(), HttpResponse.BodyHandlers.ofString()));
					}
					return null;
				}));
			}
			waitUntil(() -> count(responses, 303) >= 20);
			postgres.close();
			waitUntil(() -> count(responses, 503) >= 5);
			HttpResponse<String> health = http.send(
					HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat((String) JsonPath.read(health.body(), "$.status")).isEqualTo("DOWN");
			assertThat(health.body()).as("anyone learns it is down, not which part or why")
				.doesNotContain("components")
				.doesNotContain("db");
			long admittedBefore = count(responses, 303);

			postgres = start(data, port);
			waitUntil(() -> count(responses, 303) >= admittedBefore + 20);
			running.set(false);
			for (Future<?> loop : loops) {
				loop.get(60, TimeUnit.SECONDS);
			}

			List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
			assertThat(statuses).as("only admissions and clear refusals").containsOnly(303, 503);
			assertThat(responses).filteredOn((response) -> response.statusCode() == 503).allSatisfy((response) -> {
				assertThat(response.body()).contains("GuestPass is briefly unavailable").doesNotContain("Exception");
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
				assertThat(response.headers().firstValue("Content-Security-Policy"))
					.hasValueSatisfying((policy) -> assertThat(policy).contains("default-src 'self'")
						.contains("frame-ancestors 'none'"));
				assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
				assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
				assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
				assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
			});
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			int clicks = jdbc.sql("select clicks from guest_link where media_id = :media")
				.param("media", media)
				.query(Integer.class)
				.single();
			int sessions = jdbc.sql("select count(*) from guest_session where media_id = :media")
				.param("media", media)
				.query(Integer.class)
				.single();
			long admitted = count(responses, 303);
			assertThat(sessions).as("every click has its guest session").isEqualTo(clicks);
			assertThat(clicks).as("no admission without its click").isGreaterThanOrEqualTo((int) admitted);
			assertThat(clicks - admitted).as("at most the requests cut off mid-commit").isLessThanOrEqualTo(4);
		}
		finally {
			guests.shutdownNow();
			if (app != null) {
				app.close();
			}
			postgres.close();
		}
	}

	private static long count(ConcurrentLinkedQueue<HttpResponse<String>> responses, int status) {
		return responses.stream().filter((response) -> response.statusCode() == status).count();
	}

	private static void waitUntil(Callable<Boolean> condition) {
		Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(condition);
	}

	private static EmbeddedPostgres start(Path data, int port) throws IOException {
		return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
	}

}
