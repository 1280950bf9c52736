package org.guestpass.system;

import java.net.http.HttpRequest;

import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSRF tokens are bound to the server-side session: whoever can set a cookie for this
 * host (a sibling subdomain) cannot choose a token, nor use one from a session of their
 * own, nor plant a session cookie behind HTTPS, where only the {@code __Host-} cookie
 * counts.
 */
@IntegrationTest
class CsrfIntegrationTests {

	private static final String CHOSEN = "attacker-chosen-token";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void aTokenTheAttackerChoseIsRefusedEvenWithAMatchingCookie() {
		Person member = this.fixtures.member(this.port);
		long item = member.createLinked("Keep me", "room");
		TestClient victim = TestClient.browser(this.port);
		victim.signIn(member.username(), member.password());

		TestClient.Response forged = victim.send(victim.request("/media/" + item + "/delete")
			.header("Cookie", "XSRF-TOKEN=" + CHOSEN)
			.header("X-XSRF-TOKEN", CHOSEN)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + CHOSEN)));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(member.api().get("/api/v1/media/" + item).status()).as("still there").isEqualTo(200);
	}

	@Test
	void aSignInWithATokenTheAttackerChoseIsRefused() {
		Person member = this.fixtures.member(this.port);
		TestClient victim = TestClient.browser(this.port);
		TestClient.Response forged = victim.send(victim.request("/login")
			.header("Cookie", "XSRF-TOKEN=" + CHOSEN)
			.header("X-XSRF-TOKEN", CHOSEN)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + member.username() + "&password=" + member.password() + "&_csrf=" + CHOSEN)));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(victim.get("/media").status()).as("not signed in").isEqualTo(302);
	}

	@Test
	void aTokenOfAnotherSessionIsRefused() {
		Person member = this.fixtures.member(this.port);
		long item = member.createLinked("Keep me too", "room");
		TestClient attacker = TestClient.browser(this.port);
		attacker.get("/login");
		String attackersToken = attacker.csrfToken();
		TestClient victim = TestClient.browser(this.port);
		victim.signIn(member.username(), member.password());

		TestClient.Response forged = victim.send(victim.request("/media/" + item + "/delete")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + attackersToken)));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(member.api().get("/api/v1/media/" + item).status()).isEqualTo(200);
	}

	@Test
	void behindHttpsASessionCookieWithoutTheHostPrefixCountsForNothing() {
		Person member = this.fixtures.member(this.port);
		TestClient planted = TestClient.browser(this.port);
		planted.signIn(member.username(), member.password());
		String session = planted.cookie("SESSION");
		assertThat(planted.get("/media").status()).isEqualTo(200);

		TestClient viaHttps = TestClient.browser(this.port);
		TestClient.Response answer = viaHttps.send(
				viaHttps.request("/media").header("X-Forwarded-Proto", "https").header("Cookie", "SESSION=" + session));

		assertThat(answer.status()).as("a cookie any subdomain could have set").isEqualTo(302);
		assertThat(answer.header("Location")).endsWith("/login");
	}

}
