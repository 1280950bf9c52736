package org.guestpass.account;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where API tokens come from: only a browser's sign-in session creates them, so a stolen
 * token cannot make more that would outlive its revocation; any of your tokens still
 * lists and revokes yours. A token's name is 1 to 100 characters, an emoji counting as
 * one.
 */
@IntegrationTest
class ApiTokenIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anApiTokenCannotCreateAnotherTokenButTheBrowserSessionCan() {
		Person member = this.fixtures.member(this.port);
		Person admin = this.fixtures.admin(this.port);

		for (Person person : List.of(member, admin)) {
			TestClient.Response refused = person.api().json("POST", "/api/v1/me/tokens", "{\"name\":\"Spare key\"}");

			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("not_permitted");
			assertThat((String) JsonPath.read(refused.body(), "$.detail"))
				.isEqualTo("API tokens are created only while signed in in a browser, not with another API token.");
			assertThat(refused.body()).doesNotContain("gp_");
			assertThat(tokenNames(person.id())).containsExactly("tests");
		}

		TestClient.Response issued = withSession(signedIn(member), "POST", "/api/v1/me/tokens",
				"{\"name\":\"Laptop\"}");
		assertThat(issued.status()).isEqualTo(201);
		assertThat(TestClient.api(this.port, JsonPath.read(issued.body(), "$.token")).get("/api/v1/media").status())
			.isEqualTo(200);
		assertThat(tokenNames(member.id())).containsExactly("tests", "Laptop");
	}

	@Test
	void revokingAStolenTokenFromAScriptEndsTheAccessBecauseItMadeNoOthers() {
		Person member = this.fixtures.member(this.port);
		TestClient.Response issued = withSession(signedIn(member), "POST", "/api/v1/me/tokens",
				"{\"name\":\"Stolen\"}");
		long stolen = ((Number) JsonPath.read(issued.body(), "$.id")).longValue();
		TestClient thief = TestClient.api(this.port, JsonPath.read(issued.body(), "$.token"));

		assertThat(thief.json("POST", "/api/v1/me/tokens", "{\"name\":\"Backdoor\"}").status()).isEqualTo(403);
		// The owner's script, with their other token, finds the stolen one and revokes
		// it.
		TestClient.Response listed = member.api().get("/api/v1/me/tokens");
		assertThat(listed.status()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(listed.body(), "$[*].name")).containsExactly("tests", "Stolen");
		assertThat(member.api().json("DELETE", "/api/v1/me/tokens/" + stolen, null).status()).isEqualTo(204);

		assertThat(thief.get("/api/v1/media").status()).isEqualTo(401);
		assertThat(tokenNames(member.id())).containsExactly("tests");
		long own = this.jdbc.sql("select id from api_token where account_id = :account")
			.param("account", member.id())
			.query(Long.class)
			.single();
		assertThat(member.api().json("DELETE", "/api/v1/me/tokens/" + own, null).status()).as("a token revokes itself")
			.isEqualTo(204);
		assertThat(member.api().get("/api/v1/media").status()).isEqualTo(401);
		assertThat(tokenNames(member.id())).isEmpty();
	}

	@Test
	void aTokenNameIsOneToAHundredCharactersAnEmojiCountingAsOne() {
		Person member = this.fixtures.member(this.port);
		TestClient browser = signedIn(member);
		List<String> accepted = List.of("x".repeat(100), "😀".repeat(50), "😀".repeat(100), "  Trimmed  ");
		for (String name : accepted) {
			TestClient.Response issued = withSession(browser, "POST", "/api/v1/me/tokens",
					"{\"name\":\"" + name + "\"}");
			assertThat(issued.status()).as(name).isEqualTo(201);
			assertThat((String) JsonPath.read(issued.body(), "$.name")).isEqualTo(name.trim());
		}
		for (String name : List.of("x".repeat(101), "😀".repeat(101), "é".repeat(101))) {
			TestClient.Response refused = withSession(browser, "POST", "/api/v1/me/tokens",
					"{\"name\":\"" + name + "\"}");
			assertThat(refused.status()).as(name).isEqualTo(400);
			assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].field")).containsExactly("name");
			assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].message"))
				.containsExactly("Enter a token name of 1 to 100 characters.");
		}
		for (String name : List.of("", "   ")) {
			TestClient.Response refused = withSession(browser, "POST", "/api/v1/me/tokens",
					"{\"name\":\"" + name + "\"}");
			assertThat(refused.status()).as("blank").isEqualTo(400);
			assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].message"))
				.containsExactly("Enter a token name of 1 to 100 characters.");
		}
		assertThat(tokenNames(member.id())).hasSize(1 + accepted.size());
	}

	/**
	 * A JSON call with the browser's session and its CSRF token, as the site's own pages
	 * make it: the token of a page the signed-in browser loaded, in the X-CSRF-TOKEN
	 * header.
	 */
	private static TestClient.Response withSession(TestClient browser, String method, String path, String json) {
		assertThat(browser.get("/media").status()).isEqualTo(200);
		return browser.sessionJson(method, path, json);
	}

	private TestClient signedIn(Person person) {
		TestClient browser = TestClient.signedIn(this.port, person.username(), person.password());
		browser.get("/media");
		return browser;
	}

	private List<String> tokenNames(long accountId) {
		return this.jdbc.sql("select name from api_token where account_id = :account order by id")
			.param("account", accountId)
			.query(String.class)
			.list();
	}

}
