package org.guestpass.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Concurrently;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.TestClient;
import org.guestpass.system.GuestPassProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deleted item's file stays for a week, in case of second thoughts, then is removed
 * once, however many nodes run the job at the same moment.
 */
@IntegrationTest
class DeletedMediaCleanupIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DeletedMediaCleanup cleanup;

	@Autowired
	GuestPassProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void aDeletedItemsFileIsRemovedOnceAfterAWeekAndOthersStay() throws Exception {
		Person owner = this.fixtures.member(this.port);
		long deleted = upload(owner, "Old lecture");
		long kept = upload(owner, "Current lecture");
		Path deletedFile = fileOf(deleted);
		Path keptFile = fileOf(kept);
		assertThat(owner.api().json("DELETE", "/api/v1/media/" + deleted, null).status()).isEqualTo(204);

		this.clock.advance(Duration.ofDays(7).minusMinutes(1));
		this.cleanup.removeFilesOfDeletedMedia();
		assertThat(deletedFile).exists();

		this.clock.advance(Duration.ofMinutes(2));
		List<Integer> removedByTwoNodes = Concurrently.run(2, (i) -> this.cleanup.removeFilesOfDeletedMedia());
		assertThat(removedByTwoNodes.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1);
		assertThat(deletedFile).doesNotExist();
		assertThat(keptFile).exists();
		assertThat(this.jdbc.sql("select files_removed_at from media where id = :id")
			.param("id", deleted)
			.query(OffsetDateTime.class)
			.optional()).isPresent();
		assertThat(this.cleanup.removeFilesOfDeletedMedia()).as("nothing left to remove").isZero();
	}

	private long upload(Person owner, String title) {
		TestClient.Response created = owner.api()
			.postMultipart("/api/v1/media", Map.of("title", title), "talk.mp4", "video/mp4", Fixtures.MP4);
		assertThat(created.status()).isEqualTo(201);
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	private Path fileOf(long media) {
		String key = this.jdbc.sql("select file_key from media where id = :id")
			.param("id", media)
			.query(String.class)
			.single();
		Path file = this.properties.storageDir().resolve(key + ".media");
		assertThat(Files.exists(file)).isTrue();
		return file;
	}

}
