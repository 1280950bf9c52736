package org.guestpass.media;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live sessions: the owner sets an HLS stream and an optional start and end time; an admitted guest
 * sees "hasn't started yet", the stream, or "has ended", as the clock says.
 */
@IntegrationTest
class LiveSessionIntegrationTests {

	private static final String STREAM = "https://streams.example.org/school/live.m3u8";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Test
	void aGuestSeesTheStartTimeThenTheStreamThenThatItHasEnded() {
		Person owner = this.fixtures.member(this.port);
		Instant start = this.clock.instant().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		Instant end = start.plus(1, ChronoUnit.HOURS);
		long live = createLive(owner, start, end);
		TestClient guest = admittedGuest(owner, live);

		TestClient.Response before = guest.get("/guest/media/" + live);
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.body()).contains("This live session hasn't started yet")
			.contains("datetime=\"" + start + "\"")
			.doesNotContain("data-live-stream")
			.doesNotContain(STREAM);
		assertThat(before.header("Content-Security-Policy")).doesNotContain("streams.example.org");

		this.clock.advance(Duration.between(this.clock.instant(), start));
		TestClient.Response onAir = guest.get("/guest/media/" + live);
		assertThat(onAir.body()).as("the start is inclusive")
			.contains("data-live-stream")
			.contains("data-stream=\"" + STREAM + "\"")
			.contains("/webjars/hls.js/")
			.doesNotContain("hasn't started yet");
		assertThat(onAir.header("Content-Security-Policy"))
			.contains("media-src 'self' blob: https://streams.example.org;")
			.contains("connect-src 'self' https://streams.example.org;")
			.as("scripts stay our own").doesNotContain("script-src");

