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
import org.guestpass.audit.AuditEvent;
import org.guestpass.audit.AuditLog;
import org.guestpass.system.CommonRefusal;
import org.guestpass.system.Outcome;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.assertAccessiblePage;
import static org.guestpass.PageChecks.assertErrorNextToField;
import static org.guestpass.PageChecks.assertNoErrorOnField;
import static org.guestpass.PageChecks.columnHeads;
import static org.guestpass.PageChecks.one;
import static org.guestpass.PageChecks.select;
import static org.guestpass.PageChecks.selectedOption;
import static org.guestpass.PageChecks.textOf;
import static org.guestpass.PageChecks.textsOf;

/**
 * The admin's users page, signed in through the form and without JavaScript: each user's
 * role and guest link permission, and the rule that the site keeps an admin.
 */
@IntegrationTest
class AdminUsersPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	Person admin;

	TestClient browser;

	@RegisterExtension
	final OnlyAdmin onlyAdmin = new OnlyAdmin();

	@BeforeEach
	void signInAnAdmin() {
		this.admin = this.fixtures.admin(this.port);
		this.browser = TestClient.signedIn(this.port, this.admin.username(), this.admin.password());
	}

	@Test
	void eachUserHasARoleAndAGuestLinkPermissionToChoose() {
		Person member = this.fixtures.member(this.port);

		TestClient.Response page = this.browser.get("/admin/users");

		assertThat(page.status()).isEqualTo(200);
		assertThat(textOf(page.body(), "h1")).isEqualTo("Users");
		assertThat(textOf(page.body(), "label.visually-hidden[for=role-" + member.id() + "]"))
			.isEqualTo("Role of " + member.username());
		assertThat(textOf(page.body(), "label.visually-hidden[for=guest-links-" + member.id() + "]"))
			.isEqualTo("Guest links of " + member.username());
		assertThat(textsOf(page.body(), "select#role-" + member.id() + " > option")).containsExactly("Admin", "Member");
		assertThat(textsOf(page.body(), "select#guest-links-" + member.id() + " > option"))
			.containsExactly("Follow site policy", "Allow", "Deny");
		assertThat(columnHeads(page.body(), "table.users")).contains("Role", "Guest links");
		assertThat(selectedOption(page.body(), "role-" + member.id())).isEqualTo("member");
		assertThat(selectedOption(page.body(), "guest-links-" + member.id())).isEqualTo("policy");
		assertThat(selectedOption(page.body(), "role-" + this.admin.id())).isEqualTo("admin");
		assertThat(select(page.body(), "select[form=user-" + member.id() + "]"))
			.as("the member's selects, in their form")
			.hasSize(2);
		Element form = one(page.body(), "form#user-" + member.id());
		assertThat(form.attr("action")).isEqualTo("/admin/users/" + member.id());
		assertThat(form.attr("method")).isEqualTo("post");
		assertAccessiblePage(page.body());
	}

	@Test
	void aMemberMayNotOpenOrUseTheUsersPage() {
		Person member = this.fixtures.member(this.port);
		TestClient memberBrowser = TestClient.browser(this.port);
		memberBrowser.signIn(member.username(), member.password());

		assertThat(memberBrowser.get("/admin/users").status()).isEqualTo(403);
		memberBrowser.get("/media");
		TestClient.Response promote = memberBrowser.postForm("/admin/users/" + member.id(),
				Map.of("role", "admin", "guestLinks", "allow"));
		assertThat(promote.status()).isEqualTo(403);
		assertThat(this.accounts.find(member.id()).orElseThrow().role()).isEqualTo(Role.member);
	}

	@Test
	void anAnonymousVisitorIsSentToSignIn() {
		TestClient.Response page = TestClient.browser(this.port).get("/admin/users");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/login");
	}

	@Test
	void anAdminChangesAUsersRoleAndGuestLinksAndSeesThemSaved() {
		Person member = this.fixtures.member(this.port);
		this.browser.get("/admin/users");

		TestClient.Response saved = this.browser.postForm("/admin/users/" + member.id(),
				Map.of("role", "admin", "guestLinks", "deny"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location")).endsWith("/admin/users");
		Account account = this.accounts.find(member.id()).orElseThrow();
		assertThat(account.role()).isEqualTo(Role.admin);
		assertThat(account.guestLinks()).isEqualTo(GuestLinkPermission.deny);
		TestClient.Response page = this.browser.get("/admin/users");
		assertThat(page.text()).contains("Saved " + member.username() + ": Admin, guest links: Deny.");
		assertThat(selectedOption(page.body(), "role-" + member.id())).isEqualTo("admin");
		assertThat(selectedOption(page.body(), "guest-links-" + member.id())).isEqualTo("deny");
		AuditEvent recorded = this.audit.recent(null, 1).get(0);
		assertThat(recorded.actor()).isEqualTo(this.admin.username());
		assertThat(recorded.action()).isEqualTo("account_changed");
		assertThat(recorded.outcome()).isEqualTo("ok");
	}

	@Test
	void anAdminAllowsGuestLinksToOneMemberAndDemotesAnotherAdmin() {
		Person member = this.fixtures.member(this.port);
		Person otherAdmin = this.fixtures.admin(this.port);
		this.browser.get("/admin/users");
		assertThat(this.browser.postForm("/admin/users/" + member.id(), Map.of("role", "member", "guestLinks", "allow"))
			.status()).isEqualTo(302);
		this.browser.get("/admin/users");
		assertThat(this.browser
			.postForm("/admin/users/" + otherAdmin.id(), Map.of("role", "member", "guestLinks", "policy"))
			.status()).isEqualTo(302);

		assertThat(this.accounts.find(member.id()).orElseThrow().guestLinks()).isEqualTo(GuestLinkPermission.allow);
		assertThat(this.accounts.find(otherAdmin.id()).orElseThrow().role()).isEqualTo(Role.member);
		TestClient.Response page = this.browser.get("/admin/users");
		assertThat(page.text())
			.contains("Saved " + otherAdmin.username() + ": Member, guest links: Follow site policy.");
		assertThat(selectedOption(page.body(), "guest-links-" + member.id())).isEqualTo("allow");
		assertThat(selectedOption(page.body(), "role-" + otherAdmin.id())).isEqualTo("member");
	}

	@Test
	void theLastAdminKeepsTheAdminRole() {
		this.onlyAdmin.make(this.admin);
		this.browser.get("/admin/users");

		TestClient.Response refused = this.browser.postForm("/admin/users/" + this.admin.id(),
				Map.of("role", "member", "guestLinks", "policy"));

		assertThat(refused.status()).isEqualTo(409);
		assertErrorNextToField(refused.body(), "role-" + this.admin.id(), this.admin.username()
				+ " is the only active admin, so they stay an admin. Make someone else an admin first.");
		assertNoErrorOnField(refused.body(), "guest-links-" + this.admin.id());
		assertThat(selectedOption(refused.body(), "role-" + this.admin.id())).isEqualTo("admin");
		assertAccessiblePage(refused.body());
		assertThat(this.accounts.find(this.admin.id()).orElseThrow().role()).isEqualTo(Role.admin);
		AuditEvent recorded = this.audit.recent(null, 1).get(0);
		assertThat(recorded.action()).isEqualTo("account_changed");
		assertThat(recorded.outcome()).isEqualTo("last_admin");
		assertThat(this.browser.get("/admin/users").status()).isEqualTo(200);
	}

	@Test
	void theLastAdminMayStillChangeTheirGuestLinksAndStepDownOnceThereIsAnother() {
		this.onlyAdmin.make(this.admin);
		Person member = this.fixtures.member(this.port);
		this.browser.get("/admin/users");
		assertThat(
				this.browser.postForm("/admin/users/" + this.admin.id(), Map.of("role", "admin", "guestLinks", "deny"))
					.status())
			.isEqualTo(302);
		assertThat(this.accounts.find(this.admin.id()).orElseThrow().guestLinks()).isEqualTo(GuestLinkPermission.deny);

		this.browser.get("/admin/users");
		assertThat(this.browser.postForm("/admin/users/" + member.id(), Map.of("role", "admin", "guestLinks", "policy"))
			.status()).isEqualTo(302);
		this.browser.get("/admin/users");
		TestClient.Response steppedDown = this.browser.postForm("/admin/users/" + this.admin.id(),
				Map.of("role", "member", "guestLinks", "policy"));

		assertThat(steppedDown.status()).isEqualTo(302);
		assertThat(this.accounts.find(this.admin.id()).orElseThrow().role()).isEqualTo(Role.member);
		assertThat(this.accounts.find(member.id()).orElseThrow().role()).isEqualTo(Role.admin);
	}

	@Test
	void theSiteKeepsAnAdminWhenTheServiceIsAskedDirectly() {
		this.onlyAdmin.make(this.admin);

		Outcome<Account> change = this.accounts.change(this.admin.id(), Role.member, GuestLinkPermission.policy,
				Actor.user("test"));

		assertThat(change.refusal()).isEqualTo(AccountRefusal.LAST_ADMIN);
		assertThat(this.accounts.find(this.admin.id()).orElseThrow().role()).isEqualTo(Role.admin);
		assertThat(this.accounts.change(999_999_999L, Role.member, GuestLinkPermission.policy, Actor.user("test"))
			.refusal()).isEqualTo(CommonRefusal.NOT_FOUND);
	}

	@Test
	void theApiKeepsTheLastAdminToo() {
		this.onlyAdmin.make(this.admin);

		TestClient.Response refused = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + this.admin.id(), "{\"role\":\"member\",\"guestLinks\":\"policy\"}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("last_admin");
		assertThat(this.accounts.find(this.admin.id()).orElseThrow().role()).isEqualTo(Role.admin);
	}

	@Test
	void twoAdminsDemotingEachOtherAtTheSameMomentLeaveOneAdmin() throws Exception {
		Person other = this.fixtures.admin(this.port);
		this.onlyAdmin.make(this.admin);
		this.accounts.change(other.id(), Role.admin, GuestLinkPermission.policy, Actor.user("test"));
		for (int round = 0; round < 10; round++) {
			List<Outcome<Account>> changes = Concurrently.run(2,
					(i) -> this.accounts.change((i == 0) ? this.admin.id() : other.id(), Role.member,
							GuestLinkPermission.policy,
							Actor.user((i == 0) ? other.username() : this.admin.username())));

			assertThat(changes).filteredOn((change) -> change.refusal() == AccountRefusal.LAST_ADMIN)
				.as("round " + round)
				.hasSize(1);
			assertThat(this.accounts.all()).filteredOn(Account::isAdmin).hasSize(1);
			this.accounts.change(this.admin.id(), Role.admin, GuestLinkPermission.policy, Actor.user("test"));
			this.accounts.change(other.id(), Role.admin, GuestLinkPermission.policy, Actor.user("test"));
		}
		this.accounts.change(other.id(), Role.member, GuestLinkPermission.policy, Actor.user("test"));
	}

	@Test
	void aNewRoleTakesEffectAtOnceBecauseTheAccountIsSignedOut() {
		Person member = this.fixtures.member(this.port);
		TestClient memberBrowser = TestClient.signedIn(this.port, member.username(), member.password());
		assertThat(memberBrowser.get("/media").status()).isEqualTo(200);

		TestClient.Response promoted = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + member.id(), "{\"role\":\"admin\",\"guestLinks\":\"policy\"}");
		assertThat(promoted.status()).isEqualTo(200);

		TestClient.Response next = memberBrowser.get("/media");
		assertThat(next.status()).isEqualTo(302);
		assertThat(next.header("Location")).endsWith("/login");
		assertThat(this.browser.get("/admin/users").status()).as("the acting admin stays signed in").isEqualTo(200);
		this.accounts.change(member.id(), Role.member, GuestLinkPermission.policy, Actor.user("test"));
	}

	@Test
	void anUnknownRoleOrPermissionIsRefusedNextToItsFieldAndNothingChanges() {
		Person member = this.fixtures.member(this.port);
		this.browser.get("/admin/users");

		TestClient.Response badRole = this.browser.postForm("/admin/users/" + member.id(),
				Map.of("role", "owner", "guestLinks", "allow"));
		assertThat(badRole.status()).isEqualTo(400);
		assertErrorNextToField(badRole.body(), "role-" + member.id(), "Choose Admin or Member.");
		assertNoErrorOnField(badRole.body(), "guest-links-" + member.id());
		assertNoErrorOnField(badRole.body(), "role-" + this.admin.id());
		assertAccessiblePage(badRole.body());

		this.browser.get("/admin/users");
		TestClient.Response badPermission = this.browser.postForm("/admin/users/" + member.id(),
				Map.of("role", "admin", "guestLinks", "maybe"));
		assertThat(badPermission.status()).isEqualTo(400);
		assertErrorNextToField(badPermission.body(), "guest-links-" + member.id(),
				"Choose Follow site policy, Allow or Deny.");

		this.browser.get("/admin/users");
		TestClient.Response missing = this.browser.postForm("/admin/users/" + member.id(), Map.of("role", "admin"));
		assertThat(missing.status()).isEqualTo(400);

		Account account = this.accounts.find(member.id()).orElseThrow();
		assertThat(account.role()).isEqualTo(Role.member);
		assertThat(account.guestLinks()).isEqualTo(GuestLinkPermission.policy);
	}

	@Test
	void changingAnUnknownUserIsNotFound() {
		this.browser.get("/admin/users");

		TestClient.Response missing = this.browser.postForm("/admin/users/999999999",
				Map.of("role", "admin", "guestLinks", "allow"));

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.text()).contains("We can't find that page").doesNotContain("Exception");
	}

	@Test
	void changingAUserNeedsTheCsrfToken() {
		Person member = this.fixtures.member(this.port);
		this.browser.get("/admin/users");

		TestClient.Response forged = this.browser.send(this.browser.request("/admin/users/" + member.id())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("role=admin&guestLinks=allow")));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.accounts.find(member.id()).orElseThrow().role()).isEqualTo(Role.member);
	}

	@Test
	void aRefusedNewUserIsMarkedInvalidNextToTheField() {
		this.browser.get("/admin/users");

		TestClient.Response refused = this.browser.postForm("/admin/users",
				Map.of("username", "A B", "password", "a-long-password", "role", "member"));

		assertThat(refused.status()).isEqualTo(400);
		assertErrorNextToField(refused.body(), "username", "Use 3 to 50 letters, digits, dots, dashes or underscores.");
		assertNoErrorOnField(refused.body(), "password");
		assertAccessiblePage(refused.body());
	}

}
