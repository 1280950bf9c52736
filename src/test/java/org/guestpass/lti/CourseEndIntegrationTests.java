package org.guestpass.lti;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.PageChecks;
import org.guestpass.TestClient;
import org.guestpass.audit.Actor;
import org.guestpass.settings.LmsSettings;
import org.guestpass.settings.SiteSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links that end with the course: a teacher launched from a Canvas course whose end
 * Canvas shares is offered a duration that ends with it, and a site that makes the end a
 * ceiling refuses a longer link or one that never expires.
 */
@IntegrationTest
class CourseEndIntegrationTests {

	private static final DateTimeFormatter CANVAS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy").withZone(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	Platforms platforms;

	@Autowired
	SiteSettings settings;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	FakePlatform platform;

	TestClient teacher;

	long item;

	String ends;

	@BeforeEach
	void aTeacherLaunchedFromACourseThatEndsInFortyDays() {
		this.platform = FakePlatform.start(this.clock);
		this.platforms.add(this.platform.draft(), Actor.user("test")).value();
		Instant end = this.clock.instant().plus(Duration.ofDays(40)).plus(Duration.ofHours(1));
		this.ends = DATE.format(end);
		this.teacher = TestClient.browser(this.port);
		String launchUrl = "http://localhost:" + this.port + "/lti/launch";
		TestClient.Response login = this.teacher
			.get("/lti/login?iss=" + encode(this.platform.issuer()) + "&login_hint=teacher&target_link_uri="
					+ encode(launchUrl) + "&client_id=" + encode(this.platform.clientId()));
		Map<String, String> request = UriComponentsBuilder.fromUriString(login.header("Location"))
			.build()
			.getQueryParams()
			.toSingleValueMap();
		TestClient.Response launched = this.teacher.postForm("/lti/launch",
				Map.of("id_token",
						this.platform.resourceLinkLaunch(decode(request.get("nonce")), launchUrl)
							.claim(FakePlatform.CUSTOM,
									Map.of("course_end_at", CANVAS.format(end), "term_end_at", "$Canvas.term.endAt"))
							.sign(),
						"state", decode(request.get("state"))));
		assertThat(launched.status()).as(launched.body()).isEqualTo(302);
		this.item = addRoomAndSwitchGuestAccessOn(this.teacher);
	}

	@AfterEach
	void stop() {
		this.platform.close();
	}

	@Test
	void createNewLinkProposesADurationThatEndsWithTheCourseAndSaysSo() {
		TestClient.Response form = this.teacher.get("/media/" + this.item + "/guest-links/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(PageChecks.control(form.body(), "durationDays").attr("value")).isEqualTo("40");
		assertThat(PageChecks.textOf(form.body(), "#durationDays-hint"))
			.isEqualTo("Ends with the course on " + this.ends + ".");
		assertThat(PageChecks.control(form.body(), "durationDays").attr("aria-describedby"))
			.contains("durationDays-hint");

		// Only proposed: a longer link is made while the site does not make the end a
		// ceiling.
		assertThat(create("Examiner", "100").status()).isEqualTo(302);
	}

	@Test
	void aSiteThatMakesTheCoursesEndACeilingRefusesALongerLinkOrOneThatNeverExpires() {
		this.settings.changeLms(new LmsSettings(false, true), Actor.user("test"));
		String words = "Enter a whole number of days from 1 to 40: links made from this course end with it, on "
				+ this.ends + ".";
		for (String days : List.of("41", "")) {
			TestClient.Response refused = create("Examiner", days);
			assertThat(refused.status()).as(days).isEqualTo(400);
			PageChecks.assertErrorNextToField(refused.body(), "durationDays", words);
			assertThat(PageChecks.control(refused.body(), "name").attr("value")).isEqualTo("Examiner");
		}
		assertThat(create("Examiner", "40").status()).isEqualTo(302);
	}

	@Test
	void aLocalOwnerIsProposedNothing() {
		Person owner = this.fixtures.member(this.port);
		TestClient browser = TestClient.signedIn(this.port, owner.username(), owner.password());
		long mine = addRoomAndSwitchGuestAccessOn(browser);
		TestClient.Response form = browser.get("/media/" + mine + "/guest-links/new");
		assertThat(PageChecks.control(form.body(), "durationDays").attr("value")).isEmpty();
		assertThat(PageChecks.select(form.body(), "#durationDays-hint")).isEmpty();
	}

	private TestClient.Response create(String name, String days) {
		this.teacher.get("/media/" + this.item + "/guest-links/new");
		return this.teacher.postForm("/media/" + this.item + "/guest-links",
				Map.of("name", name, "maxClicks", "", "durationDays", days));
	}

	private static long addRoomAndSwitchGuestAccessOn(TestClient browser) {
		browser.get("/media");
		TestClient.Response added = browser.postForm("/media/links",
				Map.of("title", "Guest lecture", "type", "room", "url", "https://rooms.example.org/lecture"));
		assertThat(added.status()).as(added.body()).isEqualTo(302);
		long id = Long.parseLong(added.header("Location").replaceAll(".*/media/", ""));
		browser.get("/media/" + id + "/guest-access");
		assertThat(browser.postForm("/media/" + id + "/guest-access", Map.of("enabled", "true")).status())
			.isEqualTo(302);
		return id;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
