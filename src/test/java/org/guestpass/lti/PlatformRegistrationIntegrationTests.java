package org.guestpass.lti;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.JWKSet;
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

/**
 * Admins register LMS platforms through the API, with Canvas presets; nothing half-kept
 * on a refusal; GuestPass's keys are published at {@code /lti/jwks} and rotated by
 * admins.
 */
@IntegrationTest
class PlatformRegistrationIntegrationTests {

	private static final String PLATFORMS = "/api/v1/admin/lti/platforms";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Person admin;

	@BeforeEach
	void admin() {
		this.admin = this.fixtures.admin(this.port);
	}

	@Test
	void anAdminRegistersHostedCanvasByItsPresetWithOnlyTheClientAndDeploymentIds() {
		String client = client();
		TestClient.Response added = this.admin.api()
			.json("POST", PLATFORMS,
					"{\"preset\":\"canvas\",\"name\":\"Canvas (school.instructure.com)\"," + "\"clientId\":\"" + client
							+ "\",\"deploymentIds\":[\" 12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb \"]}");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		Number id = JsonPath.read(added.body(), "$.id");
		assertThat(added.header("Location")).endsWith(PLATFORMS + "/" + id);
		assertThat((String) JsonPath.read(added.body(), "$.issuer")).isEqualTo("https://canvas.instructure.com");
		assertThat((String) JsonPath.read(added.body(), "$.authorizationUrl"))
			.isEqualTo("https://sso.canvaslms.com/api/lti/authorize_redirect");
		assertThat((String) JsonPath.read(added.body(), "$.tokenUrl"))
			.isEqualTo("https://sso.canvaslms.com/login/oauth2/token");
		assertThat((String) JsonPath.read(added.body(), "$.jwksUrl"))
			.isEqualTo("https://sso.canvaslms.com/api/lti/security/jwks");
		assertThat((List<String>) JsonPath.read(added.body(), "$.deploymentIds"))
			.containsExactly("12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");

		TestClient.Response shown = this.admin.api().json("GET", PLATFORMS + "/" + id, null);
		assertThat(shown.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(shown.body(), "$.clientId")).isEqualTo(client);
		assertThat((List<Number>) JsonPath.read(this.admin.api().json("GET", PLATFORMS, null).body(), "$[*].id"))
			.contains(id);
		assertThat(audit(client)).containsExactly("lti_platform_added|ok");
	}

	@Test
	void aNameOfTheMostCharactersItsRuleAllowsIsKeptWholeEvenInEmoji() {
		String name = "🎓".repeat(Platforms.NAME.maxCharacters());
		String client = client();
		TestClient.Response added = this.admin.api()
			.json("POST", PLATFORMS, moodle("x", client, "1").replace("\"name\":\"x\"", "\"name\":\"" + name + "\""));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(this.jdbc.sql("select name from lti_platform where client_id = :client")
			.param("client", client)
			.query(String.class)
			.single()).isEqualTo(name);
		TestClient.Response tooLong = this.admin.api()
			.json("POST", PLATFORMS,
					moodle("x", client(), "1").replace("\"name\":\"x\"", "\"name\":\"" + name + "🎓\""));
		assertThat((List<String>) JsonPath.read(tooLong.body(), "$.errors[*].field")).containsExactly("name");
	}

	@Test
	void thePresetsAreListedWithTheirEndpoints() {
		TestClient.Response presets = this.admin.api().json("GET", "/api/v1/admin/lti/presets", null);
		assertThat(presets.status()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(presets.body(), "$[*].id")).containsExactly("canvas", "canvas_beta",
				"canvas_test");
		assertThat((List<String>) JsonPath.read(presets.body(), "$[*].issuer")).containsExactly(
				"https://canvas.instructure.com", "https://canvas.beta.instructure.com",
				"https://canvas.test.instructure.com");
		assertThat((String) JsonPath.read(presets.body(), "$[1].jwksUrl"))
			.isEqualTo("https://sso.beta.canvaslms.com/api/lti/security/jwks");
	}

	@Test
	void aMoodleRegistrationIsChangedAndRemoved() {
		String client = client();
		TestClient.Response added = this.admin.api().json("POST", PLATFORMS, moodle("Moodle", client, "1"));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		Number id = JsonPath.read(added.body(), "$.id");

		TestClient.Response changed = this.admin.api()
			.json("PUT", PLATFORMS + "/" + id, moodle("Moodle (school)", client, "1\",\"2"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(changed.body(), "$.name")).isEqualTo("Moodle (school)");
		assertThat((List<String>) JsonPath.read(changed.body(), "$.deploymentIds")).containsExactly("1", "2");

		assertThat(this.admin.api().json("DELETE", PLATFORMS + "/" + id, null).status()).isEqualTo(204);
		assertThat(this.admin.api().json("GET", PLATFORMS + "/" + id, null).status()).isEqualTo(404);
		assertThat(this.admin.api().json("DELETE", PLATFORMS + "/" + id, null).status()).isEqualTo(404);
		assertThat(this.admin.api().json("PUT", PLATFORMS + "/" + id, moodle("Moodle", client, "1")).status())
			.isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from lti_deployment where platform_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).as("its deployments went with it").isZero();
		assertThat(audit(client)).containsExactly("lti_platform_added|ok", "lti_platform_changed|ok",
				"lti_platform_removed|ok");
	}

