package org.guestpass.lti;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import static org.guestpass.PageChecks.assertAccessiblePage;
import static org.guestpass.PageChecks.assertErrorNextToField;
import static org.guestpass.PageChecks.assertNoErrorOnField;
import static org.guestpass.PageChecks.columnHeads;
import static org.guestpass.PageChecks.control;
import static org.guestpass.PageChecks.count;
import static org.guestpass.PageChecks.rowWith;
import static org.guestpass.PageChecks.selectedOption;
import static org.guestpass.PageChecks.textOf;
import static org.guestpass.PageChecks.textsOf;

/**
 * The admins' LMS platforms page, signed in through the form and without JavaScript: the
 * list, adding with and without a Canvas preset, each refusal next to its field with what
 * was typed kept, changing, removing after a confirmation, and who may do it.
 */
@IntegrationTest
class PlatformsPageIntegrationTests {

	private static final String PAGE = "/admin/lti";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Platforms platforms;

	TestClient browser;

	@BeforeEach
	void signInAnAdmin() {
		Person admin = this.fixtures.admin(this.port);
		this.browser = TestClient.signedIn(this.port, admin.username(), admin.password());
	}

	@Test
	void aMemberMayNotOpenThePageNorAddAPlatform() {
		Person member = this.fixtures.member(this.port);
		TestClient memberBrowser = TestClient.signedIn(this.port, member.username(), member.password());

		assertThat(memberBrowser.get(PAGE).status()).isEqualTo(403);
		memberBrowser.get("/media");
		String client = client();
		assertThat(memberBrowser.postForm(PAGE, moodle("Moodle", client)).status()).isEqualTo(403);
		assertThat(registered(client)).isEmpty();
		assertThat(memberBrowser.get("/media").body()).doesNotContain("LMS platforms");
		assertThat(TestClient.browser(this.port).get(PAGE).header("Location")).endsWith("/login");
	}

	@Test
	void anAdminSeesTheFormTheHelpAndGuestPasssUrls() {
		TestClient.Response page = this.browser.get(PAGE);

		assertThat(page.status()).isEqualTo(200);
		assertThat(textOf(page.body(), "h1")).isEqualTo("LMS platforms");
		assertThat(textsOf(page.body(), "nav[aria-label=Main] a")).contains("LMS platforms");
		assertThat(textsOf(page.body(), "select#preset > option")).containsExactly("Canvas", "Canvas (beta)",
				"Canvas (test)", "Other (Moodle, Brightspace, your own Canvas)");
		assertThat(selectedOption(page.body(), "preset")).isEqualTo("canvas");
		assertThat(textOf(page.body(), "label[for=preset]")).isEqualTo("Platform");
		assertThat(textOf(page.body(), "label[for=name]")).isEqualTo("Name");
		assertThat(textOf(page.body(), "label[for=issuer]")).isEqualTo("Issuer");
		assertThat(textOf(page.body(), "label[for=clientId]")).isEqualTo("Client ID");
		assertThat(textOf(page.body(), "label[for=deploymentIds]")).isEqualTo("Deployment IDs");
		assertThat(control(page.body(), "deploymentIds").tagName()).isEqualTo("textarea");
		assertThat(textOf(page.body(), "label[for=authorizationUrl]")).isEqualTo("Authentication request URL");
		assertThat(textOf(page.body(), "label[for=tokenUrl]")).isEqualTo("Access token URL");
		assertThat(textOf(page.body(), "label[for=jwksUrl]")).isEqualTo("Public keyset URL");
		assertThat(textOf(page.body(), "form[action=/admin/lti] button[type=submit]")).isEqualTo("Add platform");
		assertThat(textOf(page.body(), "#help-title")).isEqualTo("What to type for Moodle and Brightspace");
		assertThat(textOf(page.body(), ".platform-help")).contains("https://<moodle>/mod/lti/auth.php")
			.contains("https://<moodle>/mod/lti/token.php")
			.contains("https://<moodle>/mod/lti/certs.php")
			.contains("https://moodle.school.example")
			.contains("Site administration > Plugins > Activity modules > External tool > Manage tools")
			.contains("View configuration details")
			.contains("https://<host>/d2l/lti/authenticate")
			.contains("https://auth.brightspace.com/core/connect/token")
			.contains("https://<host>/d2l/.well-known/jwks")
			.contains("Admin Tools > Manage Extensibility > LTI Advantage");
		String base = "http://localhost:" + this.port;
		assertThat(textsOf(page.body(), ".tool-urls code")).containsExactly(base + "/lti/login", base + "/lti/launch",
				base + "/lti/jwks");
		assertAccessiblePage(page.body());
	}

