package org.guestpass.account;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.assertAccessiblePage;
import static org.guestpass.PageChecks.assertErrorNextToField;
import static org.guestpass.PageChecks.one;
import static org.guestpass.PageChecks.select;
import static org.guestpass.PageChecks.textOf;

/**
 * Passwords against the 72 bytes BCrypt reads, counted in UTF-8: an accented letter takes
 * 2 bytes and an emoji 4. A password over the limit is a field error on the API and on
 * the users page, never a 500; at sign-in it is a wrong password like any other.
 */
@IntegrationTest
class LongPasswordsIntegrationTests {

	static final String TOO_LONG = "Use at most 72 bytes: a letter or digit without an accent takes 1, an accented letter 2, an emoji 4.";

	/** Passwords that follow the rule, with their size in bytes. */
	static final List<String> ACCEPTED = List.of("é".repeat(30), "a".repeat(72), "é".repeat(36), "😀".repeat(18),
			"p".repeat(70) + "é");

	/** Passwords over 72 bytes. */
	static final List<String> REFUSED = List.of("a".repeat(80), "é".repeat(37), "😀".repeat(19), "p".repeat(71) + "é",
			"x".repeat(200), "y".repeat(5000));

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Person admin;

	@BeforeEach
	void anAdmin() {
		this.admin = this.fixtures.admin(this.port);
	}

	@Test
	void theApiCreatesUsersWithPasswordsUpToSeventyTwoBytesAndRefusesLongerOnesAsAFieldError() {
		for (String password : REFUSED) {
			String username = newUsername();
			TestClient.Response refused = this.admin.api()
				.json("POST", "/api/v1/admin/users", newUser(username, password));

			assertThat(refused.status()).as(describe(password)).isEqualTo(400);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("validation_failed");
			assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].field")).containsExactly("password");
			assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].message")).containsExactly(TOO_LONG);
			assertThat(refused.body()).doesNotContain(password);
			assertThat(accountsNamed(username)).isZero();
		}
		for (String password : ACCEPTED) {
			String username = newUsername();
			TestClient.Response created = this.admin.api()
				.json("POST", "/api/v1/admin/users", newUser(username, password));

			assertThat(created.status()).as(describe(password)).isEqualTo(201);
			assertSignsIn(username, password);
		}
	}

	@Test
	void theUsersPageCreatesUsersWithPasswordsUpToSeventyTwoBytesAndShowsAnErrorForLongerOnes() {
		TestClient browser = signedIn(this.admin);
		for (String password : REFUSED) {
			String username = newUsername();
			browser.get("/admin/users");
			TestClient.Response refused = browser.postForm("/admin/users",
					Map.of("username", username, "password", password, "role", "member"));

			assertThat(refused.status()).as(describe(password)).isEqualTo(400);
			assertErrorNextToField(refused.body(), "password", TOO_LONG);
			assertAccessiblePage(refused.body());
			assertThat(refused.text()).doesNotContain(password);
			assertThat(accountsNamed(username)).isZero();
		}
		for (String password : ACCEPTED) {
			String username = newUsername();
			browser.get("/admin/users");
			TestClient.Response created = browser.postForm("/admin/users",
					Map.of("username", username, "password", password, "role", "member"));

			assertThat(created.status()).as(describe(password)).isEqualTo(302);
			assertSignsIn(username, password);
		}
	}

	@Test
	void theUsersPageSaysTheRuleAndItsFieldTakesNoMoreThanSeventyTwoCharacters() {
		TestClient.Response page = signedIn(this.admin).get("/admin/users");

		assertThat(select(page.body(), "input#password[minlength=12][maxlength=72]")).as("the password field")
			.isNotEmpty();
		assertThat(page.body()).contains("aria-describedby=\"password-hint\"").doesNotContain("maxlength=\"200\"");
		assertThat(one(page.body(), "#password-hint").is("p.hint")).isTrue();
		assertThat(textOf(page.body(), "#password-hint")).isEqualTo("At least 12 characters and at most 72"
				+ " bytes: a letter or digit without an accent takes 1 byte, an accented letter 2, an emoji 4.");
	}

	@Test
	void aPasswordOverSeventyTwoBytesAtSignInIsAWrongPasswordEvenWhenItStartsWithTheRightOne() {
		// BCrypt compares only the first 72 bytes: without a check of its own, the first
		// three would sign in.
		String password = "r".repeat(72);
		for (String typed : List.of(password + "!", password + "é", password + "😀", "w".repeat(80), "é".repeat(40),
				"😀".repeat(19), "z".repeat(5000))) {
			// One account each, so the sign-in throttle (five failures per account) never
			// answers instead.
			String username = newUsername();
			assertThat(this.admin.api().json("POST", "/api/v1/admin/users", newUser(username, password)).status())
				.isEqualTo(201);
			TestClient browser = TestClient.browser(this.port);
			browser.get("/login");

			TestClient.Response refused = browser.postForm("/login", Map.of("username", username, "password", typed));

			assertThat(refused.status()).as(describe(typed)).isEqualTo(302);
			assertThat(refused.header("Location")).as(describe(typed)).endsWith("/login?error");
			assertThat(browser.get("/login?error").text()).contains("The user name or password is not right.");
			assertThat(browser.get("/media").status()).as("signed in with " + describe(typed)).isEqualTo(302);
			assertSignsIn(username, password);
		}
		TestClient stranger = TestClient.browser(this.port);
		stranger.get("/login");
		TestClient.Response unknown = stranger.postForm("/login",
				Map.of("username", "nobody-" + SEQUENCE.incrementAndGet(), "password", "😀".repeat(100)));
		assertThat(unknown.status()).as("an unknown user").isEqualTo(302);
		assertThat(unknown.header("Location")).endsWith("/login?error");
	}

	private void assertSignsIn(String username, String password) {
		TestClient browser = TestClient.browser(this.port);
		TestClient.Response signedIn = browser.signIn(username, password);
		assertThat(signedIn.status()).as("signing in with " + describe(password)).isEqualTo(302);
		assertThat(signedIn.header("Location")).as("signing in with " + describe(password)).endsWith("/media");
	}

	private TestClient signedIn(Person person) {
		return TestClient.signedIn(this.port, person.username(), person.password());
	}

	private static String newUser(String username, String password) {
		return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"member\"}";
	}

	private static String describe(String password) {
		return password.codePointCount(0, password.length()) + " characters, "
				+ password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes";
	}

	private static String newUsername() {
		return "long-secret-" + SEQUENCE.incrementAndGet();
	}

	private int accountsNamed(String username) {
		return this.jdbc.sql("select count(*) from account where username = :username")
			.param("username", username)
			.query(Integer.class)
			.single();
	}

}
