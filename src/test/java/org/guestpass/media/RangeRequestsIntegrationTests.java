package org.guestpass.media;

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
 * {@code If-Range}: a player resuming a download gets the rest of the file only if it is still the
 * same file; otherwise the whole current file, never a piece of another one. And ranges no player
 * sends are refused cleanly, for owners and guests alike.
 */
@IntegrationTest
class RangeRequestsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void aRangeIsAnsweredOnlyWhileIfRangeStillNamesTheSameFile() {
		Person owner = this.fixtures.member(this.port);
		TestClient.Response created = owner.api()
			.postMultipart("/api/v1/media", Map.of("title", "Resumable"), "talk.mp4", "video/mp4", Fixtures.MP4);
		long video = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		String content = "/api/v1/media/" + video + "/content";
		TestClient.Bytes full = owner.api().getBytes(content);
		String etag = full.header("ETag");
		String lastModified = full.header("Last-Modified");

		TestClient.Bytes sameEtag = owner.api().getBytes(content, "Range", "bytes=4-7", "If-Range", etag);
		assertThat(sameEtag.status()).isEqualTo(206);
		assertThat(sameEtag.body()).hasSize(4);
		TestClient.Bytes sameDate = owner.api().getBytes(content, "Range", "bytes=4-7", "If-Range", lastModified);
		assertThat(sameDate.status()).isEqualTo(206);

		TestClient.Bytes otherEtag = owner.api().getBytes(content, "Range", "bytes=4-7", "If-Range", "\"another-file\"");
		assertThat(otherEtag.status()).isEqualTo(200);
		assertThat(otherEtag.body()).isEqualTo(Fixtures.MP4);
		TestClient.Bytes olderDate = owner.api()
			.getBytes(content, "Range", "bytes=4-7", "If-Range", "Mon, 01 Jan 2001 00:00:00 GMT");
		assertThat(olderDate.status()).isEqualTo(200);
		assertThat(olderDate.body()).hasSize(Fixtures.MP4.length);
	}

	@Test
	void invalidAndUnsatisfiableRangesAreRefusedWithTheFileSizeAndNeverAsAnError() {
		Person owner = this.fixtures.member(this.port);
		TestClient.Response created = owner.api()
			.postMultipart("/api/v1/media", Map.of("title", "Ranges"), "talk.mp4", "video/mp4", Fixtures.MP4);
		long video = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		owner.enableGuestAccess(video);
		String url = JsonPath.read(owner.createLink(video, "{\"name\":\"Ranges\"}").body(), "$.url");
		TestClient guest = TestClient.browser(this.port);
		guest.get(url);
		guest.postForm(url, Map.of("name", "Ada", "email", "ada@example.org"));
		int size = Fixtures.MP4.length;
		for (String range : new String[] { "bytes=abc", "bytes=5-2", "bytes=--1", "bytes=", "bytes=" + size + "-",
				"bytes=" + (size + 10) + "-" + (size + 20), "bytes=-0" }) {
			for (TestClient.Bytes answer : new TestClient.Bytes[] {
					owner.api().getBytes("/api/v1/media/" + video + "/content", "Range", range),
					guest.getBytes("/guest/media/" + video + "/content", "Range", range) }) {
				assertThat(answer.status()).as(range).isEqualTo(416);
				assertThat(answer.header("Content-Range")).as(range).isEqualTo("bytes */" + size);
			}
		}
		TestClient.Bytes otherUnit = guest.getBytes("/guest/media/" + video + "/content", "Range", "items=0-1");
		assertThat(otherUnit.status()).as("a unit other than bytes is ignored").isEqualTo(200);
		assertThat(otherUnit.body()).hasSize(size);
	}

}