	@Test
	void withNoPlatformTheEmptyStateSaysSo() {
		this.platforms.list().forEach((platform) -> this.platforms.remove(platform.id(), Actor.user("test")));

		TestClient.Response page = this.browser.get(PAGE);

		assertThat(textOf(page.body(), ".empty"))
			.isEqualTo("No platforms are registered yet, so no one can open GuestPass from an LMS.");
		assertThat(count(page.body(), "table.platforms")).isZero();
		assertAccessiblePage(page.body());
	}

	@Test
	void addingWithTheCanvasPresetFillsTheIssuerAndTheUrlsAndListsTheRow() {
		String client = client();
		this.browser.get(PAGE);

		TestClient.Response added = this.browser.postForm(PAGE, form("canvas", "Canvas (school.instructure.com)", "",
				client, "12:8865aa05\n\n 13:ab , 14:cd ", "", "", ""));

		assertThat(added.status()).isEqualTo(302);
		assertThat(added.header("Location")).endsWith(PAGE);
		Platform platform = registered(client).orElseThrow();
		assertThat(platform.issuer()).isEqualTo("https://canvas.instructure.com");
		assertThat(platform.authorizationUrl()).isEqualTo("https://sso.canvaslms.com/api/lti/authorize_redirect");
		assertThat(platform.tokenUrl()).isEqualTo("https://sso.canvaslms.com/login/oauth2/token");
		assertThat(platform.jwksUrl()).isEqualTo("https://sso.canvaslms.com/api/lti/security/jwks");
		assertThat(platform.deploymentIds()).containsExactly("12:8865aa05", "13:ab", "14:cd");
		TestClient.Response page = this.browser.get(PAGE);
		assertThat(textOf(page.body(), ".notice")).isEqualTo("Added the platform “Canvas (school.instructure.com)”.");
		assertThat(columnHeads(page.body(), "table.platforms")).containsExactly("Name", "Issuer", "Client ID",
				"Deployment IDs", "Actions");
		assertThat(rowWith(page.body(), "table.platforms", "td", client)).containsExactly(
				"Canvas (school.instructure.com)", "https://canvas.instructure.com", client, "12:8865aa05 13:ab 14:cd",
				"Edit Canvas (school.instructure.com) Remove Canvas (school.instructure.com)");
		assertAccessiblePage(page.body());
	}

	@Test
	void aPresetKeepsWhatWasTypedInItsFields() {
		String client = client();
		this.browser.get(PAGE);

		this.browser.postForm(PAGE, form("canvas_beta", "Our Canvas", "https://school.instructure.com", client, "", "",
				"", "https://school.instructure.com/keys"));

		Platform platform = registered(client).orElseThrow();
		assertThat(platform.issuer()).isEqualTo("https://school.instructure.com");
		assertThat(platform.authorizationUrl()).isEqualTo("https://sso.beta.canvaslms.com/api/lti/authorize_redirect");
		assertThat(platform.jwksUrl()).isEqualTo("https://school.instructure.com/keys");
		assertThat(platform.deploymentIds()).isEmpty();
	}

	@Test
	void eachBadFieldIsRefusedNextToItsFieldInTheRefusalsWordsWithWhatWasTypedKept() {
		String client = client();
		Map<String, LtiRefusal> refusals = new LinkedHashMap<>();
		refusals.put("name", LtiRefusal.PLATFORM_NAME_INVALID);
		refusals.put("issuer", LtiRefusal.ISSUER_INVALID);
		refusals.put("clientId", LtiRefusal.CLIENT_ID_INVALID);
		refusals.put("deploymentIds", LtiRefusal.DEPLOYMENT_ID_INVALID);
		refusals.put("authorizationUrl", LtiRefusal.AUTHORIZATION_URL_INVALID);
		refusals.put("tokenUrl", LtiRefusal.TOKEN_URL_INVALID);
		refusals.put("jwksUrl", LtiRefusal.JWKS_URL_INVALID);
		Map<String, String> bad = Map.of("name", " ", "issuer", "http://moodle.example.org", "clientId", "has spaces",
				"deploymentIds", "1\n" + "x".repeat(256), "authorizationUrl", "javascript:alert(1)", "tokenUrl",
				"/relative", "jwksUrl", "https://user:pass@moodle.example.org/keys");
		for (Map.Entry<String, LtiRefusal> field : refusals.entrySet()) {
			Map<String, String> fields = moodle("Moodle <b>school</b>", client);
			fields.put(field.getKey(), bad.get(field.getKey()));
			this.browser.get(PAGE);

			TestClient.Response refused = this.browser.postForm(PAGE, fields);

			assertThat(refused.status()).as(field.getKey()).isEqualTo(400);
			assertErrorNextToField(refused.body(), field.getKey(), field.getValue().message());
			refusals.keySet()
				.stream()
				.filter((other) -> !other.equals(field.getKey()))
				.forEach((other) -> assertNoErrorOnField(refused.body(), other));
			for (String name : List.of("name", "issuer", "clientId", "authorizationUrl", "tokenUrl", "jwksUrl")) {
				assertThat(control(refused.body(), name).val()).as("what was typed in " + name)
					.isEqualTo(fields.get(name));
			}
			assertThat(control(refused.body(), "deploymentIds").val()).isEqualTo(fields.get("deploymentIds"));
			assertThat(selectedOption(refused.body(), "preset")).isEqualTo("");
			assertThat(refused.body()).doesNotContain("<b>school</b>");
			assertAccessiblePage(refused.body());
		}
		assertThat(registered(client)).isEmpty();
	}

