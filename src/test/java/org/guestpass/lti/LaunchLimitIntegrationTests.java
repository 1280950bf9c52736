package org.guestpass.lti;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.guestpass.Concurrently;
import org.guestpass.IntegrationTest;
import org.guestpass.PageChecks;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LTI logins and launches are limited per client address: of a burst sent all at once,
 * exactly the limit is answered and the rest are told when to try again; another address
 * is not held up.
 */
@IntegrationTest
@TestPropertySource(properties = "guestpass.rate-limits.lti-launches.capacity=20")
class LaunchLimitIntegrationTests {

	private static final int LIMIT = 20;

	@LocalServerPort
	int port;

	@Test
	void ofFiftySimultaneousLoginsAndLaunchesFromOneAddressExactlyTheLimitIsAnswered() throws Exception {
		String address = TestClient.newAddress();
		List<TestClient.Response> answers = Concurrently.run(50, (i) -> {
			TestClient client = TestClient.browserAt(this.port, address);
			return (i % 2 == 0) ? client.get("/lti/login?iss=https%3A%2F%2Fcanvas.unknown.example")
					: client.postForm("/lti/launch", Map.of("state", "made-up", "id_token", "x"));
		});
		Map<Integer, Integer> statuses = new TreeMap<>();
		answers.forEach((answer) -> statuses.merge(answer.status(), 1, Integer::sum));
		assertThat(statuses).as("statuses").containsOnlyKeys(400, 429);
		assertThat(statuses.get(429)).isEqualTo(50 - LIMIT);
		TestClient.Response throttled = answers.stream().filter((answer) -> answer.status() == 429).findFirst().get();
		assertThat(Integer.parseInt(throttled.header("Retry-After"))).isPositive();
		assertThat(PageChecks.textOf(throttled.body(), "#reason")).isEqualTo(LaunchRefusal.TOO_MANY_LAUNCHES.message());

		TestClient elsewhere = TestClient.browser(this.port);
		assertThat(elsewhere.get("/lti/login").status()).as("another address").isEqualTo(400);
	}

}
