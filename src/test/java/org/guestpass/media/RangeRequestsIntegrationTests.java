package org.guestpass.media;

import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code If-Range}: a player resuming a download gets the rest of the file only if it is
 * still the same file; otherwise the whole current file, never a piece of another one.
 * And ranges no player sends are refused cleanly, for owners and guests alike: a 416
 * names the file's size and carries no body.
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

		TestClient.Bytes otherEtag = owner.api()
			.getBytes(content, "Range", "bytes=4-7", "If-Range", "\"another-file\"");
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

	/**
	 * A GET of one range tries {@code sendfile} first; a HEAD, several ranges or an
	 * If-Range take Spring's copy. Whichever path answers, an unsatisfiable range gets a
	 * 416 with no body at all: Spring MVC would send the whole file with it.
	 */
	@Test
	void anUnsatisfiableRangeIsRefusedWithAnEmptyBodyOnEveryPath() {
		Person owner = this.fixtures.member(this.port);
		TestClient.Response created = owner.api()
			.postMultipart("/api/v1/media", Map.of("title", "Past the end"), "talk.mp4", "video/mp4", Fixtures.MP4);
		long video = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		owner.enableGuestAccess(video);
		String url = JsonPath.read(owner.createLink(video, "{\"name\":\"Past the end\"}").body(), "$.url");
		TestClient guest = TestClient.browser(this.port);
		guest.get(url);
		guest.postForm(url, Map.of("name", "Ada", "email", "ada@example.org"));
		String ownerContent = "/api/v1/media/" + video + "/content";
		String guestContent = "/guest/media/" + video + "/content";
		TestClient.Bytes full = owner.api().getBytes(ownerContent);
		int size = Fixtures.MP4.length;
		List<String> failures = new ArrayList<>();
		for (String range : List.of("bytes=" + size + "-", "bytes=" + (size + 1000) + "-" + (size + 2000), "bytes=-0",
				"bytes=0-1," + size + "-", "bytes=" + size + "-,0-1", "bytes=0-1,-0")) {
			for (String ifRange : Arrays.asList(null, full.header("ETag"), full.header("Last-Modified"))) {
				for (String method : List.of("GET", "HEAD")) {
					check(failures, method + " owner " + range + " If-Range " + ifRange,
							send(owner.api(), method, ownerContent, range, ifRange), size);
					check(failures, method + " guest " + range + " If-Range " + ifRange,
							send(guest, method, guestContent, range, ifRange), size);
				}
			}
		}
		assertThat(failures).isEmpty();

		TestClient.Bytes otherFile = owner.api()
			.getBytes(ownerContent, "Range", "bytes=" + size + "-", "If-Range", "\"another-file\"");
		assertThat(otherFile.status()).as("an If-Range naming another file: the range is ignored").isEqualTo(200);
		assertThat(otherFile.body()).isEqualTo(Fixtures.MP4);
	}

	private static void check(List<String> failures, String what, TestClient.Bytes answer, int size) {
		if (answer.status() != 416 || !("bytes */" + size).equals(answer.header("Content-Range"))
				|| answer.body().length != 0
				|| (answer.header("Content-Length") != null && !"0".equals(answer.header("Content-Length")))) {
			failures.add(what + ": " + answer.status() + ", Content-Range " + answer.header("Content-Range")
					+ ", Content-Length " + answer.header("Content-Length") + ", " + answer.body().length + " bytes");
		}
	}

	private static TestClient.Bytes send(TestClient client, String method, String path, String range, String ifRange) {
		List<String> headers = new ArrayList<>(List.of("Range", range));
		if (ifRange != null) {
			headers.addAll(List.of("If-Range", ifRange));
		}
		return client.sendBytes(method, path, headers.toArray(String[]::new));
	}

}
