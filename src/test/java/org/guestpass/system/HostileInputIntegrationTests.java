package org.guestpass.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guestpass.Fixtures;
import org.guestpass.Fixtures.GuestLinkFixture;
import org.guestpass.Fixtures.Person;
import org.guestpass.HostileInput;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and hostile input thrown at every form and API endpoint: never a 5xx, never a stack trace,
 * and nothing half-written.
 */
@IntegrationTest
class HostileInputIntegrationTests {

	private static final int SAMPLES = 60;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	private final List<String> failures = new ArrayList<>();

	@Test
	void noInputBreaksAnyFormOrEndpoint() {
		Person owner = this.fixtures.member(this.port);
		Person admin = this.fixtures.admin(this.port);
		GuestLinkFixture link = owner.sharedLink("{\"name\":\"Target\",\"maxClicks\":25}");
		long media = link.mediaId();
		TestClient ownerBrowser = TestClient.browser(this.port);
		ownerBrowser.signIn(owner.username(), owner.password());
		HostileInput input = new HostileInput(1129L);

		for (int i = 0; i < SAMPLES; i++) {
			String text = input.text();
			Object value = input.jsonValue();

			TestClient guest = TestClient.browser(this.port);
			guest.get(link.url());
			expect("guest entry", guest.postForm(link.url(), Map.of("name", text, "email", text)), 303, 400, 403, 410);
			expect("guest entry with a hostile token",
					guest.get("/g/" + URLEncoder.encode(text, StandardCharsets.UTF_8)), 400, 404, 429);

			expect("create link API", owner.createLink(media, json("name", text, "maxClicks", value, "durationDays", value)),
					201, 400, 409);
			expect("create link API, broken JSON", owner.createLink(media, "{\"name\":" + text), 400);
			expect("create media API", owner.api()
				.json("POST", "/api/v1/media", json("title", text, "type", "room", "url", text, "description", value)),
					201, 400);
			expect("switch API", owner.api().json("PUT", "/api/v1/media/" + media + "/guest-access", json("enabled", value)),
					200, 400);
			expect("users API", admin.api()
				.json("POST", "/api/v1/admin/users", json("username", text, "password", text, "role", value)), 201, 400);
			expect("policy API", admin.api()
				.json("PUT", "/api/v1/admin/policy",
						json("lowestRole", value, "maxLinksPerItem", value, "maxDurationDays", value)),
					200, 400);

			ownerBrowser.get("/media/" + media + "/guest-access");
			expect("create link form", ownerBrowser.postForm("/media/" + media + "/guest-links",
					Map.of("name", text, "maxClicks", String.valueOf(value), "durationDays", text)), 302, 400);
			ownerBrowser.get("/media");
			expect("add media form", ownerBrowser.postForm("/media/links",
					Map.of("title", text, "type", String.valueOf(value), "url", text)), 302, 400);
			expect("sign-in form", TestClient.browser(this.port).signIn(text, text), 302, 429);
		}
		owner.api().json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":true}");
		admin.api().json("PUT", "/api/v1/admin/policy",
				"{\"lowestRole\":\"member\",\"maxLinksPerItem\":3,\"maxDurationDays\":365}");

		assertThat(this.failures).isEmpty();
		assertThat(this.jdbc.sql("""
				select count(*) from guest_access ga
				 where ga.link_count <> (select count(*) from guest_link l where l.media_id = ga.media_id)
				""").query(Integer.class).single()).as("link counts match the links").isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from guest_link l
				 where l.clicks <> (select count(*) from guest_session s where s.link_id = l.id)
				""").query(Integer.class).single()).as("every click has its guest session").isZero();
	}

	private void expect(String what, TestClient.Response response, Integer... statuses) {
		if (!Set.of(statuses).contains(response.status()) || response.body().contains("Exception")
				|| response.body().contains("at org.") || response.body().contains("Whitelabel")) {
			this.failures.add(what + ": " + response.status() + " "
					+ response.body().substring(0, Math.min(300, response.body().length())));
		}
	}

	private static String json(Object... pairs) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			body.put((String) pairs[i], pairs[i + 1]);
		}
		return JSON.writeValueAsString(body);
	}

}
