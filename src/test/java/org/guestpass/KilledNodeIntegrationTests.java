package org.guestpass;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
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
 * A node is killed (SIGKILL, its own JVM) in the middle of admitting guests: PostgreSQL
 * rolls back whatever it had open, so every click counted has its guest session, and the
 * surviving node goes on.
 */
@Tag("database")
@EnabledIfSystemProperty(named = TestDatabases.PROPERTY, matches = "postgresql",
		disabledReason = "kills a node that shares a real PostgreSQL; this runs in the PostgreSQL pass of the suite")
class KilledNodeIntegrationTests {

	@Test
	void aNodeKilledMidLoadLeavesNoPartialAdmission() throws Exception {
		String database = TestDatabases.createPostgresDatabase("guestpass_killed_node");
		ConfigurableApplicationContext survivor = Nodes.start(database, Map.of());
		int victimPort = Nodes.freePort();
		Process victim = Nodes.startInItsOwnJvm(database, Map.of("server.port", String.valueOf(victimPort)));
		ExecutorService guests = Executors.newFixedThreadPool(8);
		try {
			HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
			String victimBase = "http://localhost:" + victimPort;
			Nodes.awaitHealthy(victimPort);

			int survivorPort = Nodes.port(survivor);
			Outcome<Account> owner = survivor.getBean(Accounts.class)
				.create("killed-node-owner", "killed-node-owner-password", Role.member, Actor.user("test"));
			TestClient api = TestClient.api(survivorPort,
					survivor.getBean(ApiTokens.class).issue(owner.value().id(), "tests").token());
			long media = ((Number) JsonPath.read(api
				.json("POST", "/api/v1/media",
						"{\"title\":\"Killed\",\"type\":\"live_session\",\"url\":\"https://stream.example.org/live\"}")
				.body(), "$.id")).longValue();
			api.json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":true}");
			String path = ((String) JsonPath.read(
					api.json("POST", "/api/v1/media/" + media + "/guest-links", "{\"name\":\"Busy\"}").body(), "$.url"))
				.replaceAll("^https?://[^/]+", "");
			Nodes.EntryForm entry = Nodes.entryForm(http, victimBase + path);

			AtomicInteger admitted = new AtomicInteger();
			AtomicInteger cutOff = new AtomicInteger();
			AtomicInteger address = new AtomicInteger(1 << 21);
			AtomicBoolean running = new AtomicBoolean(true);
			List<Future<?>> loops = new ArrayList<>();
			for (int g = 0; g < 8; g++) {
				loops.add(guests.submit(() -> {
					while (running.get()) {
						try {
							int status = http
								.send(HttpRequest.newBuilder(URI.create(victimBase + path))
									.header("Content-Type", "application/x-www-form-urlencoded")
									.header("Cookie", entry.cookie())
									.header("X-Forwarded-For", TestClient.address(address.incrementAndGet()))
									.timeout(Duration.ofSeconds(10))
									.POST(HttpRequest.BodyPublishers
										.ofString(entry.body("name=Guest&email=guest%40example.org")))
									.build(), HttpResponse.BodyHandlers.ofString())
								.statusCode();
							assertThat(status).isEqualTo(303);
							admitted.incrementAndGet();
						}
						catch (IOException ex) {
							cutOff.incrementAndGet();
							return null;
						}
					}
					return null;
				}));
			}
			Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> admitted.get() >= 100);
			victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			running.set(false);
			for (Future<?> loop : loops) {
				loop.get(60, TimeUnit.SECONDS);
			}

			JdbcClient jdbc = survivor.getBean(JdbcClient.class);
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("select count(*) from pg_stat_activity where state = 'idle in transaction'")
					.query(Integer.class)
					.single() == 0);
			int clicks = jdbc.sql("select clicks from guest_link where media_id = :media")
				.param("media", media)
				.query(Integer.class)
				.single();
			int sessions = jdbc.sql("select count(*) from guest_session where media_id = :media")
				.param("media", media)
				.query(Integer.class)
				.single();
			assertThat(cutOff.get()).as("requests cut off by the kill").isPositive();
			assertThat(sessions).as("every counted click has its guest session").isEqualTo(clicks);
			assertThat(clicks).isBetween(admitted.get(), admitted.get() + cutOff.get());

			TestClient guest = TestClient.browser(survivorPort);
			guest.get(path);
			assertThat(guest.postForm(path, Map.of("name", "After", "email", "after@example.org")).status())
				.as("the surviving node goes on")
				.isEqualTo(303);
		}
		finally {
			guests.shutdownNow();
			victim.destroyForcibly();
			survivor.close();
		}
	}

}