	@Test
	void eachBadFieldIsRefusedInItsOwnWordsAndNothingIsKept() {
		String client = client();
		Map<String, String> bad = Map.of("\"name\":\"\"", "name", "\"issuer\":\"http://moodle.example.org\"", "issuer",
				"\"clientId\":\"has spaces\"", "clientId", "\"deploymentIds\":[\"\"]", "deploymentIds",
				"\"authorizationUrl\":\"javascript:alert(1)\"", "authorizationUrl", "\"tokenUrl\":\"/relative\"",
				"tokenUrl", "\"jwksUrl\":\"https://user:pass@moodle.example.org/keys\"", "jwksUrl",
				"\"preset\":\"blackboard\"", "preset");
		for (Map.Entry<String, String> field : bad.entrySet()) {
			String request = moodle("Moodle", client, "1").replaceFirst(
					"\"" + field.getValue() + "\":(\\[[^]]*]|\"[^\"]*\")", field.getKey().replace("$", "\\$"));
			if (field.getValue().equals("preset")) {
				request = request.replace("{", "{" + field.getKey() + ",");
			}
			TestClient.Response refused = this.admin.api().json("POST", PLATFORMS, request);
			assertThat(refused.status()).as(request).isEqualTo(400);
			assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("validation_failed");
			assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].field")).as(request)
				.containsExactly(field.getValue());
		}
		assertThat(this.jdbc.sql("select count(*) from lti_platform where client_id = :client")
			.param("client", client)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSecondRegistrationOfTheSameIssuerAndClientIsAConflict() {
		String client = client();
		assertThat(this.admin.api().json("POST", PLATFORMS, moodle("Moodle", client, "1")).status()).isEqualTo(201);
		TestClient.Response again = this.admin.api().json("POST", PLATFORMS, moodle("Moodle again", client, "2"));
		assertThat(again.status()).isEqualTo(409);
		assertThat((String) JsonPath.read(again.body(), "$.code")).isEqualTo("platform_exists");
		assertThat(this.jdbc.sql("select count(*) from lti_platform where client_id = :client")
			.param("client", client)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void onlyAdminsReachRegistrationsAndKeys() {
		Person member = this.fixtures.member(this.port);
		for (String path : List.of(PLATFORMS, "/api/v1/admin/lti/keys", "/api/v1/admin/lti/presets")) {
			assertThat(member.api().json("GET", path, null).status()).as(path).isEqualTo(403);
			assertThat(TestClient.browser(this.port).get(path).status()).as(path).isEqualTo(401);
		}
		assertThat(member.api().json("POST", PLATFORMS, moodle("Moodle", client(), "1")).status()).isEqualTo(403);
		assertThat(member.api().json("POST", "/api/v1/admin/lti/keys", null).status()).isEqualTo(403);
	}

	@Test
	void anyonePublishesTheKeysAndAnAdminRotatesThem() throws Exception {
		TestClient.Response before = TestClient.browser(this.port).get("/lti/jwks");
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.header("Content-Type")).startsWith("application/json");
		JWKSet published = JWKSet.parse(before.body());
		assertThat(published.getKeys()).isNotEmpty().allSatisfy((key) -> {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
			assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
			assertThat(key.getKeyID()).isNotBlank();
		});

		TestClient.Response added = this.admin.api().json("POST", "/api/v1/admin/lti/keys", null);
		assertThat(added.status()).isEqualTo(201);
		String kid = JsonPath.read(added.body(), "$.kid");
		TestClient.Response keys = this.admin.api().json("GET", "/api/v1/admin/lti/keys", null);
		assertThat((List<String>) JsonPath.read(keys.body(), "$[?(@.signing == true)].kid")).containsExactly(kid);
		JWKSet during = JWKSet.parse(TestClient.browser(this.port).get("/lti/jwks").body());
		assertThat(during.getKeys()).hasSize(published.getKeys().size() + 1);
		assertThat(during.getKeyByKeyId(kid)).isNotNull();

		TestClient.Response signing = this.admin.api().json("DELETE", "/api/v1/admin/lti/keys/" + kid, null);
		assertThat(signing.status()).isEqualTo(409);
		assertThat((String) JsonPath.read(signing.body(), "$.code")).isEqualTo("signing_key");
		for (String old : published.getKeys().stream().map((key) -> key.getKeyID()).toList()) {
			assertThat(this.admin.api().json("DELETE", "/api/v1/admin/lti/keys/" + old, null).status()).isEqualTo(204);
		}
		assertThat(this.admin.api().json("DELETE", "/api/v1/admin/lti/keys/no-such-key", null).status()).isEqualTo(404);
		JWKSet after = JWKSet.parse(TestClient.browser(this.port).get("/lti/jwks").body());
		assertThat(after.getKeys()).extracting((key) -> key.getKeyID()).containsExactly(kid);
	}

	private static String client() {
		return "client-" + UUID.randomUUID();
	}

	private static String moodle(String name, String client, String deployments) {
		return "{\"name\":\"" + name + "\",\"issuer\":\"https://moodle.example.org\",\"clientId\":\"" + client
				+ "\",\"deploymentIds\":[\"" + deployments + "\"],"
				+ "\"authorizationUrl\":\"https://moodle.example.org/mod/lti/auth.php\","
				+ "\"tokenUrl\":\"https://moodle.example.org/mod/lti/token.php\","
				+ "\"jwksUrl\":\"https://moodle.example.org/mod/lti/certs.php\"}";
	}

	private List<String> audit(String client) {
		return this.jdbc.sql("select action || '|' || outcome from audit_event where detail like :client order by id")
			.param("client", "%" + client + "%")
			.query(String.class)
			.list();
	}

}
