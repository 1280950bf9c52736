package org.guestpass.system;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and hostile input thrown at every form and API endpoint, and at the paths the
 * frameworks answer by themselves: never a 5xx, never a stack trace, and nothing
 * half-written.
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

	@Autowired
	List<RequestMappingInfoHandlerMapping> handlerMappings;

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

			expect("create link API",
					owner.createLink(media, json("name", text, "maxClicks", value, "durationDays", value)), 201, 400,
					409);
			expect("create link API, broken JSON", owner.createLink(media, "{\"name\":" + text), 400);
			expect("create media API", owner.api()
				.json("POST", "/api/v1/media", json("title", text, "type", "room", "url", text, "description", value)),
					201, 400);
			expect("switch API",
					owner.api().json("PUT", "/api/v1/media/" + media + "/guest-access", json("enabled", value)), 200,
					400);
			expect("users API",
					admin.api()
						.json("POST", "/api/v1/admin/users", json("username", text, "password", text, "role", value)),
					201, 400);
			expect("policy API",
					admin.api()
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
		admin.api()
			.json("PUT", "/api/v1/admin/policy",
					"{\"lowestRole\":\"member\",\"maxLinksPerItem\":3,\"maxDurationDays\":365}");

		assertThat(this.failures).isEmpty();
		assertThat(this.jdbc.sql("""
				select count(*) from guest_access ga join media m on m.id = ga.media_id
				 where m.owner_id = :owner
				   and ga.link_count <> (select count(*) from guest_link l where l.media_id = ga.media_id)
				""").param("owner", owner.id()).query(Integer.class).single()).as("link counts match the links")
			.isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from guest_link l join media m on m.id = l.media_id
				 where m.owner_id = :owner
				   and l.clicks <> (select count(*) from guest_session s where s.link_id = l.id)
				""").param("owner", owner.id()).query(Integer.class).single()).as("every click has its guest session")
			.isZero();
	}

	@Test
	void noInstantBreaksTheLiveSessionApiOrForm() {
		Person owner = this.fixtures.member(this.port);
		long live = owner.liveSession("Hostile times");
		owner.enableGuestAccess(live);
		String link = JsonPath.read(owner.createLink(live, "{\"name\":\"Times\"}").body(), "$.url");
		TestClient guest = TestClient.browser(this.port);
		guest.get(link);
		guest.postForm(link, Map.of("name", "Ada", "email", "ada@example.org"));
		TestClient ownerBrowser = TestClient.browser(this.port);
		ownerBrowser.signIn(owner.username(), owner.password());
		HostileInput input = new HostileInput(1201L);

		for (int i = 0; i < SAMPLES * 2; i++) {
			List<Object> window = input.jsonWindow();
			expect("add live session API " + window, owner.api()
				.json("POST", "/api/v1/media", json("title", "Times", "type", "live_session", "url",
						"https://streams.example.org/live.m3u8", "startsAt", window.get(0), "endsAt", window.get(1))),
					201, 400);
			expect("change live session API " + window, owner.api()
				.json("PUT", "/api/v1/media/" + live + "/live", json("url", "https://streams.example.org/live.m3u8",
						"startsAt", window.get(0), "endsAt", window.get(1))),
					200, 400);
			expect("add a room with times API " + window,
					owner.api()
						.json("POST", "/api/v1/media", json("title", "Room", "type", "room", "url",
								"https://meet.example.org/r", "startsAt", window.get(0), "endsAt", window.get(1))),
					201, 400);

			Map<String, String> times = new LinkedHashMap<>();
			times.put("startsAt", input.localDateTime());
			times.put("endsAt", input.localDateTime());
			times.put("zone", input.zone());
			ownerBrowser.get("/media/" + live);
			Map<String, String> liveForm = new LinkedHashMap<>(times);
			liveForm.put("url", "https://streams.example.org/live.m3u8");
			expect("live session form " + times, ownerBrowser.postForm("/media/" + live + "/live", liveForm), 302, 400);
			ownerBrowser.get("/media");
			Map<String, String> addForm = new LinkedHashMap<>(times);
			addForm.putAll(
					Map.of("title", "Times", "type", "live_session", "url", "https://streams.example.org/live.m3u8"));
			expect("add live session form " + times, ownerBrowser.postForm("/media/links", addForm), 302, 400);

			expect("the item's page", ownerBrowser.get("/media/" + live), 200);
			expect("the guest's page", guest.get("/guest/media/" + live), 200);
		}
		expect("the library page", ownerBrowser.get("/media"), 200);
		expect("the library API", owner.api().get("/api/v1/media"), 200);

		assertThat(this.failures).isEmpty();
		assertThat(this.jdbc.sql("""
				select count(*) from media
				 where starts_at < timestamp with time zone '1970-01-01 00:00:00+00:00'
				    or starts_at > timestamp with time zone '9999-12-31 23:59:59.999999+00:00'
				    or ends_at < timestamp with time zone '1970-01-01 00:00:00+00:00'
				    or ends_at > timestamp with time zone '9999-12-31 23:59:59.999999+00:00'
				    or (type <> 'live_session' and (starts_at is not null or ends_at is not null))
				""").query(Integer.class).single()).as("only times between the years 1970 and 9999, on live sessions")
			.isZero();
	}

	@Test
	void noCountOrDurationBreaksLinksOrThePolicy() {
		Person owner = this.fixtures.member(this.port);
		Person admin = this.fixtures.admin(this.port);
		long media = owner.liveSession("Hostile durations");
		owner.enableGuestAccess(media);
		TestClient ownerBrowser = TestClient.browser(this.port);
		ownerBrowser.signIn(owner.username(), owner.password());
		TestClient adminBrowser = TestClient.browser(this.port);
		adminBrowser.signIn(admin.username(), admin.password());
		HostileInput input = new HostileInput(1202L);

		for (int i = 0; i < SAMPLES * 2; i++) {
			Object days = input.jsonCount();
			Object clicks = input.jsonCount();
			TestClient.Response created = owner.createLink(media,
					json("name", "Days", "maxClicks", clicks, "durationDays", days));
			expect("create link API, durationDays " + days + ", maxClicks " + clicks, created, 201, 400, 409);
			if (created.status() == 201) {
				Object id = JsonPath.read(created.body(), "$.id");
				owner.api().json("DELETE", "/api/v1/media/" + media + "/guest-links/" + id, null);
			}
			expect("policy API, maxDurationDays " + days + ", maxLinksPerItem " + clicks,
					admin.api()
						.json("PUT", "/api/v1/admin/policy",
								json("lowestRole", "member", "maxLinksPerItem", clicks, "maxDurationDays", days)),
					200, 400);

			String daysText = input.countText();
			String clicksText = input.countText();
			ownerBrowser.get("/media/" + media + "/guest-access");
			TestClient.Response form = ownerBrowser.postForm("/media/" + media + "/guest-links",
					Map.of("name", "Days", "maxClicks", clicksText, "durationDays", daysText));
			expect("create link form, durationDays " + daysText + ", maxClicks " + clicksText, form, 302, 400, 409);
			adminBrowser.get("/admin/settings");
			expect("policy form, maxDurationDays " + daysText + ", maxLinksPerItem " + clicksText,
					adminBrowser.postForm("/admin/settings/policy",
							Map.of("lowestRole", "member", "maxLinksPerItem", clicksText, "maxDurationDays", daysText)),
					302, 400);
			List<Object> links = JsonPath.read(owner.api().get("/api/v1/media/" + media + "/guest-access").body(),
					"$.links[*].id");
			links.forEach((id) -> owner.api().json("DELETE", "/api/v1/media/" + media + "/guest-links/" + id, null));
		}
		admin.api()
			.json("PUT", "/api/v1/admin/policy",
					"{\"lowestRole\":\"member\",\"maxLinksPerItem\":3,\"maxDurationDays\":365}");

		assertThat(this.failures).isEmpty();
	}

	@Test
	void noPasswordBreaksSignIn() {
		Person member = this.fixtures.member(this.port);
		for (String password : HostileInput.passwords()) {
			String what = password.length() + " characters, " + password.getBytes(StandardCharsets.UTF_8).length
					+ " bytes";
			expect("sign-in of a user with a password of " + what,
					TestClient.browser(this.port).signIn(member.username(), password), 302, 429);
			expect("sign-in of nobody with a password of " + what,
					TestClient.browser(this.port).signIn("nobody-" + password.hashCode(), password), 302, 429);
		}
		assertThat(this.failures).isEmpty();
	}

	@Test
	void noPasswordBreaksUserCreation() {
		Person admin = this.fixtures.admin(this.port);
		TestClient adminBrowser = TestClient.browser(this.port);
		adminBrowser.signIn(admin.username(), admin.password());
		int n = 0;
		for (String password : HostileInput.passwords()) {
			String what = password.length() + " characters, " + password.getBytes(StandardCharsets.UTF_8).length
					+ " bytes";
			expect("users API, a password of " + what,
					admin.api()
						.json("POST", "/api/v1/admin/users",
								json("username", "hostile-api-" + n, "password", password, "role", "member")),
					201, 400);
			adminBrowser.get("/admin/users");
			expect("users form, a password of " + what, adminBrowser.postForm("/admin/users",
					Map.of("username", "hostile-form-" + n, "password", password, "role", "member")), 302, 400);
			n++;
		}
		assertThat(this.failures).isEmpty();
	}

	@Test
	void noDirectRequestToAFrameworkPathGivesAServerError() {
		Person member = this.fixtures.member(this.port);
		Person admin = this.fixtures.admin(this.port);
		TestClient signedIn = TestClient.browser(this.port);
		signedIn.signIn(admin.username(), admin.password());
		HostileInput input = new HostileInput(1203L);
		Set<String> paths = new LinkedHashSet<>(HostileInput.frameworkPaths());
		paths.addAll(frameworkMappings(input));

		for (String path : paths) {
			for (String method : List.of("GET", "POST", "PUT", "DELETE", "HEAD")) {
				for (TestClient client : List.of(TestClient.browser(this.port), signedIn, member.api(), admin.api())) {
					expectNoServerError(method + " " + path, client, method, path);
				}
			}
		}
		for (String range : List.of("bytes=999999999-", "bytes=-0", "bytes=0-1,999999999-")) {
			TestClient.Response css = TestClient.browser(this.port).get("/css/guestpass.css", "Range", range);
			expect("a static file with Range " + range, css, 206, 416);
			if (css.status() == 416 && css.body().contains("--gp-")) {
				this.failures.add("a static file with Range " + range + ": 416 with the file as its body");
			}
		}
		assertThat(this.failures).isEmpty();
	}

	/**
	 * The path patterns of every handler that is not GuestPass's own, with hostile path
	 * variables.
	 */
	private List<String> frameworkMappings(HostileInput input) {
		List<String> paths = new ArrayList<>();
		for (RequestMappingInfoHandlerMapping mapping : this.handlerMappings) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
				if (handler.getValue().getBeanType().getName().startsWith("org.guestpass.")) {
					continue;
				}
				for (String pattern : handler.getKey().getPatternValues()) {
					paths.add(pattern.replaceAll("\\{\\*?[^}]+}", input.pathSegment())
						.replace("**", input.pathSegment()));
				}
			}
		}
		assertThat(paths).as("the framework's own handlers")
			.anyMatch((path) -> path.startsWith("/error"))
			.anyMatch((path) -> path.startsWith("/actuator"))
			.anyMatch((path) -> path.startsWith("/v3/api-docs"));
		return paths;
	}

	private void expectNoServerError(String what, TestClient client, String method, String path) {
		TestClient.Response response = client
			.send(client.request(path).method(method, HttpRequest.BodyPublishers.noBody()));
		if (response.status() >= 500 || response.body().contains("Exception") || response.body().contains("at org.")
				|| response.body().contains("Whitelabel") || response.body().contains("spring.datasource")
				|| response.body().contains("create table") || response.body().contains("\"status\":999")) {
			this.failures.add(what + ": " + response.status() + " "
					+ response.body().substring(0, Math.min(300, response.body().length())));
		}
	}

	private void expect(String what, TestClient.Response response, Integer... statuses) {
		if (!Set.of(statuses).contains(response.status()) || response.body().contains("Exception")
				|| response.body().contains("at org.") || response.body().contains("Whitelabel")) {
			this.failures.add(what.substring(0, Math.min(300, what.length())) + ": " + response.status() + " "
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
