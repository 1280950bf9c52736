package org.guestpass.account;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.csrfToken;

/**
 * The sign-in session: a new id at sign-in, so a planted session is worthless, and a
 * cookie kept to this host behind HTTPS.
 */
@IntegrationTest
class SignInSessionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signingInStartsANewSessionSoAPlantedOneIsWorthless() {
		Person member = this.fixtures.member(this.port);
		TestClient browser = TestClient.browser(this.port);
		assertThat(browser.get("/media").status()).isEqualTo(302);
		String before = browser.cookie("SESSION");
		assertThat(before).as("an anonymous session that remembers where to return").isNotNull();

		assertThat(browser.signIn(member.username(), member.password()).status()).isEqualTo(302);
		String after = browser.cookie("SESSION");
		assertThat(after).isNotNull().isNotEqualTo(before);

		TestClient attacker = TestClient.browser(this.port);
		TestClient.Response planted = attacker.send(attacker.request("/media").header("Cookie", "SESSION=" + before));
		assertThat(planted.status()).isEqualTo(302);
	}

	@Test
	void aSessionWhoseAccountWasDisabledOrChangedBehindItsBackIsSignedOutOnItsNextRequest() {
		// The account changes as a sign-in that was under way during the change would see
		// it: its
		// session was never among those the change ended.
		Person disabled = this.fixtures.member(this.port);
		Person promoted = this.fixtures.member(this.port);
		TestClient first = TestClient.browser(this.port);
		first.signIn(disabled.username(), disabled.password());
		TestClient second = TestClient.browser(this.port);
		second.signIn(promoted.username(), promoted.password());
		assertThat(first.get("/media").status()).isEqualTo(200);
		assertThat(second.get("/media").status()).isEqualTo(200);

		this.jdbc.sql("update account set disabled_at = current_timestamp where id = :id")
			.param("id", disabled.id())
			.update();
		this.jdbc.sql("update account set role = 'admin' where id = :id").param("id", promoted.id()).update();

		assertThat(first.get("/media").header("Location")).endsWith("/login");
		assertThat(first.json("GET", "/api/v1/media", null).status()).isEqualTo(401);
		assertThat(second.get("/media").header("Location")).as("signs in again to act as an admin").endsWith("/login");
		assertThat(second.signIn(promoted.username(), promoted.password()).header("Location")).endsWith("/media");
		assertThat(second.get("/admin/users").status()).isEqualTo(200);
	}

	@Test
	void signingInReturnsToThePageAskedForAndRemembersNothingElseOfTheRequest() {
		Person member = this.fixtures.member(this.port);
		long item = member.createLinked("Asked for", "room");
		TestClient browser = TestClient.browser(this.port);
		TestClient.Response asked = browser.send(
				browser.request("/media/" + item + "?from=mail").header("Cookie", "GUESTPASS_GUEST=" + "G".repeat(43)));
		assertThat(asked.status()).isEqualTo(302);
		assertThat(asked.header("Location")).endsWith("/login");
		browser.json("GET", "/api/v1/media", null);

		TestClient.Response signedIn = browser.signIn(member.username(), member.password());
		assertThat(signedIn.header("Location")).as("the page, not the API call after it")
			.endsWith("/media/" + item + "?from=mail");
		assertThat(browser.signIn(member.username(), member.password()).header("Location")).as("only once")
			.endsWith("/media");
	}

	@Test
	void behindAnHttpsProxyTheSessionCookieIsSecureAndKeptToThisHost() {
		Person member = this.fixtures.member(this.port);
		TestClient browser = TestClient.browser(this.port);
		TestClient.Response page = browser.send(browser.request("/login").header("X-Forwarded-Proto", "https"));
		String formSession = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith("__Host-SESSION="))
			.findFirst()
			.orElseThrow();
		TestClient.Response signedIn = browser.send(browser.request("/login")
			.header("X-Forwarded-Proto", "https")
			.header("Cookie", formSession.substring(0, formSession.indexOf(';')))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", member.username(), "password",
					member.password(), "_csrf", csrfToken(page.body()))))));
		assertThat(signedIn.status()).isEqualTo(302);
		String cookie = signedIn.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith("__Host-SESSION="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("Secure")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.contains("Path=/")
			.doesNotContain("Domain");
		assertThat(signedIn.header("Strict-Transport-Security")).contains("max-age=");
	}

	private static String form(Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return body.toString();
	}

}
