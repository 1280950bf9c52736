package org.guestpass.account;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Concurrently;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.column;
import static org.guestpass.PageChecks.rows;
import static org.guestpass.PageChecks.textOf;

/**
 * People over real HTTP: signing in and out with the form, personal API tokens, and the
 * admin's user management through the API and the users page.
 */
@IntegrationTest
class AccountIntegrationTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void signingInWithTheFormOpensTheMediaLibrary() {
		Person member = this.fixtures.member(this.port);
		TestClient browser = TestClient.browser(this.port);
		TestClient.Response login = browser.get("/login");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.text()).contains("Sign in to GuestPass").contains("User name").contains("Password");

		TestClient.Response signedIn = browser.postForm("/login",
				Map.of("username", member.username(), "password", member.password()));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/media");
		TestClient.Response library = browser.get("/media");
		assertThat(library.status()).isEqualTo(200);
		assertThat(library.text()).contains(member.username()).contains("Sign out");
	}

	@Test
	void aWrongPasswordDoesNotSignIn() {
		Person member = this.fixtures.member(this.port);
		TestClient browser = TestClient.browser(this.port);
		browser.get("/login");

		TestClient.Response refused = browser.postForm("/login",
				Map.of("username", member.username(), "password", member.password() + "-wrong"));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.header("Location")).endsWith("/login?error");
		assertThat(browser.get("/login?error").text()).contains("The user name or password is not right.");
		assertRedirectsToLogin(browser.get("/media"));
	}

	@Test
	void anUnknownUserDoesNotSignIn() {
		TestClient browser = TestClient.browser(this.port);
		browser.get("/login");

		TestClient.Response refused = browser.postForm("/login",
				Map.of("username", "nobody-" + SEQUENCE.incrementAndGet(), "password", "a-long-enough-password"));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.header("Location")).endsWith("/login?error");
		assertRedirectsToLogin(browser.get("/media"));
	}

	@Test
	void signingOutEndsTheSession() {
		Person member = this.fixtures.member(this.port);
		TestClient browser = signIn(member.username(), member.password());
		assertThat(browser.get("/media").status()).isEqualTo(200);

		TestClient.Response signedOut = browser.postForm("/logout", Map.of());
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(signedOut.header("Location")).endsWith("/login?logout");
		assertThat(browser.get("/login?logout").text()).contains("You have signed out.");
		assertRedirectsToLogin(browser.get("/media"));
	}

	@Test
	void signingOutNeedsTheCsrfToken() {
		Person member = this.fixtures.member(this.port);
		TestClient browser = signIn(member.username(), member.password());
		assertThat(browser.get("/media").status()).isEqualTo(200);

		TestClient.Response forged = browser.send(browser.request("/logout")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("")));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(browser.get("/media").status()).isEqualTo(200);
	}

	@Test
	void theFirstAdminSignsInWithTheConfiguredPassword() {
		TestClient browser = signIn("admin", "admin-password-for-tests");
		assertThat(browser.get("/media").status()).isEqualTo(200);
		TestClient.Response users = browser.get("/admin/users");
		assertThat(users.status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select role from account where username = 'admin'").query(String.class).single())
			.isEqualTo("admin");
	}

	@Test
	void aSignedInBrowserCreatesAnApiTokenThatWorksAsBearer() {
		Person member = this.fixtures.member(this.port);
		TestClient browser = signIn(member.username(), member.password());
		browser.get("/media");

		TestClient.Response issued = withXsrf(browser, "POST", "/api/v1/me/tokens", "{\"name\":\"  Laptop  \"}");
		assertThat(issued.status()).isEqualTo(201);
		long id = ((Number) JsonPath.read(issued.body(), "$.id")).longValue();
		assertThat(issued.header("Location")).endsWith("/api/v1/me/tokens/" + id);
		assertThat((String) JsonPath.read(issued.body(), "$.name")).isEqualTo("Laptop");
		String token = JsonPath.read(issued.body(), "$.token");
		assertThat(token).matches("gp_[A-Za-z0-9_-]{43}");

		TestClient.Response media = TestClient.api(this.port, token).get("/api/v1/media");
		assertThat(media.status()).isEqualTo(200);

		TestClient.Response listed = browser.json("GET", "/api/v1/me/tokens", null);
		assertThat(listed.status()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(listed.body(), "$[*].name")).containsExactly("tests", "Laptop");
		assertThat((String) JsonPath.read(listed.body(), "$[1].lastUsedAt")).isNotNull();
		assertThat(listed.body()).doesNotContain(token).doesNotContain(secretOf(token)).doesNotContain("\"token\"");
	}

	@Test
	void creatingAnApiTokenFromTheBrowserNeedsTheCsrfHeader() {
		Person member = this.fixtures.member(this.port);
		TestClient browser = signIn(member.username(), member.password());
		browser.get("/media");
		assertThat(browser.cookie("XSRF-TOKEN")).as("no token in a cookie: it lives in the session").isNull();

		TestClient.Response forged = browser.json("POST", "/api/v1/me/tokens", "{\"name\":\"Forged\"}");
		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(forged.body(), "$.code")).isEqualTo("forbidden");

		TestClient.Response wrong = browser
			.send(jsonRequest(browser, "POST", "/api/v1/me/tokens", "{\"name\":\"Forged\"}").header("X-CSRF-TOKEN",
					"not-the-token"));
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(tokenNames(member.id())).containsExactly("tests");
	}

	@Test
	void theDatabaseHoldsNoCopyOfAnApiToken() {
		Person member = this.fixtures.member(this.port);
		TestClient browser = signIn(member.username(), member.password());
		browser.get("/media");
		String token = JsonPath.read(withXsrf(browser, "POST", "/api/v1/me/tokens", "{\"name\":\"Script\"}").body(),
				"$.token");

		List<String> stored = this.jdbc
			.sql("select name || ' ' || token_hash from api_token where account_id = :account")
			.param("account", member.id())
			.query(String.class)
			.list();
		assertThat(stored).hasSize(2);
		assertThat(stored).allSatisfy((row) -> assertThat(row).doesNotContain(secretOf(token)));
	}

	@Test
	void aRevokedTokenIsRefusedWithAProblem() {
		Person member = this.fixtures.member(this.port);
		TestClient browser = signIn(member.username(), member.password());
		browser.get("/media");
		TestClient.Response issued = withXsrf(browser, "POST", "/api/v1/me/tokens", "{\"name\":\"Short-lived\"}");
		long id = ((Number) JsonPath.read(issued.body(), "$.id")).longValue();
		TestClient api = TestClient.api(this.port, JsonPath.read(issued.body(), "$.token"));
		assertThat(api.get("/api/v1/media").status()).isEqualTo(200);

		TestClient.Response revoked = withXsrf(browser, "DELETE", "/api/v1/me/tokens/" + id, null);
		assertThat(revoked.status()).isEqualTo(204);
		assertThat(withXsrf(browser, "DELETE", "/api/v1/me/tokens/" + id, null).status()).isEqualTo(404);

		assertUnauthorized(api.get("/api/v1/media"));
		assertThat(tokenNames(member.id())).containsExactly("tests");
	}

	@Test
	void aMadeUpTokenIsRefused() {
		assertUnauthorized(TestClient.api(this.port, "gp_" + "A".repeat(43)).get("/api/v1/media"));
		assertUnauthorized(TestClient.api(this.port, "gp_not-even-the-right-shape").get("/api/v1/media"));
		assertUnauthorized(TestClient.api(this.port, "A".repeat(46)).get("/api/v1/media"));
	}

	@Test
	void anApiRequestWithoutCredentialsIsUnauthorizedNotRedirected() {
		TestClient.Response response = TestClient.browser(this.port).json("GET", "/api/v1/media", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("unauthorized");
	}

	@Test
	void onlyItsOwnerRevokesAToken() {
		Person owner = this.fixtures.member(this.port);
		Person stranger = this.fixtures.member(this.port);
		long tokenId = this.jdbc.sql("select id from api_token where account_id = :account")
			.param("account", owner.id())
			.query(Long.class)
			.single();

		TestClient.Response refused = stranger.api().json("DELETE", "/api/v1/me/tokens/" + tokenId, null);
		assertThat(refused.status()).isEqualTo(404);
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("not_found");
		assertThat(owner.api().get("/api/v1/media").status()).isEqualTo(200);
	}

	@Test
	void anAdminCreatesAUserThroughTheApi() {
		Person admin = this.fixtures.admin(this.port);
		String username = newUsername();

		TestClient.Response created = admin.api()
			.json("POST", "/api/v1/admin/users",
					"{\"username\":\"" + username + "\",\"password\":\"a-long-password\",\"role\":\"member\"}");
		assertThat(created.status()).isEqualTo(201);
		long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		assertThat(created.header("Location")).endsWith("/api/v1/admin/users/" + id);
		assertThat((String) JsonPath.read(created.body(), "$.username")).isEqualTo(username);
		assertThat((String) JsonPath.read(created.body(), "$.role")).isEqualTo("member");
		assertThat((String) JsonPath.read(created.body(), "$.guestLinks")).isEqualTo("policy");
		assertThat(created.body()).doesNotContain("a-long-password").doesNotContainIgnoringCase("passwordHash");

		TestClient.Response users = admin.api().json("GET", "/api/v1/admin/users", null);
		assertThat((List<String>) JsonPath.read(users.body(), "$[*].username")).contains(username, "admin");
		assertThat(users.body()).doesNotContainIgnoringCase("password");
		assertThat(signIn(username, "a-long-password").get("/media").status()).isEqualTo(200);
	}

	@Test
	void refusesADuplicateUserNameAndWritesNothing() {
		Person admin = this.fixtures.admin(this.port);
		Person member = this.fixtures.member(this.port);

		TestClient.Response refused = admin.api()
			.json("POST", "/api/v1/admin/users", "{\"username\":\"" + member.username()
					+ "\",\"password\":\"another-long-password\",\"role\":\"admin\"}");
		assertProblemOnField(refused, "username", "This user name is taken.");
		assertThat(this.accounts.find(member.id()).orElseThrow().role()).isEqualTo(Role.member);
		assertThat(accountsNamed(member.username())).isEqualTo(1);
	}

	@Test
	void twentySimultaneousCreationsOfOneUserNameMakeOneAccountAndRefuseTheRest() throws Exception {
		Person admin = this.fixtures.admin(this.port);
		String username = "racer-" + System.nanoTime();

		List<TestClient.Response> answers = Concurrently.run(20,
				(i) -> admin.api()
					.json("POST", "/api/v1/admin/users", "{\"username\":\"" + username
							+ "\",\"password\":\"racing-password-" + i + "\",\"role\":\"member\"}"));

		assertThat(answers).extracting(TestClient.Response::status).containsOnly(201, 400);
		assertThat(answers).filteredOn((answer) -> answer.status() == 201).hasSize(1);
		answers.stream()
			.filter((answer) -> answer.status() == 400)
			.forEach((answer) -> assertProblemOnField(answer, "username", "This user name is taken."));
		assertThat(accountsNamed(username)).isEqualTo(1);
	}

	@Test
	void refusesAnInvalidUserNameAndWritesNothing() {
		Person admin = this.fixtures.admin(this.port);
		int before = accountCount();

		TestClient.Response refused = admin.api()
			.json("POST", "/api/v1/admin/users",
					"{\"username\":\"A B\",\"password\":\"a-long-password\",\"role\":\"member\"}");
		assertProblemOnField(refused, "username", "Use 3 to 50 letters, digits, dots, dashes or underscores.");
		assertThat(accountsNamed("a b") + accountsNamed("A B")).isZero();
		assertThat(accountCount()).isEqualTo(before);
	}

	@Test
	void refusesAPasswordUnderTwelveCharactersAndWritesNothing() {
		Person admin = this.fixtures.admin(this.port);
		String username = newUsername();

		TestClient.Response refused = admin.api()
			.json("POST", "/api/v1/admin/users",
					"{\"username\":\"" + username + "\",\"password\":\"elevenchars\",\"role\":\"member\"}");
		assertProblemOnField(refused, "password", "Use at least 12 characters.");
		assertThat(accountsNamed(username)).isZero();
	}

	@Test
	void refusesMissingOrUnknownFieldsAndWritesNothing() {
		Person admin = this.fixtures.admin(this.port);
		int before = accountCount();
		String username = newUsername();
		for (String body : List.of("{}", "{\"username\":\"" + username + "\",\"password\":\"a-long-password\"}",
				"{\"username\":\"" + username + "\",\"password\":\"a-long-password\",\"role\":\"owner\"}",
				"{\"username\":\"\",\"password\":\"a-long-password\",\"role\":\"member\"}", "not json")) {
			TestClient.Response refused = admin.api().json("POST", "/api/v1/admin/users", body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.header("Content-Type")).as(body).startsWith("application/problem+json");
			assertThat((String) JsonPath.read(refused.body(), "$.code")).as(body)
				.isIn("validation_failed", "malformed_request");
			assertThat(refused.body()).as(body).doesNotContain("Exception");
		}
		assertThat(accountCount()).isEqualTo(before);
	}

	@Test
	void aMemberMayNotManageUsers() {
		Person member = this.fixtures.member(this.port);
		int before = accountCount();

		TestClient.Response list = member.api().json("GET", "/api/v1/admin/users", null);
		assertForbiddenProblem(list);
		TestClient.Response create = member.api()
			.json("POST", "/api/v1/admin/users",
					"{\"username\":\"" + newUsername() + "\",\"password\":\"a-long-password\",\"role\":\"admin\"}");
		assertForbiddenProblem(create);
		TestClient.Response promote = member.api()
			.json("PUT", "/api/v1/admin/users/" + member.id(), "{\"role\":\"admin\",\"guestLinks\":\"allow\"}");
		assertForbiddenProblem(promote);

		assertThat(accountCount()).isEqualTo(before);
		assertThat(this.accounts.find(member.id()).orElseThrow().role()).isEqualTo(Role.member);
	}

	@Test
	void anAdminChangesAUsersRoleAndGuestLinkPermission() {
		Person admin = this.fixtures.admin(this.port);
		Person member = this.fixtures.member(this.port);

		TestClient.Response changed = admin.api()
			.json("PUT", "/api/v1/admin/users/" + member.id(), "{\"role\":\"admin\",\"guestLinks\":\"deny\"}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(changed.body(), "$.role")).isEqualTo("admin");
		assertThat((String) JsonPath.read(changed.body(), "$.guestLinks")).isEqualTo("deny");
		Account account = this.accounts.find(member.id()).orElseThrow();
		assertThat(account.role()).isEqualTo(Role.admin);
		assertThat(account.guestLinks()).isEqualTo(GuestLinkPermission.deny);
		assertThat(member.api().json("GET", "/api/v1/admin/users", null).status()).isEqualTo(200);
	}

	@Test
	void changingAnUnknownUserIsNotFound() {
		Person admin = this.fixtures.admin(this.port);

		TestClient.Response missing = admin.api()
			.json("PUT", "/api/v1/admin/users/999999999", "{\"role\":\"admin\",\"guestLinks\":\"allow\"}");
		assertThat(missing.status()).isEqualTo(404);
		assertThat((String) JsonPath.read(missing.body(), "$.code")).isEqualTo("not_found");
		assertThat(admin.api()
			.json("PUT", "/api/v1/admin/users/abc", "{\"role\":\"admin\",\"guestLinks\":\"allow\"}")
			.status()).isEqualTo(404);
	}

	@Test
	void refusesAnInvalidChangeAndKeepsTheUser() {
		Person admin = this.fixtures.admin(this.port);
		Person member = this.fixtures.member(this.port);
		for (String body : List.of("{}", "{\"role\":\"admin\"}", "{\"role\":\"owner\",\"guestLinks\":\"allow\"}",
				"{\"role\":\"admin\",\"guestLinks\":\"maybe\"}")) {
			TestClient.Response refused = admin.api().json("PUT", "/api/v1/admin/users/" + member.id(), body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat((String) JsonPath.read(refused.body(), "$.code")).as(body).isEqualTo("validation_failed");
		}
		Account account = this.accounts.find(member.id()).orElseThrow();
		assertThat(account.role()).isEqualTo(Role.member);
		assertThat(account.guestLinks()).isEqualTo(GuestLinkPermission.policy);
	}

	@Test
	void theUsersPageListsEveryUser() {
		Person admin = this.fixtures.admin(this.port);
		Person member = this.fixtures.member(this.port);
		TestClient browser = signIn(admin.username(), admin.password());

		TestClient.Response page = browser.get("/admin/users");
		assertThat(page.status()).isEqualTo(200);
		assertThat(textOf(page.body(), "h1")).isEqualTo("Users");
		assertThat(page.text()).contains("Create a user");
		List<String> listed = column(rows(page.body(), "table.users"), 0);
		assertThat(this.accounts.all()).extracting(Account::username)
			.contains("admin", admin.username(), member.username())
			.allSatisfy((username) -> assertThat(listed).as("user names listed").contains(username));
	}

	@Test
	void theUsersPageCreatesAUser() {
		Person admin = this.fixtures.admin(this.port);
		TestClient browser = signIn(admin.username(), admin.password());
		browser.get("/admin/users");
		String username = newUsername();

		TestClient.Response created = browser.postForm("/admin/users",
				Map.of("username", username, "password", "a-long-password", "role", "admin"));
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.header("Location")).endsWith("/admin/users");
		TestClient.Response page = browser.get("/admin/users");
		assertThat(page.text()).contains("Created " + username + ".");
		assertThat(column(rows(page.body(), "table.users"), 0)).as("user names listed").contains(username);
		assertThat(this.jdbc.sql("select role from account where username = :username")
			.param("username", username)
			.query(String.class)
			.single()).isEqualTo("admin");
	}

	@Test
	void theUsersPageShowsWhatIsWrongNextToTheField() {
		Person admin = this.fixtures.admin(this.port);
		TestClient browser = signIn(admin.username(), admin.password());
		browser.get("/admin/users");
		int before = accountCount();
		String username = newUsername();

		TestClient.Response taken = browser.postForm("/admin/users",
				Map.of("username", admin.username(), "password", "a-long-password", "role", "member"));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.text()).contains("id=\"username-error\">This user name is taken.</p>")
			.contains("aria-describedby=\"username-error\"");

		TestClient.Response invalid = browser.postForm("/admin/users",
				Map.of("username", "A B", "password", "a-long-password", "role", "member"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.text())
			.contains("id=\"username-error\">Use 3 to 50 letters, digits, dots, dashes or underscores.</p>");

		TestClient.Response shortPassword = browser.postForm("/admin/users",
				Map.of("username", username, "password", "elevenchars", "role", "member"));
		assertThat(shortPassword.status()).isEqualTo(400);
		assertThat(shortPassword.text()).contains("id=\"password-error\">Use at least 12 characters.</p>")
			.doesNotContain("id=\"username-error\"")
			.doesNotContain("elevenchars");

		TestClient.Response empty = browser.postForm("/admin/users",
				Map.of("username", "", "password", "", "role", "member"));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.text()).contains("id=\"username-error\">Enter a user name.</p>")
			.contains("id=\"password-error\">Enter a password.</p>");

		assertThat(accountCount()).isEqualTo(before);
	}

	@Test
	void aMemberMayNotOpenTheUsersPage() {
		Person member = this.fixtures.member(this.port);
		TestClient browser = signIn(member.username(), member.password());
		browser.get("/media");
		int before = accountCount();

		TestClient.Response page = browser.get("/admin/users");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.text()).contains("You can't open this page").doesNotContain("Create a user");
		browser.get("/media");
		TestClient.Response create = browser.postForm("/admin/users",
				Map.of("username", newUsername(), "password", "a-long-password", "role", "admin"));
		assertThat(create.status()).isEqualTo(403);
		assertThat(accountCount()).isEqualTo(before);
	}

	@Test
	void theUsersPageNeedsSigningIn() {
		assertRedirectsToLogin(TestClient.browser(this.port).get("/admin/users"));
	}

	private TestClient signIn(String username, String password) {
		return TestClient.signedIn(this.port, username, password);
	}

	/**
	 * What a page's script sends: the session cookie, and the page's CSRF token in a
	 * header.
	 */
	private static TestClient.Response withXsrf(TestClient browser, String method, String path, String json) {
		return browser.sessionJson(method, path, json);
	}

	private static HttpRequest.Builder jsonRequest(TestClient browser, String method, String path, String json) {
		HttpRequest.Builder request = browser.request(path)
			.setHeader("Accept", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return request;
	}

	private static void assertRedirectsToLogin(TestClient.Response response) {
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	private static void assertUnauthorized(TestClient.Response response) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("unauthorized");
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(401);
	}

	private static void assertForbiddenProblem(TestClient.Response response) {
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("forbidden");
	}

	private static void assertProblemOnField(TestClient.Response response, String field, String message) {
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("validation_failed");
		assertThat((List<String>) JsonPath.read(response.body(), "$.errors[*].field")).containsExactly(field);
		assertThat((List<String>) JsonPath.read(response.body(), "$.errors[*].message")).containsExactly(message);
	}

	private static String secretOf(String token) {
		return token.substring("gp_".length());
	}

	private static String newUsername() {
		return "new-user-" + SEQUENCE.incrementAndGet();
	}

	private List<String> tokenNames(long accountId) {
		return this.jdbc.sql("select name from api_token where account_id = :account order by id")
			.param("account", accountId)
			.query(String.class)
			.list();
	}

	private int accountsNamed(String username) {
		return this.jdbc.sql("select count(*) from account where username = :username")
			.param("username", username)
			.query(Integer.class)
			.single();
	}

	private int accountCount() {
		return this.jdbc.sql("select count(*) from account").query(Integer.class).single();
	}

}
