package org.guestpass.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.GuestLinkFixture;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets stay secret: after failed and successful sign-ins, API token creation and a
 * whole guest flow, a copy of every table holds no typed password, link token, API token
 * or cookie value that would open anything, and no log line of it holds a token, a
 * password or a guest's email.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDumpOfEveryTableHoldsNoTypedPasswordTokenOrCookieAndTheLogsNone(CapturedOutput output) {
		Person owner = this.fixtures.member(this.port);
		List<String> typedPasswords = List.of("Wrong-Horse-Battery-1", "Wrong-Staple-Ünïcödé-2", "Sprayed-Password-3");
		TestClient guesser = TestClient.browser(this.port);
		assertThat(guesser.signIn(owner.username(), typedPasswords.get(0)).header("Location")).endsWith("/login?error");
		assertThat(guesser.signIn(owner.username(), typedPasswords.get(1)).header("Location")).endsWith("/login?error");
		assertThat(guesser.signIn("nobody-" + owner.username(), typedPasswords.get(2)).header("Location"))
			.endsWith("/login?error");

		GuestLinkFixture link = owner.sharedLink("{\"name\":\"Secret\",\"maxClicks\":1}");
		String linkToken = link.url().substring(link.url().lastIndexOf('/') + 1);
		String email = "very.private.guest@example.org";
		TestClient guest = TestClient.browser(this.port);
		guest.get(link.url());
		assertThat(guest.postForm(link.url(), Map.of("name", "Private Guest", "email", email)).status()).isEqualTo(303);
		String guestCookie = guest.cookie("GUESTPASS_GUEST");
		String guestsSession = guest.cookie("SESSION");
		assertThat(guest.get("/guest/media/" + link.mediaId()).status()).isEqualTo(200);
		// A page that needs signing in remembers where to return: never the cookies the
		// visit carried.
		assertThat(guest.get("/media?after=sign-in").status()).isEqualTo(302);
		TestClient late = TestClient.browser(this.port);
		late.get(link.url());
		late.postForm(link.url(), Map.of("name", "Late", "email", "late." + email));
		late.postForm("/g/" + "C".repeat(43), Map.of("name", "Prober", "email", "prober." + email));

		TestClient browser = TestClient.browser(this.port);
		browser.signIn(owner.username(), owner.password());
		String signedInSession = browser.cookie("SESSION");
		browser.get("/media");
		TestClient.Response issued = browser.sessionJson("POST", "/api/v1/me/tokens", "{\"name\":\"cli\"}");
		assertThat(issued.status()).isEqualTo(201);
		String apiToken = JsonPath.read(issued.body(), "$.token");

		List<String> secrets = new ArrayList<>(List.of(linkToken, guestCookie, apiToken, owner.password(),
				guestsSession, signedInSession, guesser.cookie("SESSION")));
		secrets.addAll(typedPasswords);
		assertThat(secrets).doesNotContainNull();
		String dump = dumpEveryTable();
		assertThat(dump).as("the dump reads what the tables hold").contains("Secret").contains(email);
		for (String secret : secrets) {
			assertThat(dump).doesNotContain(secret);
			assertThat(dump)
				.doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
		}
		assertThat(dump).doesNotContain("BadCredentialsException")
			.doesNotContain("SPRING_SECURITY_LAST_EXCEPTION")
			.doesNotContain("SPRING_SECURITY_SAVED_REQUEST");

		for (String secret : secrets) {
			assertThat(output.getAll()).doesNotContain(secret);
		}
		for (String address : List.of(email, "late." + email, "prober." + email)) {
			assertThat(output.getAll()).doesNotContain(address);
		}
	}

	@Test
	void theSessionIdsTheDatabaseHoldsOpenNoSession() {
		Person owner = this.fixtures.member(this.port);
		TestClient browser = TestClient.browser(this.port);
		browser.signIn(owner.username(), owner.password());
		assertThat(browser.get("/media").status()).isEqualTo(200);
		List<String> stored = this.jdbc.sql("select session_id from spring_session where principal_name = :name")
			.param("name", owner.username())
			.query(String.class)
			.list();
		assertThat(stored).hasSize(1);
		String id = stored.get(0);
		assertThat(browser.cookie("SESSION")).startsWith(id + ".").isNotEqualTo(id);

		for (String forged : List.of(id, Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.US_ASCII)),
				id + ".", id + ".forged-signature", id + "." + "A".repeat(43))) {
			TestClient thief = TestClient.browser(this.port);
			TestClient.Response response = thief.send(thief.request("/media").header("Cookie", "SESSION=" + forged));
			assertThat(response.status()).as(forged).isEqualTo(302);
			assertThat(response.header("Location")).as(forged).endsWith("/login");
		}
	}

	@Test
	void aFailedSignInKeepsNothingOfTheAttemptInTheSession() {
		Person owner = this.fixtures.member(this.port);
		TestClient guesser = TestClient.browser(this.port);
		guesser.get("/login");
		String cookie = guesser.cookie("SESSION");
		assertThat(cookie).as("the sign-in form's session, which holds its CSRF token").isNotNull();
		String id = cookie.substring(0, cookie.lastIndexOf('.'));
		long before = sessionBytes(id);
		for (int i = 0; i < 4; i++) {
			assertThat(guesser.signIn((i % 2 == 0) ? owner.username() : "no-such-user", "Not-The-Password-" + i)
				.header("Location")).endsWith("/login?error");
		}
		assertThat(guesser.get("/login?error").text()).contains("The user name or password is not right.");
		assertThat(guesser.cookie("SESSION")).isEqualTo(cookie);
		List<String> attributes = this.jdbc.sql("""
				select attribute_name from spring_session_attributes a
				  join spring_session s on s.primary_id = a.session_primary_id
				 where s.session_id = :id
				""").param("id", id).query(String.class).list();
		assertThat(attributes).as("only the CSRF token").hasSize(1).allMatch((name) -> name.contains("CsrfToken"));
		assertThat(sessionBytes(id)).as("four failures add nothing").isEqualTo(before);
	}

	private long sessionBytes(String sessionId) {
		return this.jdbc.sql("""
				select coalesce(sum(octet_length(a.attribute_bytes)), 0) from spring_session_attributes a
				  join spring_session s on s.primary_id = a.session_primary_id
				 where s.session_id = :id
				""").param("id", sessionId).query(Long.class).single();
	}

	/**
	 * Every row of every table, as text. Binary columns (the sessions' serialized
	 * attributes) are read both as Latin-1 and as UTF-8, so any text they hold would
	 * show.
	 */
	private String dumpEveryTable() {
		List<String> tables = this.jdbc
			.sql("select table_name from information_schema.tables where lower(table_schema) = 'public'")
			.query(String.class)
			.list();
		assertThat(tables).contains("guest_link", "guest_session", "api_token", "audit_event", "spring_session",
				"spring_session_attributes");
		StringBuilder dump = new StringBuilder();
		for (String table : tables) {
			List<Map<String, Object>> rows = new ArrayList<>(
					this.jdbc.sql("select * from " + table).query().listOfRows());
			for (Map<String, Object> row : rows) {
				for (Object value : row.values()) {
					if (value instanceof byte[] bytes) {
						dump.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n');
						dump.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
					}
					else {
						dump.append(value).append('\n');
					}
				}
			}
		}
		return dump.toString();
	}

}
