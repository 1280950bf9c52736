package org.guestpass.guestaccess;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.TestClient;
import org.guestpass.audit.Actor;
import org.guestpass.settings.GuestLinkPolicy;
import org.guestpass.settings.SiteModules;
import org.guestpass.settings.SiteSettings;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.columnHeads;
import static org.guestpass.PageChecks.one;
import static org.guestpass.PageChecks.rowWith;
import static org.guestpass.PageChecks.select;

/**
 * The owner's pages that work without JavaScript, signed in through the form: the media
 * page's "More actions" menu and the "Manage guest access" page with its switch, links
 * and forms.
 */
@IntegrationTest
class GuestAccessPageIntegrationTests {

	private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final String CLICKS = "Enter a whole number from 1 to 1000000, or leave it empty.";

	private static final String DAYS = "Enter a whole number of days from 1 to 365, or leave it empty.";

	private static final String NAME_LENGTH = "Enter a link name of 1 to 100 characters.";

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

	TestClient browser;

	@BeforeEach
	void signInTheOwner() {
		this.owner = this.fixtures.member(this.port);
		this.browser = TestClient.browser(this.port);
		this.browser.get("/login");
		TestClient.Response signedIn = this.browser.postForm("/login",
				Map.of("username", this.owner.username(), "password", this.owner.password()));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/media");
	}

	@Test
	void theMediaPageOffersManageGuestAccessInItsMoreActionsMenu() {
		long media = this.owner.liveSession("Lecture");
		TestClient.Response page = this.browser.get("/media/" + media);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("aria-label=\"More actions\"");
		assertThat(select(page.body(), "a.menu-item[href=/media/" + media + "/guest-access]").eachText())
			.contains("Manage guest access");
		assertThat(page.body().indexOf("More actions")).isLessThan(page.body().indexOf("Manage guest access"));
	}

	@Test
	void aChannelRoomOffersNoGuestAccess() {
		long room = this.owner.createLinked("Channel room", "channel_room");
		TestClient.Response page = this.browser.get("/media/" + room);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("More actions").doesNotContain("Manage guest access");
		assertThat(this.browser.get("/media/" + room + "/guest-access").status()).isEqualTo(409);
	}

	@Test
	void noGuestAccessIsOfferedWhileAModuleIsOff() {
		long media = this.owner.liveSession("Lecture");
		for (SiteModules modules : List.of(new SiteModules(false, true, true), new SiteModules(true, false, true),
				new SiteModules(true, true, false))) {
			this.settings.changeModules(modules, Actor.user("test"));
			TestClient.Response page = this.browser.get("/media/" + media);
			assertThat(page.status()).as(modules.toString()).isEqualTo(200);
			assertThat(page.body()).as(modules.toString())
				.contains("More actions")
				.doesNotContain("Manage guest access");
			assertThat(this.browser.get("/media/" + media + "/guest-access").status()).as(modules.toString())
				.isEqualTo(409);
		}
		this.settings.changeModules(new SiteModules(true, true, true), Actor.user("test"));
		assertThat(this.browser.get("/media/" + media).body()).contains("Manage guest access");
	}

	@Test
	void noGuestAccessIsOfferedToAMemberWhenOnlyAdminsMayManageIt() {
		long media = this.owner.liveSession("Lecture");
		this.settings.changePolicy(new GuestLinkPolicy(GuestLinkPolicy.LowestRole.admin, 3, 365), Actor.user("test"));
		TestClient.Response page = this.browser.get("/media/" + media);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("Manage guest access");
		assertThat(this.browser.get("/media/" + media + "/guest-access").status()).isEqualTo(403);
	}

	@Test
	void theManagePageShowsTheSwitchTheCountAndTheCreateForm() {
		long media = this.owner.liveSession("Lecture");
		TestClient.Response page = this.browser.get("/media/" + media + "/guest-access");
		assertThat(page.status()).isEqualTo(200);
		assertThat(select(page.body(), "h1").eachText()).contains("Manage guest access");
		assertThat(page.text()).contains("Allow link-based access without sign-in. Up to 3 guest links available.")
			.contains("Enable guest access")
			.contains("aria-checked=\"false\"")
			.contains("No links added")
			.contains("Create new link")
			.contains("Allow anyone with this link to access the media without signing in.")
			.contains("Link Name")
			.contains("# of clicks")
			.contains("Limit how many times this link can be accessed.")
			.contains("Duration")
			.contains("Day/s")
			.contains(">Cancel</a>")
			.contains(">Create</button>")
			.contains("Turn on Enable guest access to create links.")
			.doesNotContain("Link name</th>");
	}

