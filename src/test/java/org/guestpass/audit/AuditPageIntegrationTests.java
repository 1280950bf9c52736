package org.guestpass.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
import static org.guestpass.PageChecks.column;
import static org.guestpass.PageChecks.columnHeads;
import static org.guestpass.PageChecks.count;
import static org.guestpass.PageChecks.one;
import static org.guestpass.PageChecks.rowWith;
import static org.guestpass.PageChecks.rows;
import static org.guestpass.PageChecks.select;
import static org.guestpass.PageChecks.textOf;
import static org.guestpass.PageChecks.textsOf;

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
		String body = page.body();
		assertThat(textOf(body, "h1")).isEqualTo("Audit");
		assertThat(textOf(body, "table.audit > caption")).isEqualTo("Events of item " + item + ", newest first");
		assertThat(columnHeads(body, "table.audit")).containsExactly("Time (UTC)", "Actor", "Action", "Item", "Link",
				"Outcome", "Detail");
		List<List<String>> rows = rows(body, "table.audit");
		assertThat(column(rows, 0)).as("times, newest first")
			.containsExactly(UTC.format(admitted), UTC.format(created), UTC.format(added));
		assertThat(count(body, "time")).isEqualTo(3);
		assertThat(count(body, "table.audit > tbody > tr > td:eq(0) > time[datetime]")).isEqualTo(3);
		assertThat(select(body, "table.audit > tbody > tr").first().selectFirst("time").attr("datetime"))
			.isEqualTo(admitted.toString());
		assertThat(rows.get(0)).containsExactly(UTC.format(admitted), "guest:Ada", AuditAction.ADMISSION.stored(),
				String.valueOf(item), "41", "admitted", "");
		assertThat(rows.get(1)).containsExactly(UTC.format(created), Actor.user(this.admin.username()).stored(),
				AuditAction.LINK_CREATED.stored(), String.valueOf(item), "41", "ok", "Webinar invite");
		assertThat(rows.get(2).subList(2, 7)).containsExactly(AuditAction.MEDIA_ADDED.stored(), String.valueOf(item),
				"", "ok", "live_session");
		assertThat(textsOf(body, "table.audit > tbody > tr > td:eq(3) > a")).as("each row's item, a link")
			.containsExactly(String.valueOf(item), String.valueOf(item), String.valueOf(item));
		assertAccessiblePage(page.body());
	}

	@Test
	void withoutAFilterTheNewestEventsOfTheWholeSiteComeFirst() {
		this.auditFixtures.record(Actor.user(this.admin.username()), AuditAction.POLICY_CHANGED, null, null, "ok",
				"the newest of all");

		TestClient.Response page = this.browser.get("/admin/audit");

		assertThat(page.status()).isEqualTo(200);
		assertThat(textOf(page.body(), "table.audit > caption")).isEqualTo("Events, newest first");
		List<List<String>> rows = rows(page.body(), "table.audit");
		assertThat(rows.get(0).get(6)).as("the newest event's detail").isEqualTo("the newest of all");
		assertThat(rows.subList(1, rows.size()).stream().flatMap(List::stream).toList()).as("older events' cells")
			.contains(this.admin.username() + " as admin");
		assertThat(count(page.body(), "time")).isBetween(2, 50);
	}

	@Test
	void anActorOrDetailWithMarkupIsShownAsText() {
		long item = this.admin.liveSession("Item seen by a scripted name");
		this.auditFixtures.record(new Actor("guest:" + MARKUP), AuditAction.ADMISSION, item, 7L, "admitted", MARKUP);

		TestClient.Response page = this.browser.get("/admin/audit?mediaId=" + item);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
		List<String> admission = rowWith(page.body(), "table.audit", "td:eq(2)", AuditAction.ADMISSION.stored());
		assertThat(admission.get(1)).as("actor").isEqualTo("guest:" + MARKUP);
		assertThat(admission.get(6)).as("detail").isEqualTo(MARKUP);
		assertThat(select(page.body(), "table.audit img")).as("markup become elements").isEmpty();
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
		assertThat(column(rows(page.body(), "table.audit"), 6)).containsExactly("visit 4", "visit 3");
		assertThat(page.text()).doesNotContain("visit 2");
		assertThat(one(page.body(), "a:containsOwn(Show up to 4 events)").attr("href"))
			.isEqualTo("/admin/audit?mediaId=" + item + "&limit=4");

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
		assertThat(page.text()).contains("No events for item 987654321.");
		assertThat(select(page.body(), "table")).isEmpty();
	}

	@Test
	void aFilterThatIsNotANumberIsRefusedNextToItsField() {
		TestClient.Response badItem = this.browser.get("/admin/audit?mediaId=abc");
		assertThat(badItem.status()).isEqualTo(400);
		assertErrorNextToField(badItem.body(), "mediaId",
				"Enter an item id (a whole number), or leave it empty for every item.");
		assertNoErrorOnField(badItem.body(), "limit");
		assertThat(select(badItem.body(), "table")).isEmpty();
		assertAccessiblePage(badItem.body());

		for (String limit : new String[] { "0", "1001", "ten", "-5", "2.5" }) {
			TestClient.Response badLimit = this.browser.get("/admin/audit?limit=" + limit);
			assertThat(badLimit.status()).as(limit).isEqualTo(400);
			assertErrorNextToField(badLimit.body(), "limit", "Enter a whole number from 1 to 1000, or leave it empty.");
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
