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
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.assertAccessiblePage;
import static org.guestpass.PageChecks.column;
import static org.guestpass.PageChecks.rows;
import static org.guestpass.PageChecks.select;
import static org.guestpass.PageChecks.textOf;

/**
 * An admin revokes a user's API tokens, all of them or one, through the API or the users
 * page: they stop working at once and are gone.
 */
@IntegrationTest
class RevokingTokensIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	Person admin;

	Person member;

	/** The member's second token, "Laptop script", besides the fixture's "tests". */
	TestClient laptop;

	long laptopId;

	@BeforeEach
	void aMemberWithTwoTokens() {
		this.admin = this.fixtures.admin(this.port);
		this.member = this.fixtures.member(this.port);
		ApiTokens.IssuedToken issued = this.tokens.issue(this.member.id(), "Laptop script");
		this.laptop = TestClient.api(this.port, issued.token());
		this.laptopId = issued.id();
	}

	@Test
	void theApiListsAUsersTokensWithoutTheirSecretsAndCountsThem() {
		TestClient.Response listed = this.admin.api().get("/api/v1/admin/users/" + this.member.id() + "/tokens");

		assertThat(listed.status()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(listed.body(), "$[*].name")).containsExactly("tests", "Laptop script");
		assertThat(listed.body()).doesNotContain("\"token\"").doesNotContain("gp_");
		TestClient.Response users = this.admin.api().get("/api/v1/admin/users");
		assertThat((List<Integer>) JsonPath.read(users.body(), "$[?(@.id == " + this.member.id() + ")].tokens"))
			.containsExactly(2);
		assertThat(this.admin.api().get("/api/v1/admin/users/999999999/tokens").status()).isEqualTo(404);
	}

	@Test
	void theApiRevokesEveryTokenOfAUserAtOnce() {
		assertThat(this.laptop.get("/api/v1/media").status()).isEqualTo(200);

		TestClient.Response revoked = this.admin.api()
			.json("DELETE", "/api/v1/admin/users/" + this.member.id() + "/tokens", null);

		assertThat(revoked.status()).isEqualTo(204);
		assertThat(this.laptop.get("/api/v1/media").status()).isEqualTo(401);
		assertThat(this.member.api().get("/api/v1/media").status()).isEqualTo(401);
		assertThat(tokenCount(this.member.id())).isZero();
		assertThat(this.admin.api().get("/api/v1/media").status()).as("the admin's own token").isEqualTo(200);
		assertThat(audit("api_tokens_revoked"))
			.containsExactly("account " + this.member.id() + " (" + this.member.username() + "): 2 tokens");
		assertThat(this.admin.api().json("DELETE", "/api/v1/admin/users/999999999/tokens", null).status())
			.isEqualTo(404);
	}

	@Test
	void theApiRevokesOneTokenOfAUser() {
		TestClient.Response revoked = this.admin.api()
			.json("DELETE", "/api/v1/admin/users/" + this.member.id() + "/tokens/" + this.laptopId, null);

		assertThat(revoked.status()).isEqualTo(204);
		assertThat(this.laptop.get("/api/v1/media").status()).isEqualTo(401);
		assertThat(this.member.api().get("/api/v1/media").status()).isEqualTo(200);
		assertThat(audit("api_token_revoked")).containsExactly("account " + this.member.id() + " ("
				+ this.member.username() + "): token " + this.laptopId + " (Laptop script)");
		assertThat(this.admin.api()
			.json("DELETE", "/api/v1/admin/users/" + this.member.id() + "/tokens/" + this.laptopId, null)
			.status()).isEqualTo(404);
		assertThat(this.admin.api()
			.json("DELETE",
					"/api/v1/admin/users/" + this.admin.id() + "/tokens/" + tokenIdOf(this.member.id(), "tests"), null)
			.status()).as("a token of another user").isEqualTo(404);
		assertThat(this.member.api().get("/api/v1/media").status()).isEqualTo(200);
	}

	@Test
	void aMemberMayNotRevokeAnotherUsersTokens() {
		Person other = this.fixtures.member(this.port);

		assertThat(other.api().get("/api/v1/admin/users/" + this.member.id() + "/tokens").status()).isEqualTo(403);
		assertThat(other.api().json("DELETE", "/api/v1/admin/users/" + this.member.id() + "/tokens", null).status())
			.isEqualTo(403);
		assertThat(other.api()
			.json("DELETE", "/api/v1/admin/users/" + this.member.id() + "/tokens/" + this.laptopId, null)
			.status()).isEqualTo(403);
		assertThat(tokenCount(this.member.id())).isEqualTo(2);
		assertThat(this.admin.api().get("/api/v1/admin/users/" + this.member.id() + "/tokens").status())
			.as("while an admin may")
			.isEqualTo(200);
	}

	@Test
	void theUsersPageRevokesAllOfAUsersTokensAfterListingThem() {
		TestClient browser = signedIn(this.admin);
		TestClient.Response users = browser.get("/admin/users");
		assertThat(users.text()).contains("2 API tokens");
		Element revoke = PageChecks.parse(users.body())
			.selectFirst("a.button[href=/admin/users/" + this.member.id() + "/tokens]");
		assertThat(revoke).as("the member's Revoke API tokens link").isNotNull();
		assertThat(revoke.ownText()).isEqualTo("Revoke API tokens");
		assertThat(revoke.select("span.visually-hidden").eachText()).containsExactly("of " + this.member.username());

		TestClient.Response page = browser.get("/admin/users/" + this.member.id() + "/tokens");

		assertThat(page.status()).isEqualTo(200);
		assertThat(textOf(page.body(), "h1")).isEqualTo("Revoke API tokens");
		assertThat(textOf(page.body(), "table.tokens > caption")).isEqualTo("API tokens of " + this.member.username());
		assertThat(column(rows(page.body(), "table.tokens"), 0)).containsExactly("tests", "Laptop script");
		assertThat(textOf(page.body(), "form.dialog-buttons button[type=submit].danger"))
			.isEqualTo("Revoke API tokens");
		assertThat(page.text()).doesNotContain("gp_");
		assertAccessiblePage(page.body());

		TestClient.Response revoked = browser.postForm("/admin/users/" + this.member.id() + "/tokens/revoke", Map.of());

		assertThat(revoked.status()).isEqualTo(302);
		assertThat(revoked.header("Location")).endsWith("/admin/users");
		assertThat(browser.get("/admin/users").text()).contains(
				"Revoked all 2 API tokens of " + this.member.username() + ". Scripts that used them no longer get in.");
		assertThat(this.laptop.get("/api/v1/media").status()).isEqualTo(401);
		assertThat(this.member.api().get("/api/v1/media").status()).isEqualTo(401);
		assertThat(tokenCount(this.member.id())).isZero();
		TestClient.Response none = browser.get("/admin/users/" + this.member.id() + "/tokens");
		assertThat(textOf(none.body(), "p:containsOwn(has no API tokens.)"))
			.isEqualTo(this.member.username() + " has no API tokens.");
		assertThat(textOf(none.body(), "p:containsOwn(has no API tokens.) > strong")).isEqualTo(this.member.username());
		assertThat(select(none.body(), "table.tokens")).isEmpty();
	}

	@Test
	void theTokensPageRevokesOneToken() {
		TestClient browser = signedIn(this.admin);
		browser.get("/admin/users/" + this.member.id() + "/tokens");

		TestClient.Response revoked = browser
			.postForm("/admin/users/" + this.member.id() + "/tokens/" + this.laptopId + "/revoke", Map.of());

		assertThat(revoked.status()).isEqualTo(302);
		assertThat(revoked.header("Location")).endsWith("/admin/users/" + this.member.id() + "/tokens");
		TestClient.Response page = browser.get("/admin/users/" + this.member.id() + "/tokens");
		assertThat(page.text()).contains("Revoked the API token “Laptop script” of " + this.member.username() + ".");
		assertThat(column(rows(page.body(), "table.tokens"), 0)).containsExactly("tests");
		assertThat(this.laptop.get("/api/v1/media").status()).isEqualTo(401);
		assertThat(this.member.api().get("/api/v1/media").status()).isEqualTo(200);
		assertThat(
				browser.postForm("/admin/users/" + this.member.id() + "/tokens/" + this.laptopId + "/revoke", Map.of())
					.status())
			.isEqualTo(404);
	}

	@Test
	void thePageNeedsTheCsrfTokenAndAnAdmin() {
		TestClient browser = signedIn(this.admin);
		assertThat(browser.get("/admin/users/" + this.member.id() + "/tokens").status()).isEqualTo(200);
		TestClient.Response forged = browser.send(browser.request("/admin/users/" + this.member.id() + "/tokens/revoke")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("")));
		assertThat(forged.status()).isEqualTo(403);

		Person other = this.fixtures.member(this.port);
		TestClient otherBrowser = signedIn(other);
		assertThat(otherBrowser.get("/admin/users/" + this.member.id() + "/tokens").status()).isEqualTo(403);
		otherBrowser.get("/media");
		assertThat(otherBrowser.postForm("/admin/users/" + this.member.id() + "/tokens/revoke", Map.of()).status())
			.isEqualTo(403);
		assertThat(browser.get("/admin/users/999999999/tokens").status()).isEqualTo(404);
		assertThat(tokenCount(this.member.id())).isEqualTo(2);
	}

	private List<String> audit(String action) {
		return this.jdbc.sql("select detail from audit_event where action = :action and detail like :account")
			.param("action", action)
			.param("account", "account " + this.member.id() + " (%")
			.query(String.class)
			.list();
	}

	private int tokenCount(long accountId) {
		return this.jdbc.sql("select count(*) from api_token where account_id = :account")
			.param("account", accountId)
			.query(Integer.class)
			.single();
	}

	private long tokenIdOf(long accountId, String name) {
		return this.jdbc.sql("select id from api_token where account_id = :account and name = :name")
			.param("account", accountId)
			.param("name", name)
			.query(Long.class)
			.single();
	}

	private TestClient signedIn(Person person) {
		return TestClient.signedIn(this.port, person.username(), person.password());
	}

}
