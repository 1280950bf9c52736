package org.guestpass.media;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.guestpass.system.GuestPassProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload larger than {@code guestpass.max-upload-size} is refused before anything is
 * stored.
 */
@IntegrationTest
@TestPropertySource(properties = "guestpass.max-upload-size=8KB")
class UploadLimitIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GuestPassProperties properties;

	Person owner;

	@BeforeEach
	void owner() {
		this.owner = this.fixtures.member(this.port);
	}

	@Test
	void refusesAnUploadLargerThanTheLimitAndStoresNothing() {
		Set<String> filesBefore = MediaIntegrationTests.storedFiles(this.properties.storageDir());

		TestClient.Response refused = MediaIntegrationTests.upload(this.owner.api(),
				Map.of("title", "Too big", "type", "video"), "big.mp4", "video/mp4", video(16 * 1024));

		assertThat(refused.status()).as(refused.body()).isEqualTo(413);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("upload_too_large");
		assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("trace");
		assertThat(mediaRows()).isZero();
		assertThat(MediaIntegrationTests.storedFiles(this.properties.storageDir())).isEqualTo(filesBefore);
	}

	@Test
	void theUploadFormRefusesAFileLargerThanTheLimitWithAPage() {
		Set<String> filesBefore = MediaIntegrationTests.storedFiles(this.properties.storageDir());
		TestClient browser = MediaIntegrationTests.signIn(this.port, this.owner);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", MediaIntegrationTests.csrfToken(browser.get("/media")));
		fields.put("title", "Too big");

		TestClient.Response refused = MediaIntegrationTests.upload(browser, "/media/videos", fields, "big.mp4",
				"video/mp4", video(16 * 1024));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.header("Content-Type")).startsWith("text/html");
		assertThat(refused.text()).contains("The file is too large").doesNotContain("Exception");
		assertThat(mediaRows()).isZero();
		assertThat(MediaIntegrationTests.storedFiles(this.properties.storageDir())).isEqualTo(filesBefore);
	}

	@Test
	void acceptsAnUploadWithinTheLimit() {
		TestClient.Response created = MediaIntegrationTests.upload(this.owner.api(),
				Map.of("title", "Small", "type", "video"), "small.mp4", "video/mp4", video(4 * 1024));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(mediaRows()).isEqualTo(1);
	}

	private int mediaRows() {
		return this.jdbc.sql("select count(*) from media where owner_id = :id")
			.param("id", this.owner.id())
			.query(Integer.class)
			.single();
	}

	/** An MP4 of the given size: the recognised header, then filler. */
	private static byte[] video(int size) {
		byte[] bytes = new byte[size];
		System.arraycopy(Fixtures.MP4, 0, bytes, 0, Math.min(size, Fixtures.MP4.length));
		return bytes;
	}

}
