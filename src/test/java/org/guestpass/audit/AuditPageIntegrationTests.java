package org.guestpass.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.guestpass.AuditFixtures;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.assertAccessiblePage;
import static org.guestpass.PageChecks.assertErrorNextToField;
import static org.guestpass.PageChecks.assertNoErrorOnField;
import static org.guestpass.PageChecks.count;

/**
 * The admin's audit page: the newest events first, of one item or all, and every recorded
 * text shown as text.
 */
@IntegrationTest
class AuditPageIntegrationTests {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final String MARKUP = "<img src=x onerror=alert(1)>";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditFixtures auditFixtures;

	@Autowired
	MutableClock clock;

	Person admin;

	TestClient browser;

	@BeforeEach
	void signInAnAdmin() {
		this.admin = this.fixtures.admin(this.port);
		this.browser = TestClient.signedIn(this.port, this.admin.username(), this.admin.password());
	}

	@Test
	void theEventsOfAnItemAreShownNewestFirstWithTheirTimeInUtc() {
		long item = this.admin.liveSession("Audited item");
		Instant added = this.clock.instant();
		this.clock.advance(Duration.ofMinutes(5));
		Instant created = this.clock.instant();
		this.auditFixtures.record(Actor.user(this.admin.username()), AuditAction.LINK_CREATED, item, 41L, "ok",
				"Webinar invite");
		this.clock.advance(Duration.ofHours(2));
		Instant admitted = this.clock.instant();
		this.auditFixtures.record(new Actor("guest:Ada"), AuditAction.ADMISSION, item, 41L, "admitted", null);

		TestClient.Response page = this.browser.get("/admin/audit?mediaId=" + item);

		assertThat(page.status()).isEqualTo(200);
		String body = page.text();
		assertThat(body).contains("<h1>Audit</h1>")
			.contains("<caption>Events of item " + item + ", newest first</caption>");
		for (String column : new String[] { "Time (UTC)", "Actor", "Action", "Item", "Link", "Outcome", "Detail" }) {
			assertThat(body).contains("<th scope=\"col\">" + column + "</th>");
		}
		assertThat(count(body, "time")).isEqualTo(3);
		int admission = body.indexOf(">" + UTC.format(admitted) + "</time>");
		int creation = body.indexOf(">" + UTC.format(created) + "</time>");
		int addition = body.indexOf(">" + UTC.format(added) + "</time>");
		assertThat(admission).isPositive().isLessThan(creation);
		assertThat(creation).isLessThan(addition);
		assertThat(body).contains("<time datetime=\"" + admitted + "\">")
			.contains("<td>guest:Ada</td>")
			.contains("<td>admission</td>")
			.contains("<td>admitted</td>")
			.contains("<td>41</td>")
			.contains("<td>Webinar invite</td>")
			.contains("<td>media_added</td>")
			.contains(">" + item + "</a>");
		assertAccessiblePage(page.body());
	}

	@Test
	void withoutAFilterTheNewestEventsOfTheWholeSiteComeFirst() {
		this.auditFixtures.record(Actor.user(this.admin.username()), AuditAction.POLICY_CHANGED, null, null, "ok",
				"the newest of all");

		TestClient.Response page = this.browser.get("/admin/audit");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("<caption>Events, newest first</caption>");
		int newest = page.text().indexOf("<td>the newest of all</td>");
		assertThat(newest).isPositive();
		assertThat(page.text().indexOf("<td>" + this.admin.username() + " as admin</td>")).isGreaterThan(newest);
		assertThat(count(page.body(), "time")).isBetween(2, 50);
	}

	@Test
	void anActorOrDetailWithMarkupIsShownAsText() {
		long item = this.admin.liveSession("Item seen by a scripted name");
		this.auditFixtures.record(new Actor("guest:" + MARKUP), AuditAction.ADMISSION, item, 7L, "admitted", MARKUP);

		TestClient.Response page = this.browser.get("/admin/audit?mediaId=" + item);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
		assertThat(page.text()).contains("<td>guest:" + MARKUP + "</td>").contains("<td>" + MARKUP + "</td>");
	}

	@Test
	void aLimitShowsThatManyAndOffersMore() {
		long item = this.admin.liveSession("Busy item");
		for (int i = 1; i <= 4; i++) {
			this.auditFixtures.record(new Actor("guest:Guest " + i), AuditAction.ADMISSION, item, 9L, "admitted",
					"visit " + i);
		}

		TestClient.Response page = this.browser.get("/admin/audit?mediaId=" + item + "&limit=2");

		assertThat(page.status()).isEqualTo(200);
		assertThat(count(page.body(), "time")).isEqualTo(2);
		assertThat(page.text()).contains("<td>visit 4</td>").contains("<td>visit 3</td>").doesNotContain("visit 2");
		assertThat(page.text())
			.contains("<a href=\"/admin/audit?mediaId=" + item + "&limit=4\">Show up to 4 events</a>");

		TestClient.Response more = this.browser.get("/admin/audit?mediaId=" + item + "&limit=4");
		assertThat(count(more.body(), "time")).isEqualTo(4);
		assertThat(more.text()).contains("visit 1").doesNotContain("media_added").contains("Show up to 8 events");

		TestClient.Response all = this.browser.get("/admin/audit?mediaId=" + item + "&limit=");
		assertThat(all.status()).isEqualTo(200);
		assertThat(count(all.body(), "time")).isEqualTo(5);
		assertThat(all.text()).contains("media_added").doesNotContain("Show up to");
	}

	@Test
	void anItemWithoutEventsSaysSo() {
		TestClient.Response page = this.browser.get("/admin/audit?mediaId=987654321");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("No events for item 987654321.").doesNotContain("<table");
	}

	@Test
	void aFilterThatIsNotANumberIsRefusedNextToItsField() {
		TestClient.Response badItem = this.browser.get("/admin/audit?mediaId=abc");
		assertThat(badItem.status()).isEqualTo(400);
		assertErrorNextToField(badItem.body(), "mediaId",
				"Enter an item id (a whole number), or leave it empty for every item.");
		assertNoErrorOnField(badItem.body(), "limit");
		assertThat(badItem.body()).doesNotContain("<table");
		assertAccessiblePage(badItem.body());

		for (String limit : new String[] { "0", "1001", "ten", "-5", "2.5" }) {
			TestClient.Response badLimit = this.browser.get("/admin/audit?limit=" + limit);
			assertThat(badLimit.status()).as(limit).isEqualTo(400);
			assertErrorNextToField(badLimit.body(), "limit", "Enter a whole number from 1 to 1000.");
			assertThat(badLimit.body()).doesNotContain("Failed to convert");
		}
	}

	@Test
	void aMemberMayNotOpenTheAuditPage() {
		Person member = this.fixtures.member(this.port);
		TestClient memberBrowser = TestClient.browser(this.port);
		memberBrowser.signIn(member.username(), member.password());

		assertThat(memberBrowser.get("/admin/audit").status()).isEqualTo(403);
	}

	@Test
	void anAnonymousVisitorIsSentToSignIn() {
		TestClient.Response page = TestClient.browser(this.port).get("/admin/audit");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/login");
	}

}
