package org.guestpass.account;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Concurrently;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.guestpass.audit.Actor;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.guestpass.PageChecks.assertAccessiblePage;
import static org.guestpass.PageChecks.columnHeads;
import static org.guestpass.PageChecks.one;
import static org.guestpass.PageChecks.select;

/**
 * Disabling an account, through the API and the users page: its open sessions and its API
 * tokens stop on their very next request, it cannot sign in (and the sign-in page says no
 * more than for any failure), enabling it restores both, and the site always keeps an
 * enabled admin, also when admins disable each other at the same moment.
 */
@IntegrationTest
class DisablingAccountsIntegrationTests {

	static final String NOT_RIGHT = "The user name or password is not right.";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	Person admin;

	TestClient adminBrowser;

	@RegisterExtension
	final OnlyAdmin onlyAdmin = new OnlyAdmin();

	@BeforeEach
	void signInAnAdmin() {
		this.admin = this.fixtures.admin(this.port);
		this.adminBrowser = TestClient.signedIn(this.port, this.admin.username(), this.admin.password());
	}

	@Test
	void aDisabledMembersOpenSessionAndApiTokenFailOnTheirVeryNextRequest() {
		Person member = this.fixtures.member(this.port);
		TestClient memberBrowser = signedIn(member);
		assertThat(memberBrowser.get("/media").status()).isEqualTo(200);
		assertThat(member.api().get("/api/v1/media").status()).isEqualTo(200);

		TestClient.Response disabled = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + member.id(),
					"{\"role\":\"member\",\"guestLinks\":\"policy\",\"enabled\":false}");

