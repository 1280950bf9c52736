package org.guestpass.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.PageChecks;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every visitor gets from the server as a whole: safe headers, the health check, the
 * API document, robots.txt, and error pages without internals.
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
	void everyKindOfAnswerCarriesTheSecurityHeaders() {
		Person member = this.fixtures.member(this.port);
		TestClient signedIn = browser();
		signedIn.signIn(member.username(), member.password());
		List<TestClient.Response> answers = List.of(browser().get("/login"), browser().get("/media"),
				signedIn.get("/nowhere"), browser().get("/g/" + Tokens.generate()), browser().get("/css/guestpass.css"),
				browser().get("/actuator/health"), browser().json("GET", "/api/v1/media", null),
				member.api().get("/api/v1/media/999999"), browser().postForm("/login", Map.of("username", "x")),
				signedIn.get("/media"), signedIn.get("/admin/users"), browser().get("/guest/media/1"));
		assertThat(answers).extracting(TestClient.Response::status)
			.as("a page, a redirect, not found, a static file, health, 401, API 404, CSRF 403, a member's page, 403")
			.containsExactly(200, 302, 404, 404, 200, 200, 401, 404, 403, 200, 403, 403);
		for (TestClient.Response answer : answers) {
			assertThat(answer.header("Content-Security-Policy")).as(answer.status() + " " + answer.body())
				.contains("default-src 'self'")
				.contains("frame-ancestors 'none'");
			assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
		}
	}

	@Test
	void theScriptsThePagesNameAreServedWithoutAVersionInTheirAddress() {
		String page = browser().get("/login").body();
		assertThat(page).contains("/webjars/htmx.org/dist/htmx.min.js").doesNotContainPattern("/webjars/[^/]+/\\d");
		for (String path : List.of("/webjars/htmx.org/dist/htmx.min.js", "/webjars/hls.js/dist/hls.min.js",
				"/js/dialogs.js", "/js/menu.js", "/js/copy.js", "/js/fields.js", "/js/uploads.js", "/js/players.js",
				"/css/guestpass.css")) {
			TestClient.Response file = browser().get(path);
			assertThat(file.status()).as(path).isEqualTo(200);
			assertThat(file.body()).as(path).isNotBlank();
			assertThat(file.header("Content-Security-Policy")).as(path).contains("default-src 'self'");
		}
		assertThat(browser().get("/webjars/htmx.org/dist/htmx.min.js").body()).contains("htmx");
		assertThat(browser().get("/webjars/hls.js/dist/hls.min.js").body()).contains("Hls");
	}

	@Test
	void theHealthEndpointIsPublicAndSaysUpButOnlyAdminsSeeItsParts() {
		TestClient.Response health = browser().get("/actuator/health", "Accept", "application/json");
		assertThat(health.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(health.body(), "$.status")).isEqualTo("UP");
		assertThat(health.body()).as("anyone").doesNotContain("components").doesNotContain("db");
		assertThat(this.fixtures.member(this.port).api().get("/actuator/health").body()).as("a member")
			.doesNotContain("components")
			.doesNotContain("db");
		TestClient.Response forAdmin = this.fixtures.admin(this.port).api().get("/actuator/health");
		assertThat((String) JsonPath.read(forAdmin.body(), "$.components.db.status")).isEqualTo("UP");
		assertThat(browser().get("/actuator/health/db").status()).as("a part, to anyone").isEqualTo(404);
		assertThat(this.fixtures.admin(this.port).api().get("/actuator/health/db").status()).isEqualTo(200);
		assertThat(browser().get("/actuator/health/liveness").status()).as("a probe, to anyone").isEqualTo(200);
		assertThat(browser().get("/actuator/env", "Accept", "application/json").status()).isIn(302, 401, 404);
	}

	@Test
	void onlyALoopbackProxyMayForwardTheClientAddress() throws IOException {
		// A client on the machine's own network address (a private one where it has one,
		// as on a
		// campus network) sends X-Forwarded-For to pick a new address for every guess.
		InetAddress own = ownNetworkAddress();
		Assumptions.assumeTrue(own != null, "This machine has no network address but loopback");
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			statuses.add(rawGet(own, "/g/" + Tokens.generate(), "X-Forwarded-For: 10.77.0." + (i + 1)));
		}
		assertThat(statuses).as("counted by the real address " + own.getHostAddress())
			.endsWith(429)
			.containsOnly(404, 429);

		TestClient viaLoopback = browser();
		for (int i = 0; i < 11; i++) {
			assertThat(viaLoopback
				.send(viaLoopback.request("/g/" + Tokens.generate()).setHeader("X-Forwarded-For", "10.78.0." + (i + 1)))
				.status()).as("a proxy on loopback is believed").isEqualTo(404);
		}
	}

	@Test
	void anIpv6ClientCountsByItsSlash64() {
		for (int i = 1; i <= 10; i++) {
			assertThat(fromAddress("2001:db8:1:2::" + Integer.toHexString(i)).get("/g/" + Tokens.generate()).status())
				.isEqualTo(404);
		}
		assertThat(fromAddress("2001:db8:1:2:ffff:ffff:ffff:ffff").get("/g/" + Tokens.generate()).status())
			.as("another address of the same /64")
			.isEqualTo(429);
		assertThat(fromAddress("2001:db8:1:3::1").get("/g/" + Tokens.generate()).status()).as("the next /64")
			.isEqualTo(404);
		assertThat(fromAddress("::ffff:10.79.0.1").get("/g/" + Tokens.generate()).status())
			.as("an IPv4-mapped address counts as IPv4")
			.isEqualTo(404);
	}

	private TestClient fromAddress(String address) {
		return TestClient.browserAt(this.port, address);
	}

	/**
	 * This machine's first network address that is not loopback, a private or
	 * unique-local one first.
	 */
	private static InetAddress ownNetworkAddress() throws IOException {
		List<InetAddress> addresses = new ArrayList<>();
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (network.isUp() && !network.isLoopback()) {
				Collections.list(network.getInetAddresses())
					.stream()
					.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
					.forEach(addresses::add);
			}
		}
		return addresses.stream()
			.min(Comparator.comparing((InetAddress address) -> !(address.isSiteLocalAddress()
					|| (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc))))
			.orElse(null);
	}

	/**
	 * A GET from the given local address to the server on the same address; its status.
	 */
	private int rawGet(InetAddress address, String path, String header) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(address, 0));
			socket.connect(new InetSocketAddress(address, this.port), 5000);
			socket.setSoTimeout(10_000);
			String host = (address.getAddress().length == 16)
					? "[" + address.getHostAddress().replaceAll("%.*", "") + "]" : address.getHostAddress();
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + this.port + "\r\n" + header
						+ "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
	}

	@Test
	void anUnknownPageIsTheSitesOwnPageForABrowserSessionAndForAnApiToken() {
		Person member = this.fixtures.member(this.port);
		TestClient signedIn = browser();
		signedIn.signIn(member.username(), member.password());
		// A browser session has a CSRF token; a request with an API token has none.
		for (TestClient client : List.of(signedIn, member.api())) {
			TestClient.Response missing = client.get("/nowhere/" + Tokens.generate(), "Accept", "text/html");
			assertThat(missing.status()).isEqualTo(404);
			assertThat(PageChecks.parse(missing.body()).select("h1").text()).isEqualTo("We can't find that page");
			assertThat(client.get("/actuator/health/x", "Accept", "text/html").status()).isEqualTo(404);
		}
	}

	@Test
	void aHealthPathThatNamesNothingIsAnUnknownPage() {
		Person admin = this.fixtures.admin(this.port);
		assertThat(admin.api().get("/actuator/health/db").status()).as("a contributor").isEqualTo(200);
		for (Person person : List.of(admin, this.fixtures.member(this.port))) {
			for (String path : List.of("/actuator/health/x", "/actuator/health/x/y", "/actuator/health/x/y/z",
					"/actuator/health/db/x", "/actuator/health/x/db")) {
				TestClient.Response response = person.api().get(path);
				assertThat(response.status()).as(path).isEqualTo(404);
				assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("contributor");
			}
		}
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() {
		TestClient.Response docs = browser().get("/v3/api-docs", "Accept", "application/json");
		assertThat(docs.status()).isEqualTo(200);
		assertThat((java.util.Map<String, Object>) JsonPath.read(docs.body(), "$.paths")).containsKeys("/api/v1/media",
				"/api/v1/media/{mediaId}/guest-access", "/api/v1/media/{mediaId}/guest-links",
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
			assertThat(response.body()).as(path)
				.doesNotContain("Exception")
				.doesNotContain("at org.")
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
					assertThat(response.body()).as(method + " " + path)
						.doesNotContain("Exception")
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
