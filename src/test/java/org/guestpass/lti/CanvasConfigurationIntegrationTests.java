package org.guestpass.lti;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.IntegrationTest;
import org.guestpass.PageChecks;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anyone fetches the Canvas developer-key JSON, whose URLs are this GuestPass's and
 * answer.
 */
@IntegrationTest
class CanvasConfigurationIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anyoneFetchesTheCanvasConfigurationAndTheUrlsItNamesAnswer() {
		TestClient anonymous = TestClient.browser(this.port);
		TestClient.Response configuration = anonymous.get("/lti/canvas.json");
		assertThat(configuration.status()).as(configuration.body()).isEqualTo(200);
		assertThat(configuration.header("Content-Type")).startsWith("application/json");
		String json = configuration.body();
		String base = "http://localhost:" + this.port;
		String login = JsonPath.read(json, "$.oidc_initiation_url");
		String launch = JsonPath.read(json, "$.target_link_uri");
		String jwks = JsonPath.read(json, "$.public_jwk_url");
		assertThat(login).isEqualTo(base + "/lti/login");
		assertThat(launch).isEqualTo(base + "/lti/launch");
		assertThat(jwks).isEqualTo(base + "/lti/jwks");
		assertThat((String) JsonPath.read(json, "$.extensions[0].domain")).isEqualTo("localhost");
		assertThat((List<String>) JsonPath.read(json, "$.extensions[0].settings.placements[*].target_link_uri"))
			.containsOnly(launch)
			.hasSize(3);

		TestClient.Response keys = anonymous.get(jwks);
		assertThat(keys.status()).isEqualTo(200);
		assertThat((List<Object>) JsonPath.read(keys.body(), "$.keys")).isNotEmpty();
		TestClient.Response loginWithoutParameters = anonymous.get(login);
		assertThat(loginWithoutParameters.status()).isEqualTo(400);
		assertThat(PageChecks.textOf(loginWithoutParameters.body(), "h1")).isEqualTo("GuestPass could not open");
		assertThat(PageChecks.textOf(loginWithoutParameters.body(), "#reason"))
			.isEqualTo(LaunchRefusal.LOGIN_INCOMPLETE.message());
		TestClient.Response launchWithoutState = anonymous.postForm(launch, Map.of());
		assertThat(launchWithoutState.status()).isEqualTo(400);
		assertThat(PageChecks.textOf(launchWithoutState.body(), "#reason"))
			.isEqualTo(LaunchRefusal.STATE_UNKNOWN.message());
	}

}