		assertThat(disabled.status()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(disabled.body(), "$.enabled")).isFalse();
		assertThat((String) JsonPath.read(disabled.body(), "$.disabledAt")).isNotNull();
		assertRedirectsToSignIn(memberBrowser.get("/media"));
		assertUnauthorized(member.api().get("/api/v1/media"));
		assertUnauthorized(member.api().get("/api/v1/me/tokens"));
		assertThat(signInCount(member.username())).as("sign-in sessions left").isZero();
		assertThat(isDisabled(member.id())).isTrue();
	}

	@Test
	void aDisabledAccountCannotSignInAndThePageSaysWhatItSaysForAnyFailure() {
		Person member = this.fixtures.member(this.port);
		disableThroughTheApi(member);

		TestClient browser = TestClient.browser(this.port);
		browser.get("/login");
		TestClient.Response refused = browser.postForm("/login",
				Map.of("username", member.username(), "password", member.password()));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.header("Location")).endsWith("/login?error");
		String disabledPage = browser.get("/login?error").text();
		assertThat(disabledPage).contains(NOT_RIGHT).doesNotContainIgnoringCase("disabled");
		assertRedirectsToSignIn(browser.get("/media"));

		TestClient stranger = TestClient.browser(this.port);
		stranger.get("/login");
		TestClient.Response unknown = stranger.postForm("/login",
				Map.of("username", member.username() + "-nobody", "password", member.password()));
		assertThat(unknown.header("Location")).isEqualTo(refused.header("Location"));
		assertThat(withoutCsrf(stranger.get("/login?error").text())).isEqualTo(withoutCsrf(disabledPage));
	}

	@Test
	void enablingAgainRestoresSignInAndTheTokensThatWereNotRevoked() {
		Person member = this.fixtures.member(this.port);
		disableThroughTheApi(member);
		assertUnauthorized(member.api().get("/api/v1/media"));

		TestClient.Response enabled = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + member.id(),
					"{\"role\":\"member\",\"guestLinks\":\"policy\",\"enabled\":true}");

		assertThat(enabled.status()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(enabled.body(), "$.enabled")).isTrue();
		assertThat((Object) JsonPath.read(enabled.body(), "$.disabledAt")).isNull();
		assertThat(member.api().get("/api/v1/media").status()).isEqualTo(200);
		assertThat(signedIn(member).get("/media").status()).isEqualTo(200);
		assertThat(auditDetails("account_disabled", member)).hasSize(1);
		assertThat(auditDetails("account_enabled", member)).hasSize(1);
	}

	@Test
	void withoutEnabledAChangeLeavesTheAccountAsEnabledOrDisabledAsItWas() {
		Person member = this.fixtures.member(this.port);
		disableThroughTheApi(member);

		TestClient.Response changed = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + member.id(), "{\"role\":\"member\",\"guestLinks\":\"deny\"}");

		assertThat(changed.status()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(changed.body(), "$.enabled")).isFalse();
		assertThat((String) JsonPath.read(changed.body(), "$.guestLinks")).isEqualTo("deny");
		assertThat(isDisabled(member.id())).isTrue();
		TestClient.Response users = this.admin.api().get("/api/v1/admin/users");
		assertThat((List<Boolean>) JsonPath.read(users.body(), "$[?(@.id == " + member.id() + ")].enabled"))
			.containsExactly(false);
		assertThat((List<Boolean>) JsonPath.read(users.body(), "$[?(@.id == " + this.admin.id() + ")].enabled"))
			.containsExactly(true);
	}

	@Test
	void disablingIsRecordedWithWhoAndWhichAccount() {
		Person member = this.fixtures.member(this.port);

		disableThroughTheApi(member);

		List<Map<String, Object>> rows = this.jdbc.sql(
				"select actor, outcome, detail from audit_event where action = 'account_disabled' and detail like :account")
			.param("account", "account " + member.id() + " (%")
			.query()
			.listOfRows();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("actor")).isEqualTo(this.admin.username());
		assertThat(rows.get(0).get("outcome")).isEqualTo("ok");
		assertThat((String) rows.get(0).get("detail"))
			.startsWith("account " + member.id() + " (" + member.username() + ")");
	}

	@Test
	void theUsersPageDisablesAndEnablesAMemberWithoutJavaScript() {
		Person member = this.fixtures.member(this.port);
		TestClient memberBrowser = signedIn(member);
		TestClient.Response page = this.adminBrowser.get("/admin/users");
		assertThat(columnHeads(page.body(), "table.users")).contains("Status");
		assertBadge(page.body(), member, "Active", true);
		assertThat(one(page.body(), "form[action=\"/admin/users/" + member.id() + "/disable\"]").attr("method"))
			.isEqualTo("post");
		assertThat(select(page.body(), "button[type=submit]:has(> span.visually-hidden)"))
			.extracting(Element::ownText, (button) -> button.selectFirst("span.visually-hidden").text())
			.as("the member's Disable button, named for the member")
			.contains(tuple("Disable", member.username()));

		TestClient.Response disabled = this.adminBrowser.postForm("/admin/users/" + member.id() + "/disable", Map.of());

		assertThat(disabled.status()).isEqualTo(302);
		assertThat(disabled.header("Location")).endsWith("/admin/users");
		TestClient.Response after = this.adminBrowser.get("/admin/users");
		assertThat(after.text())
			.contains("Disabled " + member.username() + ". They are signed out, can't sign in, and"
					+ " their API tokens don't work until you enable them again.")
			.doesNotContain("/admin/users/" + member.id() + "/disable");
		assertBadge(after.body(), member, "Disabled", false);
		assertThat(one(after.body(), "form[action=\"/admin/users/" + member.id() + "/enable\"]").attr("method"))
			.isEqualTo("post");
		assertAccessiblePage(after.body());
		assertRedirectsToSignIn(memberBrowser.get("/media"));
		assertUnauthorized(member.api().get("/api/v1/media"));

		TestClient.Response enabled = this.adminBrowser.postForm("/admin/users/" + member.id() + "/enable", Map.of());

		assertThat(enabled.status()).isEqualTo(302);
		TestClient.Response enabledPage = this.adminBrowser.get("/admin/users");
		assertThat(enabledPage.text())
			.contains("Enabled " + member.username() + ". They can sign in again, and their API tokens work again.");
		assertBadge(enabledPage.body(), member, "Active", true);
		assertThat(signedIn(member).get("/media").status()).isEqualTo(200);
		assertThat(member.api().get("/api/v1/media").status()).isEqualTo(200);
	}

	@Test
	void disablingNeedsTheCsrfTokenAndAnAdmin() {
		Person member = this.fixtures.member(this.port);
		this.adminBrowser.get("/admin/users");

		TestClient.Response forged = this.adminBrowser
			.send(this.adminBrowser.request("/admin/users/" + member.id() + "/disable")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("")));
		assertThat(forged.status()).isEqualTo(403);

		Person other = this.fixtures.member(this.port);
		TestClient otherBrowser = signedIn(other);
		otherBrowser.get("/media");
		assertThat(otherBrowser.postForm("/admin/users/" + member.id() + "/disable", Map.of()).status()).isEqualTo(403);
		TestClient.Response api = other.api()
			.json("PUT", "/api/v1/admin/users/" + member.id(),
					"{\"role\":\"member\",\"guestLinks\":\"policy\",\"enabled\":false}");
		assertThat(api.status()).isEqualTo(403);

		assertThat(isDisabled(member.id())).isFalse();
		assertThat(member.api().get("/api/v1/media").status()).isEqualTo(200);
	}

	@Test
	void disablingAnUnknownUserIsNotFound() {
		this.adminBrowser.get("/admin/users");
		TestClient.Response page = this.adminBrowser.postForm("/admin/users/999999999/disable", Map.of());
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.text()).contains("We can't find that page").doesNotContain("Exception");
		this.adminBrowser.get("/admin/users");
		assertThat(this.adminBrowser.postForm("/admin/users/999999999/enable", Map.of()).status()).isEqualTo(404);

		TestClient.Response api = this.admin.api()
			.json("PUT", "/api/v1/admin/users/999999999",
					"{\"role\":\"member\",\"guestLinks\":\"policy\",\"enabled\":false}");
		assertThat(api.status()).isEqualTo(404);
		assertThat((String) JsonPath.read(api.body(), "$.code")).isEqualTo("not_found");
	}

	@Test
	void anEnabledThatIsNotABooleanIsAFieldErrorAndChangesNothing() {
		Person member = this.fixtures.member(this.port);

		TestClient.Response refused = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + member.id(),
					"{\"role\":\"member\",\"guestLinks\":\"deny\",\"enabled\":\"no\"}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("validation_failed");
		assertThat(isDisabled(member.id())).isFalse();
		assertThat(this.accounts.find(member.id()).orElseThrow().guestLinks()).isEqualTo(GuestLinkPermission.policy);
	}

	@Test
	void theLastEnabledAdminCanBeNeitherDisabledNorDemoted() {
		this.onlyAdmin.makeTheOnlyEnabled(this.admin);
		Person disabledAdmin = this.fixtures.admin(this.port);
		disableThroughTheApi(disabledAdmin);

		TestClient.Response api = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + this.admin.id(),
					"{\"role\":\"admin\",\"guestLinks\":\"policy\",\"enabled\":false}");
		assertThat(api.status()).isEqualTo(409);
		assertThat((String) JsonPath.read(api.body(), "$.code")).isEqualTo("last_admin");
		assertThat((String) JsonPath.read(api.body(), "$.detail"))
			.isEqualTo("This is the only enabled admin; make someone else an admin first.");

		TestClient.Response demoted = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + this.admin.id(), "{\"role\":\"member\",\"guestLinks\":\"policy\"}");
		assertThat(demoted.status()).as("another admin exists, but is disabled").isEqualTo(409);

		this.adminBrowser.get("/admin/users");
		TestClient.Response page = this.adminBrowser.postForm("/admin/users/" + this.admin.id() + "/disable", Map.of());
		assertThat(page.status()).isEqualTo(409);
		String error = "status-" + this.admin.id() + "-error";
		Element message = one(page.body(), "#" + error);
		assertThat(message.is("p.field-error")).as(message.outerHtml()).isTrue();
		assertThat(message.text()).isEqualTo(this.admin.username()
				+ " is the only active admin, so they stay active. Make someone else an admin first.");
		assertThat(select(page.body(), "[aria-describedby=\"" + error + "\"]")).as("described by the error")
			.isNotEmpty();
		assertAccessiblePage(page.body());

		this.adminBrowser.get("/admin/users");
		TestClient.Response pageDemotion = this.adminBrowser.postForm("/admin/users/" + this.admin.id(),
				Map.of("role", "member", "guestLinks", "policy"));
		assertThat(pageDemotion.status()).isEqualTo(409);
		assertThat(pageDemotion.text()).contains(this.admin.username()
				+ " is the only active admin, so they stay an admin. Make someone else an admin first.");

		assertThat(isDisabled(this.admin.id())).isFalse();
		assertThat(this.accounts.find(this.admin.id()).orElseThrow().role()).isEqualTo(Role.admin);
		assertThat(this.adminBrowser.get("/admin/users").status()).isEqualTo(200);
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where outcome = 'last_admin' and detail like :account")
					.param("account", "account " + this.admin.id() + " (%")
					.query(Integer.class)
					.single())
			.as("two refusals through the API, two through the page")
			.isEqualTo(4);
	}

	@Test
	void anAdminMayBeDisabledWhileAnotherEnabledAdminRemains() {
		this.onlyAdmin.makeTheOnlyEnabled(this.admin);
		Person other = this.fixtures.admin(this.port);

		TestClient.Response disabled = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + other.id(),
					"{\"role\":\"admin\",\"guestLinks\":\"policy\",\"enabled\":false}");

		assertThat(disabled.status()).isEqualTo(200);
		assertUnauthorized(other.api().get("/api/v1/admin/users"));
		TestClient.Response demoteDisabled = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + other.id(), "{\"role\":\"member\",\"guestLinks\":\"policy\"}");
		assertThat(demoteDisabled.status()).as("a disabled admin is not the last enabled one").isEqualTo(200);
	}

	@Test
	void twoAdminsDisablingEachOtherAtTheSameMomentLeaveOneEnabledAdminRoundAfterRound() throws Exception {
		this.onlyAdmin.makeTheOnlyEnabled(this.admin);
		Person other = this.fixtures.admin(this.port);
		Person[] admins = { this.admin, other };
		for (int round = 0; round < 10; round++) {
			List<Integer> statuses = Concurrently.run(2,
					(i) -> admins[i].api()
						.json("PUT", "/api/v1/admin/users/" + admins[1 - i].id(),
								"{\"role\":\"admin\",\"guestLinks\":\"policy\",\"enabled\":false}")
						.status());

			assertThat(statuses).as("round " + round).filteredOn((status) -> status == 200).hasSize(1);
			// The loser was refused by the rule (409), or, when the winner committed
			// first, its token (401).
			assertThat(statuses).as("round " + round).filteredOn((status) -> status == 409 || status == 401).hasSize(1);
			assertThat(enabledAdmins()).as("round " + round).hasSize(1);
			this.jdbc.sql("update account set disabled_at = null where id in (:ids)")
				.param("ids", List.of(this.admin.id(), other.id()))
				.update();
		}
	}

	@Test
	void oneAdminDisablingWhileTheOtherDemotesLeavesOneEnabledAdminRoundAfterRound() throws Exception {
		this.onlyAdmin.makeTheOnlyEnabled(this.admin);
		Person other = this.fixtures.admin(this.port);
		for (int round = 0; round < 10; round++) {
			List<Integer> statuses = Concurrently.run(2,
					(i) -> (i == 0)
							? this.admin.api()
								.json("PUT", "/api/v1/admin/users/" + other.id(),
										"{\"role\":\"admin\",\"guestLinks\":\"policy\",\"enabled\":false}")
								.status()
							: other.api()
								.json("PUT", "/api/v1/admin/users/" + this.admin.id(),
										"{\"role\":\"member\",\"guestLinks\":\"policy\"}")
								.status());

			assertThat(statuses).as("round " + round).filteredOn((status) -> status == 200).hasSize(1);
			assertThat(enabledAdmins()).as("round " + round).hasSize(1);
			this.jdbc.sql("update account set disabled_at = null where id in (:ids)")
				.param("ids", List.of(this.admin.id(), other.id()))
				.update();
			this.accounts.change(this.admin.id(), Role.admin, GuestLinkPermission.policy, Actor.user("test"));
			this.accounts.change(other.id(), Role.admin, GuestLinkPermission.policy, Actor.user("test"));
		}
	}

	/**
	 * The person's status badge on the users page: in their row, saying the status, and
	 * marked "on" exactly when they are active.
	 */
	private static void assertBadge(String html, Person person, String status, boolean on) {
		Element badge = one(html, "table.users > tbody > tr > td > span.badge#status-" + person.id());
		assertThat(badge.text()).isEqualTo(status);
		assertThat(badge.classNames()).as("the badge's classes")
			.containsExactlyInAnyOrderElementsOf(on ? List.of("badge", "on") : List.of("badge"));
		assertThat(badge.closest("tr").child(0).text()).as("the row's user").isEqualTo(person.username());
	}

	private void disableThroughTheApi(Person person) {
		String role = this.accounts.find(person.id()).orElseThrow().role().name();
		TestClient.Response disabled = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + person.id(),
					"{\"role\":\"" + role + "\",\"guestLinks\":\"policy\",\"enabled\":false}");
		assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
	}

	private List<Long> enabledAdmins() {
		return this.jdbc.sql("select id from account where role = 'admin' and disabled_at is null")
			.query(Long.class)
			.list();
	}

	private boolean isDisabled(long id) {
		return this.jdbc.sql("select count(*) from account where id = :id and disabled_at is not null")
			.param("id", id)
			.query(Integer.class)
			.single() == 1;
	}

	private int signInCount(String username) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = :username")
			.param("username", username)
			.query(Integer.class)
			.single();
	}

	private List<String> auditDetails(String action, Person person) {
		return this.jdbc.sql("select detail from audit_event where action = :action and detail like :account")
			.param("action", action)
			.param("account", "account " + person.id() + " (%")
			.query(String.class)
			.list();
	}

	private TestClient signedIn(Person person) {
		return TestClient.signedIn(this.port, person.username(), person.password());
	}

	private static String withoutCsrf(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	private static void assertRedirectsToSignIn(TestClient.Response response) {
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	private static void assertUnauthorized(TestClient.Response response) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("unauthorized");
	}

}