	@Test
	void theAvailableLinksFollowThePolicy() {
		long media = this.owner.liveSession("Lecture");
		this.settings.changePolicy(new GuestLinkPolicy(GuestLinkPolicy.LowestRole.member, 2, 365), Actor.user("test"));
		assertThat(this.browser.get("/media/" + media + "/guest-access").text())
			.contains("Allow link-based access without sign-in. Up to 2 guest links available.");
	}

	@Test
	void theSwitchTurnsGuestAccessOnAndOff() {
		long media = this.owner.liveSession("Lecture");
		this.browser.get("/media/" + media + "/guest-access");

		TestClient.Response on = this.browser.postForm("/media/" + media + "/guest-access", Map.of("enabled", "true"));
		assertThat(on.status()).isEqualTo(302);
		assertThat(on.header("Location")).endsWith("/media/" + media + "/guest-access");
		TestClient.Response page = this.browser.get("/media/" + media + "/guest-access");
		assertThat(page.text()).contains("Guest access is on.")
			.contains("aria-checked=\"true\"")
			.doesNotContain("Turn on Enable guest access to create links.");
		assertThat(enabled(media)).isTrue();

		TestClient.Response off = this.browser.postForm("/media/" + media + "/guest-access",
				Map.of("enabled", "false"));
		assertThat(off.status()).isEqualTo(302);
		assertThat(this.browser.get("/media/" + media + "/guest-access").text()).contains("Guest access is off.")
			.contains("aria-checked=\"false\"");
		assertThat(enabled(media)).isFalse();
	}

	@Test
	void theSwitchNeedsTheCsrfToken() {
		long media = this.owner.liveSession("Lecture");
		TestClient.Response forged = this.browser.send(this.browser.request("/media/" + media + "/guest-access")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("enabled=true")));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from guest_access where media_id = :id and enabled")
			.param("id", media)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void creatingALinkListsItWithItsExpiryClicksAndUrl() {
		long media = guestAccessOn();

		TestClient.Response created = createLink(media, "Webinar invite", "2", "30");
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.header("Location")).endsWith("/media/" + media + "/guest-access");