	@Test
	void anUnknownPresetIsRefusedNextToThePlatformField() {
		String client = client();
		this.browser.get(PAGE);
		Map<String, String> fields = moodle("Moodle", client);
		fields.put("preset", "blackboard");

		TestClient.Response refused = this.browser.postForm(PAGE, fields);

		assertThat(refused.status()).isEqualTo(400);
		assertErrorNextToField(refused.body(), "preset", "Choose Canvas, Canvas (beta), Canvas (test) or Other.");
		assertThat(control(refused.body(), "clientId").val()).isEqualTo(client);
		assertThat(registered(client)).isEmpty();
	}

	@Test
	void theSameIssuerAndClientIdTwiceIsAConflictNextToTheClientId() {
		String client = client();
		this.browser.get(PAGE);
		assertThat(this.browser.postForm(PAGE, moodle("Moodle", client)).status()).isEqualTo(302);
		this.browser.get(PAGE);

		TestClient.Response again = this.browser.postForm(PAGE, moodle("Moodle again", client));

		assertThat(again.status()).isEqualTo(409);
		assertErrorNextToField(again.body(), "clientId", LtiRefusal.PLATFORM_EXISTS.message());
		assertThat(control(again.body(), "name").val()).isEqualTo("Moodle again");
		assertThat(registered(client).orElseThrow().name()).isEqualTo("Moodle");
	}

	@Test
	void anAdminChangesAPlatformOnItsOwnPage() {
		String client = client();
		long id = add(moodle("Moodle", client));

		TestClient.Response edit = this.browser.get(PAGE + "/" + id + "/edit");

		assertThat(edit.status()).isEqualTo(200);
		assertThat(textOf(edit.body(), "h1")).isEqualTo("Edit platform");
		assertThat(selectedOption(edit.body(), "preset")).isEqualTo("");
		assertThat(control(edit.body(), "name").val()).isEqualTo("Moodle");
		assertThat(control(edit.body(), "issuer").val()).isEqualTo("https://moodle.school.example");
		assertThat(control(edit.body(), "clientId").val()).isEqualTo(client);
		assertThat(control(edit.body(), "deploymentIds").val()).isEqualTo("1\n2");
		assertThat(control(edit.body(), "jwksUrl").val()).isEqualTo("https://moodle.school.example/mod/lti/certs.php");
		assertThat(textOf(edit.body(), "form[action=/admin/lti/" + id + "] button[type=submit]"))
			.isEqualTo("Save platform");
		assertAccessiblePage(edit.body());

		Map<String, String> changed = moodle("Moodle (school)", client);
		changed.put("deploymentIds", "2\r\n3");
		changed.put("tokenUrl", "not a url");
		TestClient.Response refused = this.browser.postForm(PAGE + "/" + id, changed);
		assertThat(refused.status()).isEqualTo(400);
		assertErrorNextToField(refused.body(), "tokenUrl", LtiRefusal.TOKEN_URL_INVALID.message());
		assertThat(control(refused.body(), "name").val()).isEqualTo("Moodle (school)");
		assertThat(textOf(refused.body(), "h1")).isEqualTo("Edit platform");
		assertThat(registered(client).orElseThrow().name()).isEqualTo("Moodle");

		changed.put("tokenUrl", "https://moodle.school.example/mod/lti/token.php");
		TestClient.Response saved = this.browser.postForm(PAGE + "/" + id, changed);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location")).endsWith(PAGE);
		Platform platform = registered(client).orElseThrow();
		assertThat(platform.name()).isEqualTo("Moodle (school)");
		assertThat(platform.deploymentIds()).containsExactly("2", "3");
		assertThat(textOf(this.browser.get(PAGE).body(), ".notice")).isEqualTo("Saved the platform “Moodle (school)”.");
	}

	@Test
	void aCanvasPlatformOpensWithItsPresetChosen() {
		String client = client();
		long id = add(form("canvas_test", "Canvas test", "", client, "", "", "", ""));

		assertThat(selectedOption(this.browser.get(PAGE + "/" + id + "/edit").body(), "preset"))
			.isEqualTo("canvas_test");
	}

