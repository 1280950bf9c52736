package org.guestpass.settings;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditEvent;
import org.guestpass.audit.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.assertAccessiblePage;
import static org.guestpass.PageChecks.assertErrorNextToField;
import static org.guestpass.PageChecks.assertNoErrorOnField;
import static org.guestpass.PageChecks.control;
import static org.guestpass.PageChecks.selectedOption;
import static org.guestpass.PageChecks.textOf;
import static org.guestpass.PageChecks.textsOf;

/**
 * The admin's site settings page, signed in through the form and without JavaScript: the
 * modules, the guest link policy, and what happens with input a person could send.
 */
@IntegrationTest
class SiteSettingsPageIntegrationTests {

	private static final String LINKS_RANGE = "Enter a whole number from 1 to 3.";

	private static final String DAYS_RANGE = "Enter a whole number of days from 1 to 3650.";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SiteSettings settings;

	@Autowired
	AuditLog audit;

	Person admin;

	TestClient browser;

	@BeforeEach
	void signInAnAdmin() {
		this.admin = this.fixtures.admin(this.port);
		this.browser = TestClient.signedIn(this.port, this.admin.username(), this.admin.password());
	}

	@Test
	void anAdminSeesTheModulesAndThePolicyAsTheyAre() {
		TestClient.Response page = this.browser.get("/admin/settings");

		assertThat(page.status()).isEqualTo(200);
		assertThat(textOf(page.body(), "h1")).isEqualTo("Site settings");
		assertThat(textOf(page.body(), "label[for=invitetomedia]")).isEqualTo("Invitetomedia");
		assertThat(textOf(page.body(), "label[for=theming]")).isEqualTo("Theming");
		assertThat(textOf(page.body(), "label[for=mediapage]")).contains("mediapage");
		assertThat(textOf(page.body(), "label[for=lowestRole]")).isEqualTo("Lowest role allowed to manage guest links");
		assertThat(textOf(page.body(), "label[for=maxLinksPerItem]")).isEqualTo("Guest links per item");
		assertThat(textOf(page.body(), "label[for=maxDurationDays]")).isEqualTo("Longest duration");
		assertThat(page.text()).contains("Guest access is available now.");
		assertThat(selectedOption(page.body(), "invitetomedia")).isEqualTo("true");
		assertThat(selectedOption(page.body(), "theming")).isEqualTo("true");
		assertThat(selectedOption(page.body(), "mediapage")).isEqualTo("true");
		assertThat(textsOf(page.body(), "select#invitetomedia > option")).containsExactly("On", "Off");
		assertThat(textsOf(page.body(), "select#theming > option")).containsExactly("On", "Off");
		assertThat(textsOf(page.body(), "select#mediapage > option")).containsExactly("Yes", "No");
		assertThat(selectedOption(page.body(), "lowestRole")).isEqualTo("member");
		assertThat(control(page.body(), "maxLinksPerItem").attr("value")).isEqualTo("3");
		assertThat(control(page.body(), "maxDurationDays").attr("value")).isEqualTo("365");
		assertAccessiblePage(page.body());
	}

