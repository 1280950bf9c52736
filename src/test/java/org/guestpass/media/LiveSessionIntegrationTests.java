package org.guestpass.media;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.PageChecks;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Live sessions: the owner sets an HLS stream and an optional start and end time; an
 * admitted guest sees "hasn't started yet", the stream, or "has ended", as the clock
 * says.
 */
@IntegrationTest
class LiveSessionIntegrationTests {

	private static final String STREAM = "https://streams.example.org/school/live.m3u8";

	private static final String OUT_OF_RANGE = "Enter a time between the years 1970 and 9999.";

	private static final String UNREADABLE = "Enter a time such as 2030-03-01T09:30:00Z.";

	private static final String UNREADABLE_IN_FORM = "Enter times as a date and a time, such as 2026-05-04 14:30.";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

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
			.as("scripts stay our own")
			.doesNotContain("script-src");

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
		assertThat(page.body()).contains("data-live-stream")
			.doesNotContain("hasn't started")
			.doesNotContain("has ended");
		assertThat(page.header("Content-Security-Policy")).contains("https://streams.example.org");
		assertThat(guest.get("/g/unknown").header("Content-Security-Policy")).doesNotContain("streams.example.org");
		assertThat(owner.api().get("/media").header("Content-Security-Policy")).doesNotContain("streams.example.org");
	}

	@Test
	void anHtmxRequestForThePageOnAirIsToldToLoadItWholeSoThatItsPolicyAllowsTheStream() {
		Person owner = this.fixtures.member(this.port);
		Instant start = this.clock.instant().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		long live = createLive(owner, start, start.plus(1, ChronoUnit.HOURS));
		TestClient guest = admittedGuest(owner, live);
		TestClient.Response before = guest.get("/guest/media/" + live, "HX-Request", "true");
		assertThat(before.body()).contains("This live session hasn't started yet");
		assertThat(before.header("HX-Refresh")).as("not started: swapped in place").isNull();

		this.clock.advance(Duration.between(this.clock.instant(), start));
		TestClient.Response onAir = guest.get("/guest/media/" + live, "HX-Request", "true");
		assertThat(onAir.body()).contains("data-live-stream");
		assertThat(onAir.header("HX-Refresh")).isEqualTo("true");
		assertThat(guest.get("/guest/media/" + live).header("HX-Refresh")).as("a page load").isNull();

		this.clock.advance(Duration.ofHours(1));
		TestClient.Response after = guest.get("/guest/media/" + live, "HX-Request", "true");
		assertThat(after.body()).contains("This live session has ended");
		assertThat(after.header("HX-Refresh")).as("ended: swapped in place").isNull();
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
			.as("an end equal to the start")
			.isEqualTo(400);
		TestClient.Response room = owner.api()
			.json("POST", "/api/v1/media", "{\"title\":\"Room\",\"type\":\"room\",\"url\":\"https://meet.jit.si/x\","
					+ "\"startsAt\":\"" + start + "\"}");
		assertThat(room.status()).isEqualTo(400);
		assertThat(room.body()).contains("\"field\":\"startsAt\"");
		assertThat(owner.api()
			.json("POST", "/api/v1/media",
					"{\"title\":\"Live\",\"type\":\"live_session\",\"url\":\"" + STREAM
							+ "\",\"startsAt\":\"tomorrow\"}")
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
		assertThat(owner.api()
			.json("PUT", "/api/v1/media/" + live + "/live", "{\"url\":\"javascript:alert(1)\"}")
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

	@Test
	void timesAreKeptToTheMicrosecondAndAnEndInTheSameMicrosecondIsRefused() {
		Person owner = this.fixtures.member(this.port);
		long live = createLive(owner, null, null);
		Instant start = Instant.parse("2030-03-01T09:30:00Z");
		for (Instant end : List.of(start.plusNanos(1), start.plusNanos(100), start.plusNanos(999))) {
			for (TestClient.Response refused : List.of(owner.api().json("POST", "/api/v1/media", liveJson(start, end)),
					owner.api().json("PUT", "/api/v1/media/" + live + "/live", liveSessionJson(start, end)))) {
				assertThat(refused.status()).as(end + ": " + refused.body()).isEqualTo(400);
				assertRefusedOn(refused, "endsAt", "The end must come after the start.");
			}
		}

		TestClient.Response kept = owner.api()
			.json("POST", "/api/v1/media", liveJson(Instant.parse("2030-03-01T09:30:00.000000999Z"),
					Instant.parse("2030-03-01T09:30:00.000001Z")));
		assertThat(kept.status()).as(kept.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(kept.body(), "$.startsAt")).isEqualTo("2030-03-01T09:30:00Z");
		assertThat((String) JsonPath.read(kept.body(), "$.endsAt")).isEqualTo("2030-03-01T09:30:00.000001Z");
		TestClient.Response changed = owner.api()
			.json("PUT", "/api/v1/media/" + live + "/live", liveSessionJson(
					Instant.parse("2030-03-01T09:30:00.123456789Z"), Instant.parse("2030-03-01T09:30:00.123457001Z")));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		String stored = owner.api().get("/api/v1/media/" + live).body();
		assertThat((String) JsonPath.read(stored, "$.startsAt")).as("the digits past the microsecond are dropped")
			.isEqualTo("2030-03-01T09:30:00.123456Z");
		assertThat((String) JsonPath.read(stored, "$.endsAt")).isEqualTo("2030-03-01T09:30:00.123457Z");
	}

	@Test
	void timesOutsideTheYears1970To9999AreRefusedOnTheirOwnField() {
		Person owner = this.fixtures.member(this.port);
		long live = createLive(owner, null, null);
		for (Instant time : List.of(Instant.MIN, Instant.MAX, Instant.parse("+294276-12-31T23:59:59.999999Z"),
				Instant.parse("+294277-01-01T00:00:00Z"), Instant.parse("-4714-11-24T00:00:00Z"),
				Instant.parse("-0001-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.999999Z"),
				Instant.parse("+10000-01-01T00:00:00Z"))) {
			assertRefusedOn(owner.api().json("POST", "/api/v1/media", liveJson(time, null)), "startsAt", OUT_OF_RANGE);
			assertRefusedOn(owner.api().json("POST", "/api/v1/media", liveJson(null, time)), "endsAt", OUT_OF_RANGE);
			assertRefusedOn(owner.api().json("PUT", "/api/v1/media/" + live + "/live", liveSessionJson(time, null)),
					"startsAt", OUT_OF_RANGE);
			assertRefusedOn(owner.api().json("PUT", "/api/v1/media/" + live + "/live", liveSessionJson(null, time)),
					"endsAt", OUT_OF_RANGE);
		}
		assertRefusedOn(owner.api().json("POST", "/api/v1/media", liveJson(Instant.MIN, Instant.MAX)), "startsAt",
				OUT_OF_RANGE);
		String unchanged = owner.api().get("/api/v1/media/" + live).body();
		assertThat((Object) JsonPath.read(unchanged, "$.startsAt")).isNull();
		assertThat((Object) JsonPath.read(unchanged, "$.endsAt")).isNull();

		TestClient.Response bounds = owner.api()
			.json("POST", "/api/v1/media",
					liveJson(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z")));
		assertThat(bounds.status()).as(bounds.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(bounds.body(), "$.startsAt")).isEqualTo("1970-01-01T00:00:00Z");
		assertThat((String) JsonPath.read(bounds.body(), "$.endsAt")).isEqualTo("9999-12-31T23:59:59.999999Z");
	}

	@Test
	void instantsTheApiCannotReadAreRefusedOnTheirField() {
		Person owner = this.fixtures.member(this.port);
		long live = createLive(owner, null, null);
		for (String value : List.of("\"+1000000001-01-01T00:00:00Z\"", "\"-1000000001-01-01T00:00:00Z\"",
				"\"2030-01-01T00:00:00.0000000001Z\"", "\"2030-01-01T00:00:00\"", "\"2030-02-30T00:00:00Z\"",
				"\"2030-01-01T24:00:01Z\"", "\"2030-01-01T00:00:00+18:01\"", "\"tomorrow\"", "\"0\"", "1893456000",
				"1.5", "1e400", "-1e400", "9223372036854775807", "true", "[]", "[\"2030-01-01T00:00:00Z\"]", "{}")) {
			String body = "{\"title\":\"Live\",\"type\":\"live_session\",\"url\":\"" + STREAM + "\",\"startsAt\":"
					+ value + "}";
			assertRefusedOn(owner.api().json("POST", "/api/v1/media", body), "startsAt", UNREADABLE);
			assertRefusedOn(owner.api()
				.json("PUT", "/api/v1/media/" + live + "/live",
						"{\"url\":\"" + STREAM + "\",\"endsAt\":" + value + "}"),
					"endsAt", UNREADABLE);
		}
		TestClient.Response offset = owner.api()
			.json("POST", "/api/v1/media", "{\"title\":\"Live\",\"type\":\"live_session\",\"url\":\"" + STREAM
					+ "\",\"startsAt\":\"2030-03-01T10:30:00+01:00\"}");
		assertThat(offset.status()).as("an offset names an instant: " + offset.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(offset.body(), "$.startsAt")).isEqualTo("2030-03-01T09:30:00Z");
	}

	@Test
	void theFormRefusesTimesItCannotKeepNextToTheirField() {
		Person owner = this.fixtures.member(this.port);
		long live = createLive(owner, null, null);
		TestClient browser = TestClient.browser(this.port);
		browser.signIn(owner.username(), owner.password());
		List<List<String>> refusals = List.of(List.of("+294277-01-01T00:00", "", "UTC", "starts", OUT_OF_RANGE),
				List.of("+999999999-12-31T23:59:59.999999999", "", "UTC", "starts", OUT_OF_RANGE),
				List.of("", "+999999999-12-31T23:59:59.999999999", "Etc/GMT+12", "ends", OUT_OF_RANGE),
				List.of("-999999999-01-01T00:00", "", "Pacific/Kiritimati", "starts", OUT_OF_RANGE),
				List.of("1969-12-31T23:59", "", "UTC", "starts", OUT_OF_RANGE),
				List.of("1970-01-01T00:30", "", "Europe/Amsterdam", "starts", OUT_OF_RANGE),
				List.of("", "9999-12-31T23:59", "Etc/GMT+12", "ends", OUT_OF_RANGE),
				List.of("2030-03-01T09:30", "2030-03-01T09:30:00.0000001", "UTC", "ends",
						"The end must come after the start."),
				List.of("next monday", "", "UTC", "starts", UNREADABLE_IN_FORM),
				List.of("2030-03-01T09:30", "2030-02-30T10:00", "UTC", "ends", UNREADABLE_IN_FORM));
		for (List<String> refusal : refusals) {
			String what = refusal.toString();
			Map<String, String> times = new LinkedHashMap<>();
			times.put("startsAt", refusal.get(0));
			times.put("endsAt", refusal.get(1));
			times.put("zone", refusal.get(2));

			browser.get("/media/" + live);
			Map<String, String> liveForm = new LinkedHashMap<>(Map.of("url", STREAM));
			liveForm.putAll(times);
			TestClient.Response saved = browser.postForm("/media/" + live + "/live", liveForm);
			assertThat(saved.status()).as(what + " " + saved.body()).isEqualTo(400);
			PageChecks.assertErrorNextToField(saved.body(), "live-" + refusal.get(3), refusal.get(4));
			assertThat(PageChecks.control(saved.body(), "live-starts").attr("value")).as("as typed")
				.isEqualTo(refusal.get(0));
			assertThat(PageChecks.control(saved.body(), "live-ends").attr("value")).isEqualTo(refusal.get(1));

			browser.get("/media");
			Map<String, String> addForm = new LinkedHashMap<>(
					Map.of("title", "Assembly", "type", "live_session", "url", STREAM));
			addForm.putAll(times);
			TestClient.Response added = browser.postForm("/media/links", addForm);
			assertThat(added.status()).as(what + " " + added.body()).isEqualTo(400);
			PageChecks.assertErrorNextToField(added.body(), "link-" + refusal.get(3), refusal.get(4));
			assertThat(PageChecks.control(added.body(), "link-ends").attr("value")).isEqualTo(refusal.get(1));
		}
		String unchanged = owner.api().get("/api/v1/media/" + live).body();
		assertThat((Object) JsonPath.read(unchanged, "$.startsAt")).isNull();
		assertThat((Object) JsonPath.read(unchanged, "$.endsAt")).isNull();

		browser.get("/media/" + live);
		assertThat(browser
			.postForm("/media/" + live + "/live",
					Map.of("url", STREAM, "startsAt", "1970-01-01T00:00", "endsAt", "9999-12-31T23:59", "zone", "UTC"))
			.status()).as("the bounds themselves").isEqualTo(302);
		String bounds = owner.api().get("/api/v1/media/" + live).body();
		assertThat((String) JsonPath.read(bounds, "$.startsAt")).isEqualTo("1970-01-01T00:00:00Z");
		assertThat((String) JsonPath.read(bounds, "$.endsAt")).isEqualTo("9999-12-31T23:59:00Z");
		assertThat(browser.get("/media/" + live).status()).isEqualTo(200);
	}

	@Test
	void theDatabaseKeepsNoTimeOutsideTheYearsEither() {
		long live = createLive(this.fixtures.member(this.port), null, null);
		for (String column : List.of("starts_at", "ends_at")) {
			for (OffsetDateTime time : List.of(OffsetDateTime.parse("1969-12-31T23:59:59.999999Z"),
					OffsetDateTime.parse("+10000-01-01T00:00:00Z"))) {
				assertThatExceptionOfType(DataIntegrityViolationException.class).as(column + " " + time)
					.isThrownBy(() -> this.jdbc.sql("update media set " + column + " = :time where id = :id")
						.param("time", time)
						.param("id", live)
						.update());
			}
		}
	}

	private static void assertRefusedOn(TestClient.Response response, String field, String message) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("validation_failed");
		assertThat((List<String>) JsonPath.read(response.body(), "$.errors[*].field")).as(response.body())
			.containsExactly(field);
		assertThat((List<String>) JsonPath.read(response.body(), "$.errors[*].message")).as(response.body())
			.containsExactly(message);
	}

	private long createLive(Person owner, Instant start, Instant end) {
		TestClient.Response created = owner.api().json("POST", "/api/v1/media", liveJson(start, end));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	private static String liveJson(Instant start, Instant end) {
		return "{\"title\":\"Assembly\",\"type\":\"live_session\",\"url\":\"" + STREAM + "\""
				+ ((start != null) ? ",\"startsAt\":\"" + start + "\"" : "")
				+ ((end != null) ? ",\"endsAt\":\"" + end + "\"" : "") + "}";
	}

	private static String liveSessionJson(Instant start, Instant end) {
		return "{\"url\":\"" + STREAM + "\"" + ((start != null) ? ",\"startsAt\":\"" + start + "\"" : "")
				+ ((end != null) ? ",\"endsAt\":\"" + end + "\"" : "") + "}";
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
