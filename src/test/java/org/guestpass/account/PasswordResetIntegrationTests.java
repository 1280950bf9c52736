package org.guestpass.account;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.PageChecks;
import org.guestpass.TestClient;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.guestpass.PageChecks.assertAccessiblePage;
import static org.guestpass.PageChecks.assertErrorNextToField;
import static org.guestpass.PageChecks.textOf;

/**
 * An admin resets a user's password, through the API or a small page: the old password
 * stops, the new one works, the user's sessions end, and the password is never shown,
 * logged or recorded.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PasswordResetIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Person admin;

	Person member;

	@BeforeEach
	void anAdminAndAMember() {
		this.admin = this.fixtures.admin(this.port);
		this.member = this.fixtures.member(this.port);
	}

	@Test
	void theApiReplacesThePasswordAndEndsTheUsersSessions(CapturedOutput output) {
		TestClient memberBrowser = signedIn(this.member.username(), this.member.password());
		String newPassword = "a new password 😀 é";

		TestClient.Response reset = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + this.member.id() + "/password",
					"{\"password\":\"" + newPassword + "\"}");

		assertThat(reset.status()).isEqualTo(204);
		assertThat(reset.body()).isEmpty();
		assertRedirectsToSignIn(memberBrowser.get("/media"));
		assertRefused(this.member.username(), this.member.password());
		assertThat(signedIn(this.member.username(), newPassword).get("/media").status()).isEqualTo(200);
		assertThat(this.member.api().get("/api/v1/media").status()).as("API tokens are revoked on their own")
			.isEqualTo(200);
		assertRecordedWithoutThePassword(newPassword);
		assertThat(output.getAll()).doesNotContain(newPassword);
	}

	@Test
	void theApiRefusesAPasswordThatBreaksTheRuleAsAFieldErrorAndKeepsTheOldOne() {
		for (String password : List.of("a".repeat(80), "é".repeat(37), "😀".repeat(19), "elevenchars", "")) {
			TestClient.Response refused = this.admin.api()
				.json("PUT", "/api/v1/admin/users/" + this.member.id() + "/password",
						"{\"password\":\"" + password + "\"}");

			assertThat(refused.status()).as(password).isEqualTo(400);
			assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("validation_failed");
			assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].field")).containsExactly("password");
			assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].message")).containsExactly(
					(password.length() < 12) ? "Use at least 12 characters." : LongPasswordsIntegrationTests.TOO_LONG);
		}
		assertThat(this.admin.api().json("PUT", "/api/v1/admin/users/" + this.member.id() + "/password", "{}").status())
			.isEqualTo(400);
		assertThat(signedIn(this.member.username(), this.member.password()).get("/media").status()).isEqualTo(200);
		assertThat(resets()).isZero();
	}

	@Test
	void theApiAcceptsExactlySeventyTwoBytes() {
		String password = "é".repeat(36);

		TestClient.Response reset = this.admin.api()
			.json("PUT", "/api/v1/admin/users/" + this.member.id() + "/password",
					"{\"password\":\"" + password + "\"}");

		assertThat(reset.status()).isEqualTo(204);
		assertThat(signedIn(this.member.username(), password).get("/media").status()).isEqualTo(200);
		assertRefused(this.member.username(), password + "é");
	}

	@Test
	void resettingTheUnknownOrAsAMemberChangesNothing() {
		TestClient.Response unknown = this.admin.api()
			.json("PUT", "/api/v1/admin/users/999999999/password", "{\"password\":\"a-long-enough-password\"}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat((String) JsonPath.read(unknown.body(), "$.code")).isEqualTo("not_found");

		Person other = this.fixtures.member(this.port);
		TestClient.Response forbidden = other.api()
			.json("PUT", "/api/v1/admin/users/" + this.member.id() + "/password",
					"{\"password\":\"a-long-enough-password\"}");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(signedIn(this.member.username(), this.member.password()).get("/media").status()).isEqualTo(200);
	}

	@Test
	void thePageResetsThePasswordWithoutEverShowingIt(CapturedOutput output) {
		TestClient memberBrowser = signedIn(this.member.username(), this.member.password());
		TestClient adminBrowser = signedIn(this.admin.username(), this.admin.password());
		TestClient.Response users = adminBrowser.get("/admin/users");
		Element resetLink = PageChecks.parse(users.body())
			.selectFirst("a.button[href=/admin/users/" + this.member.id() + "/password]");
		assertThat(resetLink).as("the member's Reset password link").isNotNull();
		assertThat(resetLink.ownText()).isEqualTo("Reset password");
		assertThat(resetLink.select("span.visually-hidden").eachText()).containsExactly("of " + this.member.username());

		TestClient.Response form = adminBrowser.get("/admin/users/" + this.member.id() + "/password");
		assertThat(form.status()).isEqualTo(200);
		assertThat(textOf(form.body(), "h1")).isEqualTo("Reset password");
		assertThat(textOf(form.body(), "p:has(> strong)"))
			.startsWith("Type a new password for " + this.member.username() + ".");
		assertThat(textOf(form.body(), "p > strong")).isEqualTo(this.member.username());
		assertThat(textOf(form.body(), "label[for=password]")).isEqualTo("New password");
		assertThat(textOf(form.body(), "form button[type=submit].primary")).isEqualTo("Reset password");
		assertAccessiblePage(form.body());
		Element password = PageChecks.control(form.body(), "password");
		assertThat(password.attributes().asList()).extracting(Attribute::getKey, Attribute::getValue)
			.contains(tuple("name", "password"), tuple("type", "password"), tuple("autocomplete", "new-password"),
					tuple("minlength", "12"), tuple("maxlength", "72"));
		assertThat(password.hasAttr("required")).as("a boolean attribute, whatever its value").isTrue();

		String newPassword = "correct horse battery staple";
		TestClient.Response reset = adminBrowser.postForm("/admin/users/" + this.member.id() + "/password",
				Map.of("password", newPassword));

		assertThat(reset.status()).isEqualTo(302);
		assertThat(reset.header("Location")).endsWith("/admin/users");
		TestClient.Response after = adminBrowser.get("/admin/users");
		assertThat(after.text())
			.contains("Reset the password of " + this.member.username()
					+ ". They are signed out everywhere and sign in with the new password.")
			.doesNotContain(newPassword);
		assertRedirectsToSignIn(memberBrowser.get("/media"));
		assertRefused(this.member.username(), this.member.password());
		assertThat(signedIn(this.member.username(), newPassword).get("/media").status()).isEqualTo(200);
		assertRecordedWithoutThePassword(newPassword);
		assertThat(output.getAll()).doesNotContain(newPassword);
	}

	@Test
	void thePageShowsWhatIsWrongNextToTheFieldAndNeverEchoesThePassword() {
		TestClient adminBrowser = signedIn(this.admin.username(), this.admin.password());
		Map<String, String> expected = Map.of("a".repeat(80), LongPasswordsIntegrationTests.TOO_LONG, "é".repeat(37),
				LongPasswordsIntegrationTests.TOO_LONG, "😀".repeat(19), LongPasswordsIntegrationTests.TOO_LONG,
				"elevenchars", "Use at least 12 characters.", "", "Enter a password.");
		expected.forEach((password, message) -> {
			adminBrowser.get("/admin/users/" + this.member.id() + "/password");
			TestClient.Response refused = adminBrowser.postForm("/admin/users/" + this.member.id() + "/password",
					Map.of("password", password));

			assertThat(refused.status()).as(password).isEqualTo(400);
			assertErrorNextToField(refused.body(), "password", message);
			assertAccessiblePage(refused.body());
			if (!password.isEmpty()) {
				assertThat(refused.text()).doesNotContain(password);
			}
		});
		assertThat(signedIn(this.member.username(), this.member.password()).get("/media").status()).isEqualTo(200);
		assertThat(resets()).isZero();
	}

	@Test
	void thePageNeedsTheCsrfTokenAndAnAdmin() {
		TestClient adminBrowser = signedIn(this.admin.username(), this.admin.password());
		assertThat(adminBrowser.get("/admin/users/" + this.member.id() + "/password").status()).isEqualTo(200);
		TestClient.Response forged = adminBrowser
			.send(adminBrowser.request("/admin/users/" + this.member.id() + "/password")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("password=a-forged-new-password")));
		assertThat(forged.status()).isEqualTo(403);

		TestClient otherBrowser = signedIn(this.member.username(), this.member.password());
		assertThat(otherBrowser.get("/admin/users/" + this.admin.id() + "/password").status()).isEqualTo(403);
		otherBrowser.get("/media");
		assertThat(otherBrowser
			.postForm("/admin/users/" + this.admin.id() + "/password", Map.of("password", "taking-over-the-admin"))
			.status()).isEqualTo(403);

		assertThat(adminBrowser.get("/admin/users/999999999/password").status()).isEqualTo(404);
		assertThat(signedIn(this.admin.username(), this.admin.password()).get("/admin/users").status()).isEqualTo(200);
		assertThat(resets()).isZero();
	}

	private void assertRecordedWithoutThePassword(String password) {
		List<Map<String, Object>> rows = this.jdbc.sql(
				"select actor, outcome, detail from audit_event where action = 'password_reset' and detail like :account")
			.param("account", "account " + this.member.id() + " (%")
			.query()
			.listOfRows();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("actor")).isEqualTo(this.admin.username());
		assertThat(rows.get(0).get("outcome")).isEqualTo("ok");
		assertThat((String) rows.get(0).get("detail"))
			.startsWith("account " + this.member.id() + " (" + this.member.username() + ")");
		List<String> everything = this.jdbc
			.sql("select actor || ' ' || action || ' ' || coalesce(detail, '') from audit_event")
			.query(String.class)
			.list();
		assertThat(everything).noneMatch((row) -> row.contains(password));
	}

	private int resets() {
		return this.jdbc
			.sql("select count(*) from audit_event where action = 'password_reset' and detail like :account")
			.param("account", "account " + this.member.id() + " (%")
			.query(Integer.class)
			.single();
	}

	private TestClient signedIn(String username, String password) {
		return TestClient.signedIn(this.port, username, password);
	}

	private void assertRefused(String username, String password) {
		TestClient browser = TestClient.browser(this.port);
		TestClient.Response refused = browser.signIn(username, password);
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.header("Location")).endsWith("/login?error");
	}

	private static void assertRedirectsToSignIn(TestClient.Response response) {
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

}
