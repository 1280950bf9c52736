package org.guestpass.settings;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.guestpass.audit.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's site settings over the JSON API: the modules guest access depends on, the
 * guest link policy, and the audit trail of their changes.
 */
@IntegrationTest
class SiteSettingsIntegrationTests {

	private static final String DEFAULT_POLICY = "{\"lowestRole\":\"member\",\"maxLinksPerItem\":3,\"maxDurationDays\":365}";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SiteSettings settings;

	Person admin;

	@BeforeEach
	void admin() {
		this.admin = this.fixtures.admin(this.port);
	}

	@Test
	void everyModuleIsOnByDefault() {
		TestClient.Response modules = this.admin.api().json("GET", "/api/v1/admin/modules", null);
		assertThat(modules.status()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(modules.body(), "$.invitetomedia")).isTrue();
		assertThat((Boolean) JsonPath.read(modules.body(), "$.theming")).isTrue();
		assertThat((Boolean) JsonPath.read(modules.body(), "$.mediapage")).isTrue();
	}

	@Test
	void anAdminLetsTeachingAssistantsManage() {
		assertThat((Boolean) JsonPath.read(this.admin.api().json("GET", "/api/v1/admin/lms", null).body(),
				"$.teachingAssistantsManage"))
			.isFalse();
		TestClient.Response changed = this.admin.api()
			.json("PUT", "/api/v1/admin/lms", "{\"teachingAssistantsManage\":true,\"courseEndCeiling\":false}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(this.settings.lms()).isEqualTo(new LmsSettings(true, false));
		assertThat(this.admin.api().json("PUT", "/api/v1/admin/lms", "{}").status()).isEqualTo(400);
		assertThat(this.fixtures.member(this.port).api().json("GET", "/api/v1/admin/lms", null).status())
			.isEqualTo(403);
	}

	@Test
	void anAdminChangesTheModules() {
		TestClient.Response changed = this.admin.api()
			.json("PUT", "/api/v1/admin/modules", "{\"invitetomedia\":false,\"theming\":true,\"mediapage\":false}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(changed.body(), "$.invitetomedia")).isFalse();

		TestClient.Response read = this.admin.api().json("GET", "/api/v1/admin/modules", null);
		assertThat((Boolean) JsonPath.read(read.body(), "$.invitetomedia")).isFalse();
		assertThat((Boolean) JsonPath.read(read.body(), "$.theming")).isTrue();
		assertThat((Boolean) JsonPath.read(read.body(), "$.mediapage")).isFalse();
		assertThat(this.settings.modules()).isEqualTo(new SiteModules(false, true, false));
		assertThat(this.settings.modules().guestAccessAvailable()).isFalse();
	}

	@Test
	void refusesModulesWithAMissingOrNonBooleanField() {
		this.settings.changeModules(new SiteModules(true, false, true), Actor.user("test"));
		List<String> bad = List.of("{}", "{\"invitetomedia\":false,\"theming\":false}",
				"{\"invitetomedia\":false,\"theming\":false,\"mediapage\":null}",
				"{\"invitetomedia\":\"yes\",\"theming\":false,\"mediapage\":false}",
				"{\"invitetomedia\":false,\"theming\":{},\"mediapage\":false}",
				"{\"invitetomedia\":false,\"theming\":false,\"mediapage\":[false]}", "not json");
		for (String body : bad) {
			TestClient.Response refused = this.admin.api().json("PUT", "/api/v1/admin/modules", body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.header("Content-Type")).as(body).startsWith("application/problem+json");
			assertThat((String) JsonPath.read(refused.body(), "$.code")).as(body)
				.isIn("validation_failed", "malformed_request");
			assertThat(refused.body()).as(body).doesNotContain("Exception");
		}
		assertThat(this.settings.modules()).isEqualTo(new SiteModules(true, false, true));
	}

	@Test
	void aMissingModuleIsNamedInTheProblem() {
		TestClient.Response refused = this.admin.api()
			.json("PUT", "/api/v1/admin/modules", "{\"invitetomedia\":false,\"theming\":false}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("validation_failed");
		assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].field")).containsExactly("mediapage");
		TestClient.Response wrongType = this.admin.api()
			.json("PUT", "/api/v1/admin/modules", "{\"invitetomedia\":\"yes\",\"theming\":false,\"mediapage\":false}");
		assertThat((List<String>) JsonPath.read(wrongType.body(), "$.errors[*].field"))
			.containsExactly("invitetomedia");
	}

	@Test
	void thePolicyLetsMembersManageThreeLinksOfAYearByDefault() {
		TestClient.Response policy = this.admin.api().json("GET", "/api/v1/admin/policy", null);
		assertThat(policy.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(policy.body(), "$.lowestRole")).isEqualTo("member");
		assertThat((Integer) JsonPath.read(policy.body(), "$.maxLinksPerItem")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(policy.body(), "$.maxDurationDays")).isEqualTo(365);
	}

	@Test
	void anAdminChangesThePolicy() {
		TestClient.Response changed = this.admin.api()
			.json("PUT", "/api/v1/admin/policy",
					"{\"lowestRole\":\"admin\",\"maxLinksPerItem\":1,\"maxDurationDays\":3650}");
		assertThat(changed.status()).isEqualTo(200);

		TestClient.Response read = this.admin.api().json("GET", "/api/v1/admin/policy", null);
		assertThat((String) JsonPath.read(read.body(), "$.lowestRole")).isEqualTo("admin");
		assertThat((Integer) JsonPath.read(read.body(), "$.maxLinksPerItem")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(read.body(), "$.maxDurationDays")).isEqualTo(3650);
		assertThat(this.settings.policy()).isEqualTo(new GuestLinkPolicy(GuestLinkPolicy.LowestRole.admin, 1, 3650));

		this.admin.api()
			.json("PUT", "/api/v1/admin/policy",
					"{\"lowestRole\":\"member\",\"maxLinksPerItem\":2,\"maxDurationDays\":1}");
		assertThat(this.settings.policy()).isEqualTo(new GuestLinkPolicy(GuestLinkPolicy.LowestRole.member, 2, 1));
	}

	@Test
	void refusesAPolicyOutOfRangeAndKeepsTheCurrentOne() {
		List<String> bad = List.of("{}", "{\"lowestRole\":\"member\",\"maxLinksPerItem\":3}",
				"{\"lowestRole\":\"guest\",\"maxLinksPerItem\":3,\"maxDurationDays\":365}",
				"{\"lowestRole\":null,\"maxLinksPerItem\":3,\"maxDurationDays\":365}",
				"{\"lowestRole\":\"member\",\"maxLinksPerItem\":0,\"maxDurationDays\":365}",
				"{\"lowestRole\":\"member\",\"maxLinksPerItem\":4,\"maxDurationDays\":365}",
				"{\"lowestRole\":\"member\",\"maxLinksPerItem\":-1,\"maxDurationDays\":365}",
				"{\"lowestRole\":\"member\",\"maxLinksPerItem\":3,\"maxDurationDays\":0}",
				"{\"lowestRole\":\"member\",\"maxLinksPerItem\":3,\"maxDurationDays\":3651}",
				"{\"lowestRole\":\"member\",\"maxLinksPerItem\":2.5,\"maxDurationDays\":365}",
				"{\"lowestRole\":\"member\",\"maxLinksPerItem\":\"three\",\"maxDurationDays\":365}",
				"{\"lowestRole\":\"member\",\"maxLinksPerItem\":3,\"maxDurationDays\":99999999999}", "not json");
		for (String body : bad) {
			TestClient.Response refused = this.admin.api().json("PUT", "/api/v1/admin/policy", body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.header("Content-Type")).as(body).startsWith("application/problem+json");
			assertThat((String) JsonPath.read(refused.body(), "$.code")).as(body)
				.isIn("validation_failed", "malformed_request");
			assertThat(refused.body()).as(body).doesNotContain("Exception");
		}
		TestClient.Response read = this.admin.api().json("GET", "/api/v1/admin/policy", null);
		assertThat((String) JsonPath.read(read.body(), "$.lowestRole")).isEqualTo("member");
		assertThat((Integer) JsonPath.read(read.body(), "$.maxLinksPerItem")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(read.body(), "$.maxDurationDays")).isEqualTo(365);
	}

	@Test
	void anOutOfRangePolicyValueIsNamedInTheProblem() {
		TestClient.Response refused = this.admin.api()
			.json("PUT", "/api/v1/admin/policy",
					"{\"lowestRole\":\"member\",\"maxLinksPerItem\":4,\"maxDurationDays\":0}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("validation_failed");
		assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].field")).containsExactly("maxDurationDays",
				"maxLinksPerItem");
	}

	@Test
	void aMemberMayNotReadOrChangeSiteSettings() {
		Person member = this.fixtures.member(this.port);
		List<TestClient.Response> refused = List.of(member.api().json("GET", "/api/v1/admin/modules", null),
				member.api()
					.json("PUT", "/api/v1/admin/modules",
							"{\"invitetomedia\":false,\"theming\":false,\"mediapage\":false}"),
				member.api().json("GET", "/api/v1/admin/policy", null),
				member.api().json("PUT", "/api/v1/admin/policy", DEFAULT_POLICY.replace("member", "admin")),
				member.api().json("GET", "/api/v1/admin/audit", null));
		for (TestClient.Response response : refused) {
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("forbidden");
		}
		assertThat(this.settings.modules()).isEqualTo(new SiteModules(true, true, true));
		assertThat(this.settings.policy().lowestRole()).isEqualTo(GuestLinkPolicy.LowestRole.member);
	}

	@Test
	void siteSettingsNeedAnApiTokenOrASession() {
		TestClient anonymous = TestClient.browser(this.port);
		TestClient.Response modules = anonymous.json("GET", "/api/v1/admin/modules", null);
		assertThat(modules.status()).isEqualTo(401);
		assertThat((String) JsonPath.read(modules.body(), "$.code")).isEqualTo("unauthorized");
	}

	@Test
	void changesAreInTheAuditNewestFirst() {
		this.admin.api()
			.json("PUT", "/api/v1/admin/modules", "{\"invitetomedia\":true,\"theming\":false,\"mediapage\":true}");
		this.admin.api()
			.json("PUT", "/api/v1/admin/policy",
					"{\"lowestRole\":\"admin\",\"maxLinksPerItem\":2,\"maxDurationDays\":30}");
		this.admin.api().json("PUT", "/api/v1/admin/policy", "{\"lowestRole\":\"admin\",\"maxLinksPerItem\":9}");

		TestClient.Response audit = this.admin.api().json("GET", "/api/v1/admin/audit?limit=2", null);
		assertThat(audit.status()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(audit.body(), "$[*].action")).containsExactly("policy_changed",
				"modules_changed");
		assertThat((List<String>) JsonPath.read(audit.body(), "$[*].actor")).containsOnly(this.admin.username());
		assertThat((List<String>) JsonPath.read(audit.body(), "$[*].outcome")).containsOnly("ok");
		assertThat((String) JsonPath.read(audit.body(), "$[0].detail")).contains("lowestRole=admin")
			.contains("maxLinksPerItem=2")
			.contains("maxDurationDays=30");
		assertThat((String) JsonPath.read(audit.body(), "$[1].detail")).contains("invitetomedia=true")
			.contains("theming=false")
			.contains("mediapage=true");
		List<Number> ids = JsonPath.read(audit.body(), "$[*].id");
		assertThat(ids.get(0).longValue()).isGreaterThan(ids.get(1).longValue());
		assertThat((String) JsonPath.read(audit.body(), "$[0].occurredAt")).isNotBlank();
	}

}