	@Test
	void aMemberMayNotOpenTheSettingsPage() {
		Person member = this.fixtures.member(this.port);
		TestClient memberBrowser = TestClient.browser(this.port);
		memberBrowser.signIn(member.username(), member.password());

		assertThat(memberBrowser.get("/admin/settings").status()).isEqualTo(403);
		memberBrowser.get("/media");
		TestClient.Response refused = memberBrowser.postForm("/admin/settings/modules",
				Map.of("invitetomedia", "false", "theming", "false", "mediapage", "false"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.settings.modules()).isEqualTo(new SiteModules(true, true, true));
	}

	@Test
	void anAnonymousVisitorIsSentToSignIn() {
		TestClient.Response page = TestClient.browser(this.port).get("/admin/settings");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/login");
	}

	@Test
	void savingTheModulesRedirectsWithAMessageAndShowsThemSaved() {
		this.browser.get("/admin/settings");

		TestClient.Response saved = this.browser.postForm("/admin/settings/modules",
				Map.of("invitetomedia", "false", "theming", "true", "mediapage", "false"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location")).endsWith("/admin/settings");
		assertThat(this.settings.modules()).isEqualTo(new SiteModules(false, true, false));
		TestClient.Response page = this.browser.get("/admin/settings");
		assertThat(page.text()).contains("Saved the modules. Guest access is off until")
			.contains("Guest access is not available now");
		assertThat(selectedOption(page.body(), "invitetomedia")).isEqualTo("false");
		assertThat(selectedOption(page.body(), "theming")).isEqualTo("true");
		assertThat(selectedOption(page.body(), "mediapage")).isEqualTo("false");
		AuditEvent recorded = this.audit.recent(null, 1).get(0);
		assertThat(recorded.actor()).isEqualTo(this.admin.username());
		assertThat(recorded.action()).isEqualTo("modules_changed");
	}

	@Test
	void savingTheLmsSettingsLetsTeachingAssistantsManageAndShowsItSaved() {
		TestClient.Response before = this.browser.get("/admin/settings");
		assertThat(selectedOption(before.body(), "teachingAssistantsManage")).isEqualTo("false");

		TestClient.Response saved = this.browser.postForm("/admin/settings/lms",
				Map.of("teachingAssistantsManage", "true", "courseEndCeiling", "false"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(this.settings.lms()).isEqualTo(new LmsSettings(true, false));
		TestClient.Response page = this.browser.get("/admin/settings");
		assertThat(page.text()).contains("Saved the LMS settings.");
		assertThat(selectedOption(page.body(), "teachingAssistantsManage")).isEqualTo("true");
		assertThat(this.audit.recent(null, 1).get(0).action()).isEqualTo("lms_settings_changed");

		TestClient.Response refused = this.browser.postForm("/admin/settings/lms",
				Map.of("teachingAssistantsManage", "sometimes", "courseEndCeiling", "false"));
		assertThat(refused.status()).isEqualTo(400);
		assertErrorNextToField(refused.body(), "teachingAssistantsManage", "Choose what teaching assistants may do.");
		assertThat(this.settings.lms()).isEqualTo(new LmsSettings(true, false));
	}

	@Test
	void savingThePolicyRedirectsWithAMessageAndShowsItSaved() {
		this.browser.get("/admin/settings");

		TestClient.Response saved = this.browser.postForm("/admin/settings/policy",
				Map.of("lowestRole", "admin", "maxLinksPerItem", "1", "maxDurationDays", "3650"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location")).endsWith("/admin/settings");
		assertThat(this.settings.policy()).isEqualTo(new GuestLinkPolicy(GuestLinkPolicy.LowestRole.admin, 1, 3650));
		TestClient.Response page = this.browser.get("/admin/settings");
		assertThat(page.text()).contains("Saved the guest link policy.");
		assertThat(selectedOption(page.body(), "lowestRole")).isEqualTo("admin");
		assertThat(control(page.body(), "maxLinksPerItem").attr("value")).isEqualTo("1");
		assertThat(control(page.body(), "maxDurationDays").attr("value")).isEqualTo("3650");
		assertThat(this.audit.recent(null, 1).get(0).action()).isEqualTo("policy_changed");
	}

	@Test
	void aPolicyOutOfRangeIsRefusedNextToItsFieldsAndNothingIsSaved() {
		this.settings.changePolicy(new GuestLinkPolicy(GuestLinkPolicy.LowestRole.member, 2, 30), Actor.user("test"));
		this.browser.get("/admin/settings");

		TestClient.Response refused = this.browser.postForm("/admin/settings/policy",
				Map.of("lowestRole", "guest", "maxLinksPerItem", "4", "maxDurationDays", "0"));

		assertThat(refused.status()).isEqualTo(400);
		assertErrorNextToField(refused.body(), "lowestRole", "Choose Member or Admin.");
		assertErrorNextToField(refused.body(), "maxLinksPerItem", LINKS_RANGE);
		assertErrorNextToField(refused.body(), "maxDurationDays", DAYS_RANGE);
		assertThat(control(refused.body(), "maxLinksPerItem").attr("value")).as("what was typed stays").isEqualTo("4");
		assertNoErrorOnField(refused.body(), "invitetomedia");
		assertAccessiblePage(refused.body());
		assertThat(this.settings.policy()).isEqualTo(new GuestLinkPolicy(GuestLinkPolicy.LowestRole.member, 2, 30));
	}

	@Test
	void aPolicyThatIsNotAWholeNumberIsRefusedNextToItsField() {
		List<Map<String, String>> bad = List.of(
				Map.of("lowestRole", "member", "maxLinksPerItem", "two", "maxDurationDays", "30"),
				Map.of("lowestRole", "member", "maxLinksPerItem", "2.5", "maxDurationDays", "30"),
				Map.of("lowestRole", "member", "maxLinksPerItem", "", "maxDurationDays", "30"),
				Map.of("lowestRole", "member", "maxLinksPerItem", "-1", "maxDurationDays", "30"),
				Map.of("lowestRole", "member", "maxDurationDays", "30"));
		for (Map<String, String> fields : bad) {
			this.browser.get("/admin/settings");
			TestClient.Response refused = this.browser.postForm("/admin/settings/policy", fields);
			assertThat(refused.status()).as(fields.toString()).isEqualTo(400);
			assertErrorNextToField(refused.body(), "maxLinksPerItem", LINKS_RANGE);
			assertNoErrorOnField(refused.body(), "maxDurationDays");
			assertThat(refused.body()).doesNotContain("Exception").doesNotContain("Failed to convert");
		}
		this.browser.get("/admin/settings");
		TestClient.Response tooLong = this.browser.postForm("/admin/settings/policy",
				Map.of("lowestRole", "member", "maxLinksPerItem", "3", "maxDurationDays", "99999999999"));
		assertThat(tooLong.status()).isEqualTo(400);
		assertErrorNextToField(tooLong.body(), "maxDurationDays", DAYS_RANGE);
		assertThat(this.settings.policy()).isEqualTo(new GuestLinkPolicy(GuestLinkPolicy.LowestRole.member, 3, 365));
	}

	@Test
	void modulesThatAreNotOnOrOffAreRefusedNextToTheirFieldsAndNothingIsSaved() {
		this.browser.get("/admin/settings");

		TestClient.Response refused = this.browser.postForm("/admin/settings/modules",
				Map.of("invitetomedia", "maybe", "theming", "false"));

		assertThat(refused.status()).isEqualTo(400);
		assertErrorNextToField(refused.body(), "invitetomedia", "Choose On or Off.");
		assertErrorNextToField(refused.body(), "mediapage", "Choose Yes or No.");
		assertNoErrorOnField(refused.body(), "theming");
		assertNoErrorOnField(refused.body(), "maxLinksPerItem");
		assertThat(refused.body()).doesNotContain("Failed to convert");
		assertAccessiblePage(refused.body());
		assertThat(this.settings.modules()).isEqualTo(new SiteModules(true, true, true));
	}

	@Test
	void savingNeedsTheCsrfToken() {
		this.browser.get("/admin/settings");

		TestClient.Response forged = this.browser.send(this.browser.request("/admin/settings/modules")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("invitetomedia=false&theming=false&mediapage=false")));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.settings.modules()).isEqualTo(new SiteModules(true, true, true));
	}

}
