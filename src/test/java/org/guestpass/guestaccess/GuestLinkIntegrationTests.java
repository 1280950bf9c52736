package org.guestpass.guestaccess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Concurrently;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.TestClient;
import org.guestpass.account.Accounts;
import org.guestpass.account.GuestLinkPermission;
import org.guestpass.account.Role;
import org.guestpass.audit.Actor;
import org.guestpass.media.Viewer;
import org.guestpass.settings.GuestLinkPolicy;
import org.guestpass.settings.SiteModules;
import org.guestpass.settings.SiteSettings;
import org.guestpass.system.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's side of guest access through the JSON API: the switch, the links and their
 * limits, and every way a request can be refused without writing anything.
 */
@IntegrationTest
class GuestLinkIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SiteSettings settings;

	@Autowired
	Accounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	GuestAccess guestAccess;

	Person owner;

	@BeforeEach
	void owner() {
		this.owner = this.fixtures.member(this.port);
	}

	@Test
	void guestAccessIsOffByDefaultWithThreeLinksAvailable() {
		long media = this.owner.liveSession("Lecture");
		TestClient.Response access = this.owner.api().json("GET", "/api/v1/media/" + media + "/guest-access", null);
		assertThat(access.status()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(access.body(), "$.enabled")).isFalse();
		assertThat((Integer) JsonPath.read(access.body(), "$.maxLinks")).isEqualTo(3);
		assertThat((List<?>) JsonPath.read(access.body(), "$.links")).isEmpty();
	}

	@Test
	void createsALinkWithItsUrlLimitAndExpiry() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		TestClient.Response link = this.owner.createLink(media,
				"{\"name\":\"  Webinar invite  \",\"maxClicks\":5,\"durationDays\":30}");
		assertThat(link.status()).isEqualTo(201);
		assertThat(link.header("Location"))
			.endsWith("/api/v1/media/" + media + "/guest-links/" + JsonPath.read(link.body(), "$.id"));
		assertThat((String) JsonPath.read(link.body(), "$.name")).isEqualTo("Webinar invite");
		assertThat((String) JsonPath.read(link.body(), "$.url"))
			.matches("http://localhost:" + this.port + "/g/[A-Za-z0-9_-]{43}");
		assertThat((Integer) JsonPath.read(link.body(), "$.maxClicks")).isEqualTo(5);
		assertThat((Integer) JsonPath.read(link.body(), "$.clicks")).isZero();
		assertThat((Integer) JsonPath.read(link.body(), "$.durationDays")).isEqualTo(30);
		assertThat((String) JsonPath.read(link.body(), "$.expiresAt"))
			.isEqualTo(this.clock.instant().plus(Duration.ofDays(30)).toString());
		assertThat((String) JsonPath.read(link.body(), "$.status")).isEqualTo("active");

		TestClient.Response listed = this.owner.api().json("GET", "/api/v1/media/" + media + "/guest-access", null);
		assertThat((String) JsonPath.read(listed.body(), "$.links[0].url"))
			.isEqualTo(JsonPath.read(link.body(), "$.url"));
	}

	@Test
	void aLinkWithoutLimitOrDurationIsUnlimitedAndNeverExpires() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		TestClient.Response link = this.owner.createLink(media, "{\"name\":\"Open\"}");
		assertThat(link.status()).isEqualTo(201);
		assertThat((Object) JsonPath.read(link.body(), "$.maxClicks")).isNull();
		assertThat((Object) JsonPath.read(link.body(), "$.expiresAt")).isNull();
	}

	@Test
	void theDatabaseHoldsNoUsableToken() {
		Fixtures.GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Secret\"}");
		String token = link.url().substring(link.url().lastIndexOf('/') + 1);
		List<String> stored = this.jdbc.sql("select token_hash || ' ' || token_sealed from guest_link where id = :id")
			.param("id", link.linkId())
			.query(String.class)
			.list();
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0)).doesNotContain(token);
	}

	@Test
	void refusesTheFourthLink() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		for (int i = 1; i <= 3; i++) {
			assertThat(this.owner.createLink(media, "{\"name\":\"Link " + i + "\"}").status()).isEqualTo(201);
		}
		TestClient.Response fourth = this.owner.createLink(media, "{\"name\":\"Link 4\"}");
		assertThat(fourth.status()).isEqualTo(409);
		assertThat((String) JsonPath.read(fourth.body(), "$.code")).isEqualTo("link_limit_reached");
		assertThat(linkCount(media)).isEqualTo(3);
	}

	@Test
	void twentySimultaneousCreatesMakeExactlyThreeLinks() throws Exception {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		List<Integer> statuses = Concurrently.run(20,
				(i) -> this.owner.createLink(media, "{\"name\":\"Racer " + i + "\"}").status());
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(3);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(17);
		assertThat(linkCount(media)).isEqualTo(3);
		assertThat(this.jdbc.sql("select link_count from guest_access where media_id = :id")
			.param("id", media)
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void thePolicyMayLowerTheLinksPerItem() {
		this.settings.changePolicy(new GuestLinkPolicy(GuestLinkPolicy.LowestRole.member, 1, 365), Actor.user("test"));
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		assertThat(this.owner.createLink(media, "{\"name\":\"One\"}").status()).isEqualTo(201);
		TestClient.Response second = this.owner.createLink(media, "{\"name\":\"Two\"}");
		assertThat(second.status()).isEqualTo(409);
		assertThat((Integer) JsonPath
			.read(this.owner.api().json("GET", "/api/v1/media/" + media + "/guest-access", null).body(), "$.maxLinks"))
			.isEqualTo(1);
	}

	@Test
	void deletingALinkFreesItsSlot() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		List<Long> ids = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			ids.add(((Number) JsonPath.read(this.owner.createLink(media, "{\"name\":\"L" + i + "\"}").body(), "$.id"))
				.longValue());
		}
		TestClient.Response deleted = this.owner.api()
			.json("DELETE", "/api/v1/media/" + media + "/guest-links/" + ids.get(0), null);
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(
				this.owner.api().json("DELETE", "/api/v1/media/" + media + "/guest-links/" + ids.get(0), null).status())
			.isEqualTo(404);
		assertThat(this.owner.createLink(media, "{\"name\":\"L4\"}").status()).isEqualTo(201);
		assertThat(linkCount(media)).isEqualTo(3);
	}

	@Test
	void linksAreCreatedOnlyWhileGuestAccessIsOn() {
		long media = this.owner.liveSession("Lecture");
		TestClient.Response refused = this.owner.createLink(media, "{\"name\":\"Too early\"}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("guest_access_disabled");
		assertThat(linkCount(media)).isZero();
	}

	@Test
	void turningTheSwitchOffMakesEveryLinkInactiveAndOnAgainRevivesThem() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		this.owner.createLink(media, "{\"name\":\"Short\",\"durationDays\":1}");
		this.owner.createLink(media, "{\"name\":\"Long\",\"durationDays\":10}");
		TestClient.Response off = this.owner.api()
			.json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":false}");
		assertThat((List<String>) JsonPath.read(off.body(), "$.links[*].status")).containsExactly("inactive",
				"inactive");
		this.clock.advance(Duration.ofDays(2));
		TestClient.Response on = this.owner.api()
			.json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":true}");
		assertThat((List<String>) JsonPath.read(on.body(), "$.links[*].status")).containsExactly("expired", "active");
	}

	@Test
	void aLinkExpiresWhenItsDaysHavePassed() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		this.owner.createLink(media, "{\"name\":\"Week\",\"durationDays\":7}");
		this.clock.advance(Duration.ofDays(7).minusSeconds(1));
		assertThat(statuses(media)).containsExactly("active");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(statuses(media)).containsExactly("expired");
	}

	@Test
	void refusesBadInputAndWritesNothing() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		List<String> bad = List.of("{}", "{\"name\":\"\"}", "{\"name\":\"   \"}",
				"{\"name\":\"" + "x".repeat(101) + "\"}", "{\"name\":\"ok\",\"maxClicks\":0}",
				"{\"name\":\"ok\",\"maxClicks\":-1}", "{\"name\":\"ok\",\"maxClicks\":\"abc\"}",
				"{\"name\":\"ok\",\"maxClicks\":1.5}", "{\"name\":\"ok\",\"durationDays\":0}",
				"{\"name\":\"ok\",\"durationDays\":366}", "{\"name\":\"bad\\u0000name\"}", "{\"name\":\"\\u202Eevil\"}",
				"not json");
		for (String body : bad) {
			TestClient.Response response = this.owner.createLink(media, body);
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.header("Content-Type")).as(body).startsWith("application/problem+json");
			assertThat((String) JsonPath.read(response.body(), "$.code")).as(body).isNotBlank();
			assertThat(response.body()).as(body).doesNotContain("Exception").doesNotContain("at org.");
		}
		assertThat(linkCount(media)).isZero();
		assertThat(this.owner.createLink(media, "{\"name\":\"" + "x".repeat(100) + "\"}").status()).isEqualTo(201);
	}

	@Test
	void aNumberOutsideItsRuleIsRefusedInTheRulesWordsAsThePageRefusesIt() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		String days = "Enter a whole number of days from 1 to 365, or leave it empty.";

		TestClient.Response tooLong = this.owner.createLink(media, "{\"name\":\"ok\",\"durationDays\":366}");
		assertThat((String) JsonPath.read(tooLong.body(), "$.code")).isEqualTo("duration_too_long");
		assertThat((String) JsonPath.read(tooLong.body(), "$.detail")).isEqualTo(days);
		assertThat((List<String>) JsonPath.read(tooLong.body(), "$.errors[?(@.field == 'durationDays')].message"))
			.containsExactly(days);

		TestClient.Response clicks = this.owner.createLink(media, "{\"name\":\"\",\"maxClicks\":0,\"durationDays\":0}");
		assertThat((String) JsonPath.read(clicks.body(), "$.code")).isEqualTo("validation_failed");
		assertThat((List<String>) JsonPath.read(clicks.body(), "$.errors[*].field")).containsExactly("durationDays",
				"maxClicks", "name");
		assertThat((List<String>) JsonPath.read(clicks.body(), "$.errors[?(@.field == 'maxClicks')].message"))
			.containsExactly(NewGuestLink.CLICKS.message());
		assertThat((List<String>) JsonPath.read(clicks.body(), "$.errors[?(@.field == 'durationDays')].message"))
			.containsExactly(days);
		assertThat(linkCount(media)).isZero();
	}

	@Test
	void theServiceHoldsEveryLinkToBothEndsOfTheSitesDurationRule() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		Viewer viewer = new Viewer(this.owner.id(), this.owner.username(), false);
		String days = "Enter a whole number of days from 1 to 365, or leave it empty.";
		assertThat(this.guestAccess.durationRule().message()).isEqualTo(days);
		for (int refused : new int[] { -1, 0, 366 }) {
			Outcome<GuestLink> outcome = this.guestAccess.createLink(media, new NewGuestLink("ok", null, refused),
					viewer);
			assertThat(outcome.isRefused()).as("%d days", refused).isTrue();
			assertThat(outcome.refusal().kind()).isSameAs(ManagementRefusal.DURATION_TOO_LONG);
			assertThat(outcome.refusal().message()).isEqualTo(days);
		}
		assertThat(linkCount(media)).isZero();
		assertThat(this.guestAccess.createLink(media, new NewGuestLink("ok", null, 365), viewer).isRefused()).isFalse();
		assertThat(linkCount(media)).isOne();
	}

	@Test
	void anUnknownItemAndAnotherOwnersItemAreBothNotFound() {
		Person stranger = this.fixtures.member(this.port);
		long theirs = stranger.liveSession("Not yours");
		stranger.enableGuestAccess(theirs);
		for (String path : List.of("/api/v1/media/" + theirs, "/api/v1/media/999999", "/api/v1/media/abc")) {
			assertThat(this.owner.api().json("GET", path + "/guest-access", null).status()).as(path).isEqualTo(404);
			assertThat(this.owner.api().json("PUT", path + "/guest-access", "{\"enabled\":false}").status()).as(path)
				.isEqualTo(404);
			assertThat(this.owner.createLink(0, "{\"name\":\"x\"}").status()).isEqualTo(404);
			assertThat(this.owner.api().json("POST", path + "/guest-links", "{\"name\":\"x\"}").status()).as(path)
				.isEqualTo(404);
		}
		assertThat(linkCount(theirs)).isZero();
		assertThat(this.jdbc.sql("select enabled from guest_access where media_id = :id")
			.param("id", theirs)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void anAdminManagesAnyonesItem() {
		Person admin = this.fixtures.admin(this.port);
		long media = this.owner.liveSession("Lecture");
		TestClient.Response on = admin.api()
			.json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":true}");
		assertThat(on.status()).isEqualTo(200);
		assertThat(admin.createLink(media, "{\"name\":\"By the admin\"}").status()).isEqualTo(201);
	}

	@Test
	void channelRoomsRefuseGuestAccess() {
		long room = this.owner.createLinked("Channel room", "channel_room");
		TestClient.Response refused = this.owner.api()
			.json("PUT", "/api/v1/media/" + room + "/guest-access", "{\"enabled\":true}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("unsupported_media_type");
		assertThat(this.owner.createLink(room, "{\"name\":\"x\"}").status()).isEqualTo(409);
		assertThat(this.jdbc.sql("select count(*) from guest_access where media_id = :id")
			.param("id", room)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void everyModuleMustBeOnForGuestAccess() {
		long media = this.owner.liveSession("Lecture");
		for (SiteModules modules : List.of(new SiteModules(false, true, true), new SiteModules(true, false, true),
				new SiteModules(true, true, false))) {
			this.settings.changeModules(modules, Actor.user("test"));
			TestClient.Response refused = this.owner.api()
				.json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":true}");
			assertThat(refused.status()).as(modules.toString()).isEqualTo(409);
			assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("module_disabled");
		}
	}

	@Test
	void onlyPermittedUsersManageGuestLinks() {
		long media = this.owner.liveSession("Lecture");
		this.settings.changePolicy(new GuestLinkPolicy(GuestLinkPolicy.LowestRole.admin, 3, 365), Actor.user("test"));
		TestClient.Response refused = this.owner.api()
			.json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":true}");
		assertThat(refused.status()).isEqualTo(403);
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("not_permitted");

		this.accounts.change(this.owner.id(), Role.member, GuestLinkPermission.allow, Actor.user("test"));
		assertThat(
				this.owner.api().json("PUT", "/api/v1/media/" + media + "/guest-access", "{\"enabled\":true}").status())
			.isEqualTo(200);

		this.settings.changePolicy(new GuestLinkPolicy(GuestLinkPolicy.LowestRole.member, 3, 365), Actor.user("test"));
		this.accounts.change(this.owner.id(), Role.member, GuestLinkPermission.deny, Actor.user("test"));
		assertThat(this.owner.createLink(media, "{\"name\":\"x\"}").status()).isEqualTo(403);
		assertThat(linkCount(media)).isZero();
	}

	@Test
	void everyChangeIsAudited() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		long link = ((Number) JsonPath.read(this.owner.createLink(media, "{\"name\":\"Audited\"}").body(), "$.id"))
			.longValue();
		this.owner.api().json("DELETE", "/api/v1/media/" + media + "/guest-links/" + link, null);
		this.owner.createLink(media, "{\"name\":\"x\",\"durationDays\":999}");
		List<String> events = this.jdbc.sql(
				"select actor || '|' || action || '|' || coalesce(cast(link_id as varchar), '-') || '|' || outcome from audit_event where media_id = :id order by id")
			.param("id", media)
			.query(String.class)
			.list();
		String who = this.owner.username();
		assertThat(events).containsExactly(who + "|media_added|-|ok", who + "|guest_access_enabled|-|ok",
				who + "|link_created|" + link + "|ok", who + "|link_deleted|" + link + "|ok",
				who + "|link_created|-|duration_too_long");
	}

	private List<String> statuses(long media) {
		return JsonPath.read(this.owner.api().json("GET", "/api/v1/media/" + media + "/guest-access", null).body(),
				"$.links[*].status");
	}

	private int linkCount(long media) {
		return this.jdbc.sql("select count(*) from guest_link where media_id = :id")
			.param("id", media)
			.query(Integer.class)
			.single();
	}

}
