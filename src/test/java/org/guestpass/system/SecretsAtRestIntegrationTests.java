package org.guestpass.system;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.GuestLinkFixture;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets stay secret: a copy of every table holds no link token, guest cookie or API token, and
 * no log line of a whole guest flow holds a token or a guest's email.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDumpOfEveryTableHoldsNoUsableTokenAndTheLogsNoTokenOrGuestEmail(CapturedOutput output) {
		Person owner = this.fixtures.member(this.port);
		GuestLinkFixture link = owner.sharedLink("{\"name\":\"Secret\",\"maxClicks\":1}");
		String linkToken = link.url().substring(link.url().lastIndexOf('/') + 1);
		String email = "very.private.guest@example.org";

		TestClient guest = TestClient.browser(this.port);
		guest.get(link.url());
		assertThat(guest.postForm(link.url(), Map.of("name", "Private Guest", "email", email)).status())
			.isEqualTo(303);
		String guestCookie = guest.cookie("GUESTPASS_GUEST");
		assertThat(guest.get("/guest/media/" + link.mediaId()).status()).isEqualTo(200);
		TestClient late = TestClient.browser(this.port);
		late.get(link.url());
		late.postForm(link.url(), Map.of("name", "Late", "email", "late." + email));
		late.postForm("/g/" + "C".repeat(43), Map.of("name", "Prober", "email", "prober." + email));

		TestClient browser = TestClient.browser(this.port);
		browser.signIn(owner.username(), owner.password());
		browser.get("/media");
		TestClient.Response issued = browser.send(browser.request("/api/v1/me/tokens")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"cli\"}")));
		String apiToken = JsonPath.read(issued.body(), "$.token");

		List<String> secrets = List.of(linkToken, guestCookie, apiToken);
		assertThat(secrets).doesNotContainNull();
		String dump = dumpEveryTable();
		assertThat(dump).contains("Secret").contains(email);
		for (String secret : secrets) {
			assertThat(dump).doesNotContain(secret);
		}

		for (String secret : List.of(linkToken, guestCookie, apiToken, email, "late." + email, "prober." + email)) {
			assertThat(output.getAll()).doesNotContain(secret);
		}
	}

	/** Every row of every table, as text (binary columns read as Latin-1 so any ASCII token would show). */
	private String dumpEveryTable() {
		List<String> tables = this.jdbc
			.sql("select table_name from information_schema.tables where lower(table_schema) = 'public'")
			.query(String.class)
			.list();
		assertThat(tables).contains("guest_link", "guest_session", "api_token", "audit_event");
		StringBuilder dump = new StringBuilder();
		for (String table : tables) {
			List<Map<String, Object>> rows = new ArrayList<>(
					this.jdbc.sql("select * from " + table).query().listOfRows());
			for (Map<String, Object> row : rows) {
				for (Object value : row.values()) {
					dump.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
							: String.valueOf(value)).append('\n');
				}
			}
		}
		return dump.toString();
	}

}
