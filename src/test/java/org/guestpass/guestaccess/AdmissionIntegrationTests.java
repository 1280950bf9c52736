package org.guestpass.guestaccess;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Concurrently;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.GuestLinkFixture;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.TestClient;
import org.guestpass.audit.Actor;
import org.guestpass.settings.SiteModules;
import org.guestpass.settings.SiteSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.csrfToken;

/**
 * The guest's side, over real HTTP: opening a link, being admitted, watching, and every
 * reason a guest is turned away.
 */
@IntegrationTest
class AdmissionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SiteSettings settings;

	@Autowired
	MutableClock clock;

	Person owner;

	@BeforeEach
	void owner() {
		this.owner = this.fixtures.member(this.port);
	}

	@Test
	void aGuestEntersANameAndEmailAndIsTakenToTheMedia() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		TestClient guest = browser();

		TestClient.Response entry = guest.get(link.url());
		assertThat(entry.status()).isEqualTo(200);
		assertThat(entry.body()).contains("Shared item")
			.contains(">Name<")
			.contains(">Email<")
			.contains("Continue")
			.contains("Your name and email are shown to the person who shared this link");
		assertThat(entry.header("Cache-Control")).isEqualTo("no-store");
		assertThat(entry.header("X-Robots-Tag")).contains("noindex");

		TestClient.Response admitted = admit(guest, link, "Ada Lovelace", "ada@example.org");
		assertThat(admitted.status()).isEqualTo(303);
		String location = admitted.header("Location");
		assertThat(location).endsWith("/guest/media/" + link.mediaId()).doesNotContain(token(link));
		String cookie = admitted.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith("GUESTPASS_GUEST="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");

		TestClient.Response page = guest.get(location);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Watching as <strong>Ada Lovelace</strong>").doesNotContain("href=\"/media");
		assertThat(clicks(link)).isEqualTo(1);
		assertThat(this.jdbc.sql("select guest_name || ' ' || guest_email from guest_session where link_id = :id")
			.param("id", link.linkId())
			.query(String.class)
			.list()).containsExactly("Ada Lovelace ada@example.org");
	}

	@Test
	void behindAnHttpsProxyTheGuestCookieIsSecureAndKeptToThisHost() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		TestClient guest = browser();
		TestClient.Response entry = guest.send(guest.request(link.url()).header("X-Forwarded-Proto", "https"));
		String csrf = csrfToken(entry.body());
		String formSession = entry.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith("__Host-SESSION="))
			.findFirst()
			.orElseThrow();
		TestClient.Response admitted = guest.send(guest.request(link.url())
			.header("X-Forwarded-Proto", "https")
			.header("Cookie", formSession.substring(0, formSession.indexOf(';')))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"name=Ada&email=ada%40example.org&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
		assertThat(admitted.status()).isEqualTo(303);
		String cookie = admitted.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith("__Host-GUESTPASS_GUEST="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("Secure")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.contains("Path=/")
			.doesNotContain("Domain");
		String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));

		TestClient.Response page = browser().send(browser().request("/guest/media/" + link.mediaId())
			.header("X-Forwarded-Proto", "https")
			.header("Cookie", "__Host-GUESTPASS_GUEST=" + value));
		assertThat(page.status()).isEqualTo(200);
		TestClient.Response overPlainHttp = browser().send(browser().request("/guest/media/" + link.mediaId())
			.header("Cookie", "__Host-GUESTPASS_GUEST=" + value));
		assertThat(overPlainHttp.status()).as("the secure cookie is not taken over plain HTTP").isEqualTo(403);
	}

	@Test
	void aGuestSessionEndsAfterTwoHoursWithoutAPageLoadAndPageLoadsKeepItAlive() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		TestClient guest = admitted(link);
		this.clock.advance(Duration.ofMinutes(119));
		assertThat(guest.get("/guest/media/" + link.mediaId()).status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(119));
		assertThat(guest.get("/guest/media/" + link.mediaId()).status()).isEqualTo(200);

		this.clock.advance(Duration.ofHours(2));
		TestClient.Response idle = guest.get("/guest/media/" + link.mediaId());
		assertThat(idle.status()).isEqualTo(403);
		assertThat(idle.text()).contains("Your guest access has ended");
		assertThat(guest.get("/guest/media/" + link.mediaId() + "/content").status()).isEqualTo(403);
	}

	@Test
	void pageLoadsWithinAMinuteOfTheLastOneWriteNothing() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		TestClient guest = admitted(link);
		guest.get("/guest/media/" + link.mediaId());
		Instant seen = lastSeen(link.linkId());
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(guest.get("/guest/media/" + link.mediaId()).status()).isEqualTo(200);
		assertThat(lastSeen(link.linkId())).isEqualTo(seen);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(guest.get("/guest/media/" + link.mediaId()).status()).isEqualTo(200);
		assertThat(lastSeen(link.linkId())).isEqualTo(this.clock.instant());
	}

	private Instant lastSeen(long linkId) {
		return this.jdbc.sql("select last_seen_at from guest_session where link_id = :linkId")
			.param("linkId", linkId)
			.query((rs, row) -> org.guestpass.system.Timestamps.instant(rs, "last_seen_at"))
			.single();
	}

	@Test
	void aGuestSessionNeverOutlivesTwelveHoursNorItsLink() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		TestClient guest = admitted(link);
		for (int hour = 1; hour < 12; hour++) {
			this.clock.advance(Duration.ofHours(1));
			assertThat(guest.get("/guest/media/" + link.mediaId()).status()).as("hour " + hour).isEqualTo(200);
		}
		this.clock.advance(Duration.ofHours(1));
		assertThat(guest.get("/guest/media/" + link.mediaId()).status()).isEqualTo(403);
		assertThat(this.jdbc.sql("select expires_at from guest_session where link_id = :id")
			.param("id", link.linkId())
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).isBefore(this.clock.instant().plusSeconds(1));
	}

	@Test
	void aGuestWithASessionWhoOpensTheLinkAgainIsNotCountedAgain() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\",\"maxClicks\":1}");
		TestClient guest = browser();
		guest.get(link.url());
		admit(guest, link, "Ada", "ada@example.org");

		TestClient.Response again = guest.get(link.url());
		assertThat(again.status()).isEqualTo(303);
		assertThat(again.header("Location")).endsWith("/guest/media/" + link.mediaId());
		assertThat(guest.get("/guest/media/" + link.mediaId()).status()).isEqualTo(200);
		assertThat(clicks(link)).isEqualTo(1);

		TestClient.Response stranger = browser().get(link.url());
		assertThat(stranger.status()).isEqualTo(410);
		assertThat(stranger.body()).contains("This link has reached its limit");
	}

	@Test
	void twoHundredSimultaneousAdmissionsOnALimitOfTenAdmitExactlyTen() throws Exception {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Lecture\",\"maxClicks\":10}");
		List<TestClient> guests = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			TestClient guest = browser();
			assertThat(guest.get(link.url()).status()).isEqualTo(200);
			guests.add(guest);
		}
		List<TestClient.Response> responses = Concurrently.run(200,
				(i) -> admit(guests.get(i), link, "Guest " + i, "guest" + i + "@example.org"));

		assertThat(responses).filteredOn((response) -> response.status() == 303).hasSize(10);
		assertThat(responses).filteredOn((response) -> response.status() == 410)
			.hasSize(190)
			.allSatisfy((response) -> assertThat(response.body()).contains("This link has reached its limit"));
		assertThat(clicks(link)).isEqualTo(10);
		assertThat(sessions(link)).isEqualTo(10);
		assertThat(this.jdbc.sql("select count(*) from audit_event where link_id = :id and outcome = 'admitted'")
			.param("id", link.linkId())
			.query(Integer.class)
			.single()).isEqualTo(10);
	}

	@Test
	void fiftyGetsAndHeadsOfALinkChangeNothing() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Scanned\",\"maxClicks\":1}");
		for (int i = 0; i < 50; i++) {
			TestClient previewer = browser();
			assertThat(previewer.get(link.url()).status()).isEqualTo(200);
			assertThat(previewer.head(link.url()).status()).isEqualTo(200);
		}
		assertThat(clicks(link)).isZero();
		assertThat(sessions(link)).isZero();
		TestClient guest = browser();
		guest.get(link.url());
		assertThat(admit(guest, link, "Real guest", "real@example.org").status()).isEqualTo(303);
	}

	@Test
	void aGuestSessionReachesNothingButItsOwnItem() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Confined\"}");
		GuestLinkFixture other = this.owner.sharedLink("{\"name\":\"Other\"}");
		TestClient guest = browser();
		guest.get(link.url());
		admit(guest, link, "Ada", "ada@example.org");

		assertThat(guest.get("/guest/media/" + link.mediaId()).status()).isEqualTo(200);
		TestClient.Response otherPage = guest.get("/guest/media/" + other.mediaId());
		assertThat(otherPage.status()).isEqualTo(403);
		assertThat(otherPage.body()).contains("Your guest access has ended");
		assertThat(guest.get("/guest/media/" + other.mediaId() + "/content").status()).isEqualTo(403);
		for (String page : List.of("/media", "/media/" + link.mediaId(), "/media/" + other.mediaId(), "/admin/users",
				"/media/" + link.mediaId() + "/guest-access")) {
			TestClient.Response response = guest.get(page);
			assertThat(response.status()).as(page).isEqualTo(302);
			assertThat(response.header("Location")).as(page).endsWith("/login");
		}
		for (String api : List.of("/api/v1/media", "/api/v1/media/" + link.mediaId(),
				"/api/v1/media/" + link.mediaId() + "/content", "/api/v1/media/" + link.mediaId() + "/guest-access",
				"/api/v1/admin/audit", "/api/v1/me/tokens")) {
			TestClient.Response response = guest.get(api, "Accept", "application/json");
			assertThat(response.status()).as(api).isEqualTo(401);
		}
	}

	@Test
	void anAdmittedGuestStreamsTheVideoWithRanges() {
		long video = upload("Talk");
		this.owner.enableGuestAccess(video);
		TestClient.Response created = this.owner.createLink(video, "{\"name\":\"Video\"}");
		String url = JsonPath.read(created.body(), "$.url");
		TestClient guest = browser();
		guest.get(url);
		assertThat(guest.postForm(url, Map.of("name", "Ada", "email", "ada@example.org")).status()).isEqualTo(303);

		TestClient.Response page = guest.get("/guest/media/" + video);
		assertThat(page.body()).contains("src=\"/guest/media/" + video + "/content\"");
		TestClient.Response range = guest.get("/guest/media/" + video + "/content", "Range", "bytes=4-7");
		assertThat(range.status()).isEqualTo(206);
		assertThat(range.body()).isEqualTo("ftyp");
		assertThat(range.header("Content-Range")).isEqualTo("bytes 4-7/" + Fixtures.MP4.length);
		assertThat(browser().get("/guest/media/" + video + "/content").status()).isEqualTo(403);
	}

	@Test
	void aRoomGuestJoinsUnderTheNameTheyTyped() {
		TestClient.Response room = this.owner.api()
			.json("POST", "/api/v1/media",
					"{\"title\":\"Staff room\",\"type\":\"room\",\"url\":\"https://meet.jit.si/StaffRoom42\"}");
		long media = ((Number) JsonPath.read(room.body(), "$.id")).longValue();
		this.owner.enableGuestAccess(media);
		String url = JsonPath.read(this.owner.createLink(media, "{\"name\":\"Room\"}").body(), "$.url");
		TestClient guest = browser();
		guest.get(url);
		guest.postForm(url, Map.of("name", "Zoë \"Z\" <O'Neil>", "email", "zoe@example.org"));

		TestClient.Response page = guest.get("/guest/media/" + media);
		assertThat(page.text()).contains("Join as Zoë \"Z\" <O'Neil>");
		assertThat(page.body()).contains(
				"href=\"https://meet.jit.si/StaffRoom42#userInfo.displayName=%22Zo%C3%AB%20%5C%22Z%5C%22%20%3CO%27Neil%3E%22\"");
	}

	@Test
	void afterTheSwitchGoesOffTheGuestsRefreshShowsTheMessagePage() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		TestClient guest = admitted(link);
		this.owner.api().json("PUT", "/api/v1/media/" + link.mediaId() + "/guest-access", "{\"enabled\":false}");

		TestClient.Response refresh = guest.get("/guest/media/" + link.mediaId());
		assertThat(refresh.status()).isEqualTo(403);
		assertThat(refresh.body()).contains("The owner has turned off guest access");
		assertThat(guest.get("/guest/media/" + link.mediaId() + "/content").status()).isEqualTo(403);
		TestClient.Response newcomer = browser().get(link.url());
		assertThat(newcomer.status()).isEqualTo(403);
		assertThat(newcomer.body()).contains("The owner has turned off guest access");

		this.owner.enableGuestAccess(link.mediaId());
		assertThat(guest.get("/guest/media/" + link.mediaId()).status()).isEqualTo(200);
	}

	@Test
	void afterTheLinkIsDeletedTheGuestsRefreshSaysTheLinkIsNotValid() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		TestClient guest = admitted(link);
		this.owner.api().json("DELETE", "/api/v1/media/" + link.mediaId() + "/guest-links/" + link.linkId(), null);

		TestClient.Response refresh = guest.get("/guest/media/" + link.mediaId());
		assertThat(refresh.status()).isEqualTo(404);
		assertThat(refresh.text()).contains("This link isn't valid");
	}

	@Test
	void aDeletedLinkAnswersExactlyLikeATokenThatNeverExisted() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		this.owner.api().json("DELETE", "/api/v1/media/" + link.mediaId() + "/guest-links/" + link.linkId(), null);

		TestClient.Response deleted = browser().get(link.url());
		TestClient.Response neverIssued = browser().get("/g/" + "A".repeat(43));
		TestClient.Response malformed = browser().get("/g/not-a-token");
		for (TestClient.Response response : List.of(deleted, neverIssued, malformed)) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.body()).isEqualTo(deleted.body());
			assertThat(response.text()).contains("This link isn't valid");
			assertThat(headersButTheDate(response)).isEqualTo(headersButTheDate(deleted));
		}
		TestClient guest = browser();
		assertThat(guest.postForm(link.url(), Map.of("name", "Ada", "email", "ada@example.org")).status())
			.isEqualTo(403);
	}

	@Test
	void anExpiredLinkAdmitsNobodyAndEndsItsGuestsAccess() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Day\",\"durationDays\":1}");
		TestClient guest = admitted(link);
		TestClient late = browser();
		assertThat(late.get(link.url()).status()).isEqualTo(200);

		this.clock.advance(Duration.ofDays(1));
		TestClient.Response refresh = guest.get("/guest/media/" + link.mediaId());
		assertThat(refresh.status()).isEqualTo(410);
		assertThat(refresh.body()).contains("This link has expired");
		TestClient.Response tooLate = admit(late, link, "Late", "late@example.org");
		assertThat(tooLate.status()).as(tooLate.body()).isEqualTo(410);
		assertThat(tooLate.body()).contains("This link has expired");
		assertThat(clicks(link)).isEqualTo(1);
	}

	@Test
	void afterTheMediaIsDeletedGuestsAreToldItIsNoLongerAvailable() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		TestClient guest = admitted(link);
		assertThat(this.owner.api().json("DELETE", "/api/v1/media/" + link.mediaId(), null).status()).isEqualTo(204);

		TestClient.Response refresh = guest.get("/guest/media/" + link.mediaId());
		assertThat(refresh.status()).isEqualTo(410);
		assertThat(refresh.body()).contains("This media is no longer available");
		assertThat(browser().get(link.url()).status()).isEqualTo(410);
	}

	@Test
	void switchingAModuleOffStopsAdmissions() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		TestClient guest = admitted(link);
		TestClient waiting = browser();
		waiting.get(link.url());

		this.settings.changeModules(new SiteModules(true, true, false), Actor.user("test"));
		TestClient.Response refused = admit(waiting, link, "Ada", "ada@example.org");
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.text()).contains("Guest access isn't available right now");
		assertThat(guest.get("/guest/media/" + link.mediaId()).status()).isEqualTo(503);
		assertThat(clicks(link)).isEqualTo(1);
	}

	@Test
	void wrongGuestInputIsRefusedWithAMessageAndNothingIsWritten() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\",\"maxClicks\":3}");
		List<Map<String, String>> bad = List.of(Map.of("name", "", "email", "ada@example.org"),
				Map.of("name", "   ", "email", "ada@example.org"),
				Map.of("name", "x".repeat(101), "email", "ada@example.org"),
				Map.of("name", "Ada\u0007", "email", "ada@example.org"),
				Map.of("name", "\u202EAda", "email", "ada@example.org"), Map.of("name", "Ada", "email", ""),
				Map.of("name", "Ada", "email", "not-an-email"), Map.of("name", "Ada", "email", "ada@localhost"),
				Map.of("name", "Ada", "email", "a".repeat(65) + "@example.org"),
				Map.of("name", "Ada", "email", "ada@" + "e".repeat(250) + ".org"), Map.of("name", "Ada"));
		for (Map<String, String> form : bad) {
			TestClient guest = browser();
			guest.get(link.url());
			TestClient.Response response = guest.postForm(link.url(), form);
			assertThat(response.status()).as(form.toString()).isEqualTo(400);
			assertThat(response.body()).as(form.toString())
				.containsAnyOf(TextRules.GUEST_NAME.message(), "Enter a valid email");
		}
		assertThat(clicks(link)).isZero();
		assertThat(sessions(link)).isZero();
		TestClient guest = browser();
		guest.get(link.url());
		assertThat(guest.postForm(link.url(), Map.of("name", "x".repeat(100), "email", "ada@example.org")).status())
			.isEqualTo(303);
	}

	@Test
	void aGuestNameIsShownAsTextNeverAsMarkup() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		TestClient guest = browser();
		guest.get(link.url());
		admit(guest, link, "<img src=x onerror=alert(1)>", "ada@example.org");
		TestClient.Response page = guest.get("/guest/media/" + link.mediaId());
		assertThat(page.body()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
	}

	@Test
	void theEntryFormNeedsItsCsrfToken() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		TestClient.Response forged = browser().postForm(link.url(), Map.of("name", "Ada", "email", "ada@example.org"));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(clicks(link)).isZero();
	}

	@Test
	void admissionsAndRefusalsAreAudited() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\",\"maxClicks\":1}");
		admitted(link);
		TestClient second = browser();
		second.get(link.url());
		TestClient third = browser();
		this.jdbc.sql("update guest_link set clicks = 0 where id = :id").param("id", link.linkId()).update();
		third.get(link.url());
		this.jdbc.sql("update guest_link set clicks = 1 where id = :id").param("id", link.linkId()).update();
		admit(third, link, "Third", "third@example.org");
		List<String> outcomes = this.jdbc.sql(
				"select actor || '|' || outcome from audit_event where link_id = :id and action = 'admission' order by id")
			.param("id", link.linkId())
			.query(String.class)
			.list();
		long session = this.jdbc.sql("select id from guest_session where link_id = :id")
			.param("id", link.linkId())
			.query(Long.class)
			.single();
		assertThat(outcomes).containsExactly("guest #" + session + "|admitted", "guest|used_up");
	}

	private TestClient admitted(GuestLinkFixture link) {
		TestClient guest = browser();
		guest.get(link.url());
		assertThat(admit(guest, link, "Ada", "ada@example.org").status()).isEqualTo(303);
		return guest;
	}

	private long upload(String title) {
		TestClient.Response response = this.owner.api()
			.postMultipart("/api/v1/media", Map.of("title", title), "talk.mp4", "video/mp4", Fixtures.MP4);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return ((Number) JsonPath.read(response.body(), "$.id")).longValue();
	}

	private TestClient browser() {
		return TestClient.browser(this.port);
	}

	private static TestClient.Response admit(TestClient guest, GuestLinkFixture link, String name, String email) {
		return guest.postForm(link.url(), Map.of("name", name, "email", email));
	}

	/**
	 * Every header but Date, which tells the time of the response and nothing about the
	 * link.
	 */
	private static Map<String, List<String>> headersButTheDate(TestClient.Response response) {
		Map<String, List<String>> headers = new java.util.TreeMap<>(response.headers().map());
		headers.remove("date");
		return headers;
	}

	private static String token(GuestLinkFixture link) {
		return link.url().substring(link.url().lastIndexOf('/') + 1);
	}

	private int clicks(GuestLinkFixture link) {
		return this.jdbc.sql("select clicks from guest_link where id = :id")
			.param("id", link.linkId())
			.query(Integer.class)
			.single();
	}

	private int sessions(GuestLinkFixture link) {
		return this.jdbc.sql("select count(*) from guest_session where link_id = :id")
			.param("id", link.linkId())
			.query(Integer.class)
			.single();
	}

}