		TestClient.Response page = this.browser.get("/media/" + media + "/guest-access");
		String expiry = EXPIRY.format(this.clock.instant().plus(Duration.ofDays(30)));
		String url = JsonPath.read(
				this.owner.api().json("GET", "/api/v1/media/" + media + "/guest-access", null).body(),
				"$.links[0].url");
		assertThat(url).matches("http://localhost:" + this.port + "/g/[A-Za-z0-9_-]{43}");
		assertThat(page.text()).contains("Created the link \"Webinar invite\".")
			.contains("1 link")
			.doesNotContain("No links added")
			.contains("Copy link")
			.contains("Delete link");
		assertThat(columnHeads(page.body(), "table.links")).containsExactly("Link name", "Expiration date",
				"# of clicks", "Actions");
		List<String> row = rowWith(page.body(), "table.links", "span.link-name", "Webinar invite");
		assertThat(row.subList(1, 3)).as("expiration date and clicks").containsExactly(expiry, "0 / 2");
		assertThat(one(page.body(), "table.links input.link-url").attr("value")).isEqualTo(url);
		assertThat(select(page.body(), "span.link-name").eachText()).contains("Webinar invite");
		assertThat(expiry).matches("[A-Z][a-z]+ \\d{1,2}, \\d{4}");
	}

	@Test
	void aLinkWithoutLimitsNeverExpiresAndHasUnlimitedClicks() {
		long media = guestAccessOn();

		assertThat(createLink(media, "Open door", "", "").status()).isEqualTo(302);

		TestClient.Response page = this.browser.get("/media/" + media + "/guest-access");
		assertThat(select(page.body(), "span.link-name").eachText()).contains("Open door");
		assertThat(rowWith(page.body(), "table.links", "span.link-name", "Open door").subList(1, 3))
			.as("expiration date and clicks")
			.containsExactly("Never", "0 / unlimited");
	}

	@Test
	void theCountLineCountsTheLinks() {
		long media = guestAccessOn();
		createLink(media, "One", "", "");
		this.browser.get("/media/" + media + "/guest-access");
		createLink(media, "Two", "", "");
		TestClient.Response page = this.browser.get("/media/" + media + "/guest-access");
		assertThat(page.text()).contains("2 links");
	}

	@Test
	void theCreateButtonIsDisabledOnceTheLimitIsReached() {
		long media = guestAccessOn();
		for (int i = 1; i <= 3; i++) {
			this.browser.get("/media/" + media + "/guest-access");
			assertThat(createLink(media, "Link " + i, "", "").status()).isEqualTo(302);
		}
		TestClient.Response page = this.browser.get("/media/" + media + "/guest-access");
		assertThat(page.text()).contains("3 links").contains("This item has as many links as allowed.");
		assertThat(select(page.body(), "button[type=button].primary[disabled]").eachText()).contains("Create new link");

		TestClient.Response fourth = createLink(media, "Link 4", "", "");
		assertThat(fourth.status()).isEqualTo(400);
		assertThat(fourth.text()).contains("This item already has as many guest links as allowed.");
		assertThat(linkCount(media)).isEqualTo(3);
	}

	@Test
	void refusesBadInputWithTheMessageNextToTheFieldAndWritesNothing() {
		long media = guestAccessOn();
		assertRefused(media, "Nice name", "abc", "", CLICKS);
		assertRefused(media, "Nice name", "0", "", CLICKS);
		assertRefused(media, "Nice name", "1.5", "", CLICKS);
		assertRefused(media, "Nice name", "", "0", DAYS);
		assertRefused(media, "Nice name", "", "-3", DAYS);
		assertRefused(media, "", "2", "30", NAME_LENGTH);
		assertRefused(media, "   ", "2", "30", NAME_LENGTH);
		assertRefused(media, "x".repeat(101), "2", "30", NAME_LENGTH);
		assertRefused(media, "Nice name", "2", "366", DAYS);
		assertThat(linkCount(media)).isZero();

		this.browser.get("/media/" + media + "/guest-access");
		assertThat(createLink(media, "x".repeat(100), "2", "365").status()).isEqualTo(302);
		assertThat(linkCount(media)).isEqualTo(1);
	}

	@Test
	void aRefusedFormKeepsWhatWasTyped() {
		long media = guestAccessOn();
		TestClient.Response refused = createLink(media, "Keep me", "abc", "7");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("value=\"Keep me\"").contains("value=\"abc\"").contains("value=\"7\"");
	}

	@Test
	void theDurationLimitFollowsThePolicy() {
		long media = guestAccessOn();
		this.settings.changePolicy(new GuestLinkPolicy(GuestLinkPolicy.LowestRole.member, 3, 10), Actor.user("test"));
		assertRefused(media, "Too long", "", "11", "Enter a whole number of days from 1 to 10, or leave it empty.");
		this.browser.get("/media/" + media + "/guest-access");
		assertThat(createLink(media, "Just right", "", "10").status()).isEqualTo(302);
	}

	@Test
	void noLinkIsCreatedWhileTheSwitchIsOff() {
		long media = this.owner.liveSession("Lecture");
		this.browser.get("/media/" + media + "/guest-access");
		TestClient.Response refused = createLink(media, "Too early", "", "");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("Turn on Enable guest access before creating a link.");
		assertThat(linkCount(media)).isZero();
	}

	@Test
	void deletingALinkAsksToConfirmThenDeletesIt() {
		long media = guestAccessOn();
		createLink(media, "Short-lived", "", "");
		long link = this.jdbc.sql("select id from guest_link where media_id = :id")
			.param("id", media)
			.query(Long.class)
			.single();
		TestClient.Response page = this.browser.get("/media/" + media + "/guest-access");
		// A button that asks for the confirmation page, a dialog once the script runs.
		Element asks = one(page.body(),
				"table.links form[action=\"/media/" + media + "/guest-links/" + link + "/delete\"]");
		assertThat(asks.attr("method")).isEqualTo("get");
		assertThat(asks.child(0).is("button[type=submit]")).as("the form's first element, a submit button: " + asks)
			.isTrue();

		TestClient.Response confirm = this.browser.get("/media/" + media + "/guest-links/" + link + "/delete");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.text()).contains("Short-lived")
			.contains("Deleted links can't be restored")
			.contains("Cancel");
		assertThat(linkCount(media)).isEqualTo(1);

		TestClient.Response deleted = this.browser.postForm("/media/" + media + "/guest-links/" + link + "/delete",
				Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(deleted.header("Location")).endsWith("/media/" + media + "/guest-access");
		assertThat(linkCount(media)).isZero();
		assertThat(this.browser.get("/media/" + media + "/guest-access").text()).contains("The link was deleted.")
			.contains("No links added")
			.doesNotContain("Short-lived");
		assertThat(this.browser.get("/media/" + media + "/guest-links/" + link + "/delete").status()).isEqualTo(404);
	}

	@Test
	void anotherOwnersItemIsNotFound() {
		Person stranger = this.fixtures.member(this.port);
		long theirs = stranger.liveSession("Not yours");
		stranger.enableGuestAccess(theirs);
		assertThat(this.browser.get("/media/" + theirs).status()).isEqualTo(404);
		assertThat(this.browser.get("/media/" + theirs + "/guest-access").status()).isEqualTo(404);
		this.browser.get("/media");
		assertThat(createLink(theirs, "Sneaky", "", "").status()).isEqualTo(404);
		assertThat(linkCount(theirs)).isZero();
	}

	@Test
	void aLinkNameIsShownAsTextNeverAsMarkup() {
		long media = guestAccessOn();
		String name = "<img src=x onerror=alert(1)>";
		assertThat(createLink(media, name, "", "").status()).isEqualTo(302);
		long link = this.jdbc.sql("select id from guest_link where media_id = :id")
			.param("id", media)
			.query(Long.class)
			.single();

		TestClient.Response page = this.browser.get("/media/" + media + "/guest-access");
		assertThat(page.body()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
		assertThat(page.text()).contains(name);
		TestClient.Response confirm = this.browser.get("/media/" + media + "/guest-links/" + link + "/delete");
		assertThat(confirm.body()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");

		TestClient.Response refused = createLink(media, name, "abc", "");
		assertThat(refused.body()).doesNotContain("<img");
	}

	private long guestAccessOn() {
		long media = this.owner.liveSession("Lecture");
		this.browser.get("/media/" + media + "/guest-access");
		TestClient.Response on = this.browser.postForm("/media/" + media + "/guest-access", Map.of("enabled", "true"));
		assertThat(on.status()).isEqualTo(302);
		this.browser.get("/media/" + media + "/guest-access");
		return media;
	}

	private TestClient.Response createLink(long media, String name, String maxClicks, String durationDays) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("maxClicks", maxClicks);
		form.put("durationDays", durationDays);
		return this.browser.postForm("/media/" + media + "/guest-links", form);
	}

	private void assertRefused(long media, String name, String maxClicks, String durationDays, String message) {
		String input = "name=" + name + ", maxClicks=" + maxClicks + ", durationDays=" + durationDays;
		TestClient.Response refused = createLink(media, name, maxClicks, durationDays);
		assertThat(refused.status()).as(input).isEqualTo(400);
		assertThat(refused.text()).as(input)
			.contains("class=\"field-error\"")
			.contains(message)
			.doesNotContain("Exception");
		assertThat(select(refused.body(), "h1").eachText()).as(input).contains("Manage guest access");
	}

	private boolean enabled(long media) {
		return this.jdbc.sql("select enabled from guest_access where media_id = :id")
			.param("id", media)
			.query(Boolean.class)
			.single();
	}

	private int linkCount(long media) {
		return this.jdbc.sql("select count(*) from guest_link where media_id = :id")
			.param("id", media)
			.query(Integer.class)
			.single();
	}

}
