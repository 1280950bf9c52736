package org.guestpass.system;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every visitor gets from the server as a whole: safe headers, the health check, the API
 * document, robots.txt, and error pages without internals.
 */
@IntegrationTest
class WebIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void pagesCarryTheSecurityHeaders() {
		TestClient.Response login = browser().get("/login");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.header("Content-Security-Policy")).contains("default-src 'self'")
			.contains("object-src 'none'")
			.contains("base-uri 'none'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(login.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void theHealthEndpointIsPublicAndSaysUp() {
		TestClient.Response health = browser().get("/actuator/health", "Accept", "application/json");
		assertThat(health.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(health.body(), "$.status")).isEqualTo("UP");
		assertThat(browser().get("/actuator/env", "Accept", "application/json").status()).isIn(302, 401, 404);
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() {
		TestClient.Response docs = browser().get("/v3/api-docs", "Accept", "application/json");
		assertThat(docs.status()).isEqualTo(200);
		assertThat((java.util.Map<String, Object>) JsonPath.read(docs.body(), "$.paths")).containsKeys(
				"/api/v1/media", "/api/v1/media/{mediaId}/guest-access", "/api/v1/media/{mediaId}/guest-links",
				"/api/v1/media/{mediaId}/guest-links/{linkId}", "/api/v1/admin/modules", "/api/v1/admin/policy",
				"/api/v1/me/tokens");
	}

	@Test
	void robotsStayAwayFromGuestLinks() {
		TestClient.Response robots = browser().get("/robots.txt");
		assertThat(robots.status()).isEqualTo(200);
		assertThat(robots.body()).contains("Disallow: /g/");
	}

	@Test
	void errorsNeverShowInternals() {
		for (String path : List.of("/g/%00", "/guest/media/abc", "/nowhere", "/media/abc")) {
			TestClient.Response response = browser().get(path);
			assertThat(response.status()).as(path).isBetween(300, 499);
			assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("at org.")
				.doesNotContain("Whitelabel");
		}
	}

	private TestClient browser() {
		return TestClient.browser(this.port);
	}

}
