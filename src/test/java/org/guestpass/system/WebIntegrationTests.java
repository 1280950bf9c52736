package org.guestpass.system;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	Fixtures fixtures;

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
	void aHealthPathThatNamesNothingIsAnUnknownPage() {
		Person member = this.fixtures.member(this.port);
		assertThat(member.api().get("/actuator/health/db").status()).as("a contributor").isEqualTo(200);
		for (String path : List.of("/actuator/health/x", "/actuator/health/x/y", "/actuator/health/x/y/z",
				"/actuator/health/db/x", "/actuator/health/x/db")) {
			TestClient.Response response = member.api().get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("contributor");
		}
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

	@Test
	void theErrorPageAskedForDirectlyIsAnUnknownPage() {
		Person member = this.fixtures.member(this.port);
		TestClient signedIn = browser();
		signedIn.signIn(member.username(), member.password());
		for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")) {
			for (String path : List.of("/error", "/error;x=1", "/error?status=500", "/error/", "/error/500")) {
				for (TestClient client : List.of(browser(), signedIn, member.api())) {
					TestClient.Response response = client
						.send(client.request(path).method(method, HttpRequest.BodyPublishers.noBody()));
					assertThat(response.status()).as(method + " " + path).isIn(302, 404);
					assertThat(response.body()).as(method + " " + path).doesNotContain("Exception")
						.doesNotContain("\"status\":999");
				}
			}
			TestClient.Response direct = signedIn
				.send(signedIn.request("/error").method(method, HttpRequest.BodyPublishers.noBody()));
			assertThat(direct.status()).as(method + " /error").isEqualTo(404);
		}
		assertThat(browser().get("/error").body()).contains("We can't find that page");
		assertThat(member.api().get("/error").status()).isEqualTo(404);
	}

	@Test
	void theErrorPageStillShowsTheRealStatusOfAnError() {
		Person member = this.fixtures.member(this.port);
		TestClient signedIn = browser();
		signedIn.signIn(member.username(), member.password());
		TestClient.Response missing = signedIn.get("/media/999999999");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.text()).contains("We can't find that page");
		TestClient.Response forbidden = signedIn.get("/admin/users");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.text()).contains("You can't open this page");
		signedIn.get("/media");
		TestClient.Response badRequest = signedIn.postForm("/media/links", Map.of());
		assertThat(badRequest.status()).as("a form without its fields").isEqualTo(400);
		assertThat(badRequest.text()).contains("Something in the request wasn't right");
	}

	private TestClient browser() {
		return TestClient.browser(this.port);
	}

}