		this.clock.advance(Duration.between(this.clock.instant(), end));
		TestClient.Response after = guest.get("/guest/media/" + live);
		assertThat(after.body()).as("the end is exclusive")
			.contains("This live session has ended")
			.contains("datetime=\"" + end + "\"")
			.doesNotContain("data-live-stream")
			.doesNotContain(STREAM);
	}

	@Test
	void aSessionWithoutTimesIsAlwaysOnAirAndOnlyThatPageWidensThePolicy() {
		Person owner = this.fixtures.member(this.port);
		long live = createLive(owner, null, null);
		TestClient guest = admittedGuest(owner, live);
		TestClient.Response page = guest.get("/guest/media/" + live);
		assertThat(page.body()).contains("data-live-stream").doesNotContain("hasn't started").doesNotContain("has ended");
		assertThat(page.header("Content-Security-Policy")).contains("https://streams.example.org");
		assertThat(guest.get("/g/unknown").header("Content-Security-Policy")).doesNotContain("streams.example.org");
		assertThat(owner.api().get("/media").header("Content-Security-Policy")).doesNotContain("streams.example.org");
	}

	@Test
	void theWindowIsCheckedWhereverItIsSet() {
		Person owner = this.fixtures.member(this.port);
		Instant start = this.clock.instant().plus(1, ChronoUnit.DAYS);
		TestClient.Response backwards = owner.api()
			.json("POST", "/api/v1/media", liveJson(start, start.minusSeconds(60)));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body()).contains("\"field\":\"endsAt\"");
		assertThat(owner.api().json("POST", "/api/v1/media", liveJson(start, start)).status())
			.as("an end equal to the start").isEqualTo(400);
		TestClient.Response room = owner.api()
			.json("POST", "/api/v1/media", "{\"title\":\"Room\",\"type\":\"room\",\"url\":\"https://meet.jit.si/x\","
					+ "\"startsAt\":\"" + start + "\"}");
		assertThat(room.status()).isEqualTo(400);
		assertThat(room.body()).contains("\"field\":\"startsAt\"");
		assertThat(owner.api().json("POST", "/api/v1/media",
				"{\"title\":\"Live\",\"type\":\"live_session\",\"url\":\"" + STREAM + "\",\"startsAt\":\"tomorrow\"}")
			.status()).as("not an instant").isEqualTo(400);

		long live = createLive(owner, null, null);
		TestClient.Response changed = owner.api()
			.json("PUT", "/api/v1/media/" + live + "/live",
					"{\"url\":\"https://other.example.org/a.m3u8\",\"startsAt\":\"" + start + "\"}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(changed.body(), "$.url")).isEqualTo("https://other.example.org/a.m3u8");
		assertThat((String) JsonPath.read(changed.body(), "$.startsAt")).isEqualTo(start.toString());
		assertThat((Object) JsonPath.read(changed.body(), "$.endsAt")).isNull();
		assertThat(owner.api()
			.json("PUT", "/api/v1/media/" + live + "/live",
					"{\"url\":\"" + STREAM + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start + "\"}")
			.status()).isEqualTo(400);
		assertThat(owner.api().json("PUT", "/api/v1/media/" + live + "/live", "{\"url\":\"javascript:alert(1)\"}")
			.status()).isEqualTo(400);
		assertThat(this.fixtures.member(this.port)
			.api()
			.json("PUT", "/api/v1/media/" + live + "/live", "{\"url\":\"" + STREAM + "\"}")
			.status()).as("another member's session").isEqualTo(404);
		long room2 = owner.createLinked("A room", "room");
		TestClient.Response notLive = owner.api()
			.json("PUT", "/api/v1/media/" + room2 + "/live", "{\"url\":\"" + STREAM + "\"}");
		assertThat(notLive.status()).isEqualTo(409);
		assertThat(notLive.body()).contains("not_a_live_session");
	}

	@Test
	void theFormReadsTimesInTheZoneTheBrowserReports() {
		Person owner = this.fixtures.member(this.port);
		TestClient browser = TestClient.browser(this.port);
		browser.signIn(owner.username(), owner.password());
		browser.get("/media");
		TestClient.Response added = browser.postForm("/media/links",
				Map.of("title", "Assembly", "type", "live_session", "url", STREAM, "startsAt", "2030-03-01T09:30",
						"endsAt", "2030-03-01T11:00", "zone", "Europe/Amsterdam"));
		assertThat(added.status()).isEqualTo(302);
		String location = added.header("Location");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String json = owner.api().get("/api/v1/media/" + id).body();
		assertThat((String) JsonPath.read(json, "$.startsAt")).isEqualTo("2030-03-01T08:30:00Z");
		assertThat((String) JsonPath.read(json, "$.endsAt")).isEqualTo("2030-03-01T10:00:00Z");

		TestClient.Response unreadable = browser.postForm("/media/links", Map.of("title", "Assembly", "type",
				"live_session", "url", STREAM, "startsAt", "next monday", "zone", "Europe/Amsterdam"));
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.body()).contains("Enter times as a date and a time");

		browser.get("/media/" + id);
		TestClient.Response saved = browser.postForm("/media/" + id + "/live", Map.of("url", STREAM, "startsAt",
				"2030-03-01T09:30", "endsAt", "2030-03-01T09:00", "zone", "Europe/Amsterdam"));
		assertThat(saved.status()).isEqualTo(400);
		assertThat(saved.body()).contains("The end must come after the start.");
		saved = browser.postForm("/media/" + id + "/live",
				Map.of("url", STREAM, "startsAt", "", "endsAt", "2030-03-01T12:00", "zone", "Not/AZone"));
		assertThat(saved.status()).isEqualTo(302);
		json = owner.api().get("/api/v1/media/" + id).body();
		assertThat((Object) JsonPath.read(json, "$.startsAt")).isNull();
		assertThat((String) JsonPath.read(json, "$.endsAt")).as("an unknown zone falls back to the site's (UTC here)")
			.isEqualTo("2030-03-01T12:00:00Z");
	}

	private long createLive(Person owner, Instant start, Instant end) {
		TestClient.Response created = owner.api().json("POST", "/api/v1/media", liveJson(start, end));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	private static String liveJson(Instant start, Instant end) {
		return "{\"title\":\"Assembly\",\"type\":\"live_session\",\"url\":\"" + STREAM + "\""
				+ ((start == null) ? "" : ",\"startsAt\":\"" + start + "\"")
				+ ((end == null) ? "" : ",\"endsAt\":\"" + end + "\"") + "}";
	}

	private TestClient admittedGuest(Person owner, long mediaId) {
		owner.enableGuestAccess(mediaId);
		String url = JsonPath.read(owner.createLink(mediaId, "{\"name\":\"Live\"}").body(), "$.url");
		TestClient guest = TestClient.browser(this.port);
		guest.get(url);
		assertThat(guest.postForm(url, Map.of("name", "Ada", "email", "ada@example.org")).status()).isEqualTo(303);
		return guest;
	}

}