	@Test
	void anAdminRemovesAPlatformAfterConfirming() {
		String client = client();
		long id = add(moodle("Moodle to remove", client));
		TestClient.Response list = this.browser.get(PAGE);
		assertThat(textOf(list.body(), "a[href=/admin/lti/" + id + "/remove]")).isEqualTo("Remove Moodle to remove");

		TestClient.Response confirm = this.browser.get(PAGE + "/" + id + "/remove");

		assertThat(confirm.status()).isEqualTo(200);
		assertThat(textOf(confirm.body(), "h1")).isEqualTo("Remove platform?");
		assertThat(textOf(confirm.body(), "main > p:first-of-type"))
			.isEqualTo("Remove Moodle to remove? Its users can no longer open GuestPass from it.");
		assertThat(textOf(confirm.body(), "form[action=/admin/lti/" + id + "/remove] button[type=submit]"))
			.isEqualTo("Remove platform");
		assertAccessiblePage(confirm.body());
		assertThat(registered(client)).isPresent();

		TestClient.Response removed = this.browser.postForm(PAGE + "/" + id + "/remove", Map.of());

		assertThat(removed.status()).isEqualTo(302);
		assertThat(removed.header("Location")).endsWith(PAGE);
		assertThat(registered(client)).isEmpty();
		TestClient.Response page = this.browser.get(PAGE);
		assertThat(textOf(page.body(), ".notice"))
			.isEqualTo("Removed the platform “Moodle to remove”. Its users can no longer open GuestPass from it.");
		assertThat(page.body()).doesNotContain(client);
	}

	@Test
	void anUnknownPlatformIsNotFound() {
		long id = add(moodle("Moodle gone", client()));
		this.platforms.remove(id, Actor.user("test"));
		this.browser.get(PAGE);

		assertThat(this.browser.get(PAGE + "/" + id + "/edit").status()).isEqualTo(404);
		assertThat(this.browser.get(PAGE + "/" + id + "/remove").status()).isEqualTo(404);
		this.browser.get(PAGE);
		assertThat(this.browser.postForm(PAGE + "/" + id, moodle("Moodle", client())).status()).isEqualTo(404);
		this.browser.get(PAGE);
		TestClient.Response removal = this.browser.postForm(PAGE + "/" + id + "/remove", Map.of());
		assertThat(removal.status()).isEqualTo(404);
		assertThat(textOf(removal.body(), "h1")).isNotBlank();
	}

	@Test
	void postingNeedsTheCsrfToken() {
		String client = client();
		long id = add(moodle("Moodle kept", client));

		for (String path : List.of(PAGE, PAGE + "/" + id, PAGE + "/" + id + "/remove")) {
			TestClient.Response forged = this.browser.send(this.browser.request(path)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("preset=&name=Forged&issuer=https%3A%2F%2Fevil.example"
						+ "&clientId=" + client + "&authorizationUrl=https%3A%2F%2Fevil.example%2Fa"
						+ "&tokenUrl=https%3A%2F%2Fevil.example%2Ft&jwksUrl=https%3A%2F%2Fevil.example%2Fk")));
			assertThat(forged.status()).as(path).isEqualTo(403);
		}
		assertThat(registered(client).orElseThrow().name()).isEqualTo("Moodle kept");
	}

	/** Adds through the page and returns the new registration's id. */
	private long add(Map<String, String> fields) {
		this.browser.get(PAGE);
		TestClient.Response added = this.browser.postForm(PAGE, fields);
		assertThat(added.status()).as(added.body()).isEqualTo(302);
		this.browser.get(PAGE);
		return registered(fields.get("clientId")).orElseThrow().id();
	}

	private Optional<Platform> registered(String client) {
		return this.platforms.list().stream().filter((platform) -> platform.clientId().equals(client)).findFirst();
	}

	private static Map<String, String> moodle(String name, String client) {
		return form("", name, "https://moodle.school.example", client, "1\n2",
				"https://moodle.school.example/mod/lti/auth.php", "https://moodle.school.example/mod/lti/token.php",
				"https://moodle.school.example/mod/lti/certs.php");
	}

	private static Map<String, String> form(String preset, String name, String issuer, String client,
			String deployments, String authorizationUrl, String tokenUrl, String jwksUrl) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("preset", preset);
		fields.put("name", name);
		fields.put("issuer", issuer);
		fields.put("clientId", client);
		fields.put("deploymentIds", deployments);
		fields.put("authorizationUrl", authorizationUrl);
		fields.put("tokenUrl", tokenUrl);
		fields.put("jwksUrl", jwksUrl);
		return fields;
	}

	private static String client() {
		return "client-" + UUID.randomUUID();
	}

}
