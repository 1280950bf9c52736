package org.guestpass.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.PageChecks;
import org.guestpass.TestClient;
import org.guestpass.system.GuestPassProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.count;
import static org.guestpass.PageChecks.select;

/**
 * The media library over real HTTP: uploading videos and adding linked items, streaming a
 * video with ranges and conditional requests, who sees which item, soft deletes, and the
 * library pages.
 */
@IntegrationTest
class MediaIntegrationTests {

	/** The start of a WebM file: an EBML header whose DocType is "webm". */
	static final byte[] WEBM = withTail(new byte[] { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42,
			(byte) 0x86, (byte) 0x81, 0x01, 0x42, (byte) 0xF7, (byte) 0x81, 0x01, 0x42, (byte) 0xF2, (byte) 0x81, 0x04,
			0x42, (byte) 0xF3, (byte) 0x81, 0x08, 0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm', 0x42, (byte) 0x87,
			(byte) 0x81, 0x02, 0x42, (byte) 0x85, (byte) 0x81, 0x02 }, 512);

	/** The start of an Ogg file: the "OggS" capture pattern of its first page. */
	static final byte[] OGG = withTail(new byte[] { 'O', 'g', 'g', 'S', 0, 2 }, 512);

	private static final int SIZE = Fixtures.MP4.length;

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	GuestPassProperties properties;

	@Autowired
	Captions captions;

	@Autowired
	Posters posters;

	@Autowired
	MediaLibrary library;

	Person owner;

	@BeforeEach
	void owner() {
		this.owner = this.fixtures.member(this.port);
	}

	@Test
	void uploadsAVideo() {
		TestClient.Response created = upload(this.owner.api(),
				Map.of("title", "  Opening lecture  ", "description", "Week one", "type", "video"), "lecture.mp4",
				"video/mp4", Fixtures.MP4);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = id(created);
		assertThat(created.header("Location")).endsWith("/api/v1/media/" + id);
		assertThat((String) JsonPath.read(created.body(), "$.title")).isEqualTo("Opening lecture");
		assertThat((String) JsonPath.read(created.body(), "$.description")).isEqualTo("Week one");
		assertThat((String) JsonPath.read(created.body(), "$.type")).isEqualTo("video");
		assertThat(((Number) JsonPath.read(created.body(), "$.ownerId")).longValue()).isEqualTo(this.owner.id());
		assertThat(Instant.parse(JsonPath.read(created.body(), "$.createdAt"))).isEqualTo(this.clock.instant());
		assertThat((String) JsonPath.read(created.body(), "$.contentType")).isEqualTo("video/mp4");
		assertThat(((Number) JsonPath.read(created.body(), "$.sizeBytes")).longValue()).isEqualTo(SIZE);
		assertThat((String) JsonPath.read(created.body(), "$.contentUrl"))
			.isEqualTo("/api/v1/media/" + id + "/content");

		TestClient.Response shown = this.owner.api().get("/api/v1/media/" + id);
		assertThat(shown.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(shown.body(), "$.title")).isEqualTo("Opening lecture");
	}

	@Test
	void streamsTheWholeVideoWithItsValidators() {
		long video = uploadVideo("Stream me");

		TestClient.Bytes full = this.owner.api().getBytes("/api/v1/media/" + video + "/content");
		assertThat(full.status()).isEqualTo(200);
		assertThat(full.body()).isEqualTo(Fixtures.MP4);
		assertThat(full.header("Content-Type")).isEqualTo("video/mp4");
		assertThat(full.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
		assertThat(full.header("Accept-Ranges")).isEqualTo("bytes");
		assertThat(full.header("Content-Disposition")).isEqualTo("inline");
		assertThat(full.header("ETag")).matches("\"[0-9a-f]{32}\"");
		assertThat(full.header("Cache-Control")).contains("private").doesNotContain("public");
		Instant lastModified = ZonedDateTime.parse(full.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME)
			.toInstant();
		assertThat(lastModified).isEqualTo(this.clock.instant().truncatedTo(ChronoUnit.SECONDS));
	}

	@Test
	void answersTheFirstByte() {
		long video = uploadVideo("First byte");
		TestClient.Bytes first = this.owner.api().getBytes("/api/v1/media/" + video + "/content", "Range", "bytes=0-0");
		assertThat(first.status()).isEqualTo(206);
		assertThat(first.body()).containsExactly(Fixtures.MP4[0]);
		assertThat(first.header("Content-Range")).isEqualTo("bytes 0-0/" + SIZE);
		assertThat(first.header("Content-Length")).isEqualTo("1");
	}

	@Test
	void answersTheLastByte() {
		long video = uploadVideo("Last byte");
		String content = "/api/v1/media/" + video + "/content";
		for (String range : List.of("bytes=" + (SIZE - 1) + "-" + (SIZE - 1), "bytes=-1")) {
			TestClient.Bytes last = this.owner.api().getBytes(content, "Range", range);
			assertThat(last.status()).as(range).isEqualTo(206);
			assertThat(last.body()).as(range).containsExactly(Fixtures.MP4[SIZE - 1]);
			assertThat(last.header("Content-Range")).as(range)
				.isEqualTo("bytes " + (SIZE - 1) + "-" + (SIZE - 1) + "/" + SIZE);
		}
	}

	@Test
	void answersASuffixRangeWithTheLastBytes() {
		long video = uploadVideo("Suffix");
		TestClient.Bytes suffix = this.owner.api()
			.getBytes("/api/v1/media/" + video + "/content", "Range", "bytes=-10");
		assertThat(suffix.status()).isEqualTo(206);
		assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(Fixtures.MP4, SIZE - 10, SIZE));
		assertThat(suffix.header("Content-Range")).isEqualTo("bytes " + (SIZE - 10) + "-" + (SIZE - 1) + "/" + SIZE);
	}

	@Test
	void answersAnOpenRangeToTheEnd() {
		long video = uploadVideo("Open range");
		TestClient.Bytes open = this.owner.api().getBytes("/api/v1/media/" + video + "/content", "Range", "bytes=10-");
		assertThat(open.status()).isEqualTo(206);
		assertThat(open.body()).isEqualTo(Arrays.copyOfRange(Fixtures.MP4, 10, SIZE));
		assertThat(open.header("Content-Range")).isEqualTo("bytes 10-" + (SIZE - 1) + "/" + SIZE);
		assertThat(open.header("Content-Length")).isEqualTo(String.valueOf(SIZE - 10));
	}

	@Test
	void answersSeveralRangesAsMultipartByteranges() {
		long video = uploadVideo("Two ranges");
		TestClient.Bytes ranges = this.owner.api()
			.getBytes("/api/v1/media/" + video + "/content", "Range", "bytes=4-7,100-103");
		assertThat(ranges.status()).isEqualTo(206);
		assertThat(ranges.header("Content-Type")).startsWith("multipart/byteranges; boundary=");
		String body = new String(ranges.body(), StandardCharsets.ISO_8859_1);
		assertThat(body).contains("Content-Range: bytes 4-7/" + SIZE)
			.contains("Content-Range: bytes 100-103/" + SIZE)
			.contains("ftyp")
			.contains(new String(Arrays.copyOfRange(Fixtures.MP4, 100, 104), StandardCharsets.ISO_8859_1));
	}

	@Test
	void refusesARangeBeyondTheEnd() {
		long video = uploadVideo("Unsatisfiable");
		TestClient.Bytes refused = this.owner.api()
			.getBytes("/api/v1/media/" + video + "/content", "Range", "bytes=" + SIZE + "-");
		assertThat(refused.status()).isEqualTo(416);
		assertThat(refused.header("Content-Range")).isEqualTo("bytes */" + SIZE);
		assertThat(refused.body()).as("no body, not the whole file").isEmpty();
	}

	@Test
	void answersHeadWithTheLengthAndNoBody() {
		long video = uploadVideo("Head");
		TestClient.Response head = this.owner.api().head("/api/v1/media/" + video + "/content");
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
		assertThat(head.header("Content-Type")).isEqualTo("video/mp4");
		assertThat(head.header("Accept-Ranges")).isEqualTo("bytes");
		assertThat(head.body()).isEmpty();
	}

	@Test
	void answersNotModifiedToItsOwnEtag() {
		long video = uploadVideo("Cached");
		String content = "/api/v1/media/" + video + "/content";
		String etag = this.owner.api().getBytes(content).header("ETag");

		TestClient.Bytes cached = this.owner.api().getBytes(content, "If-None-Match", etag);
		assertThat(cached.status()).isEqualTo(304);
		assertThat(cached.body()).isEmpty();
		assertThat(cached.header("ETag")).isEqualTo(etag);

		TestClient.Bytes changed = this.owner.api().getBytes(content, "If-None-Match", "\"" + "0".repeat(32) + "\"");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body()).isEqualTo(Fixtures.MP4);
	}

	@Test
	void refusesAFileThatIsNotAVideoAndKeepsNothing() {
		Set<String> filesBefore = storedFiles();
		byte[] text = "This is a plain text file pretending to be a video.\n".repeat(20)
			.getBytes(StandardCharsets.UTF_8);

		TestClient.Response refused = upload(this.owner.api(), Map.of("title", "Fake", "type", "video"), "x.mp4",
				"video/mp4", text);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("validation_failed");
		assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].field")).containsExactly("file");
		assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.");
		assertThat(mediaRows(this.owner)).isZero();
		assertThat(storedFiles()).isEqualTo(filesBefore);
	}

	@Test
	void refusesAnEmptyFileAndKeepsNothing() {
		Set<String> filesBefore = storedFiles();
		TestClient.Response refused = upload(this.owner.api(), Map.of("title", "Empty", "type", "video"), "empty.mp4",
				"video/mp4", new byte[0]);
		assertThat(refused.status()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("validation_failed");
		assertThat(mediaRows(this.owner)).isZero();
		assertThat(storedFiles()).isEqualTo(filesBefore);
	}

	@Test
	void refusesAnUploadWithABadTitleBeforeStoringTheFile() {
		Set<String> filesBefore = storedFiles();
		for (String title : List.of("", "   ", "x".repeat(201))) {
			TestClient.Response refused = upload(this.owner.api(), Map.of("title", title, "type", "video"), "talk.mp4",
					"video/mp4", Fixtures.MP4);
			assertThat(refused.status()).as("'" + title + "'").isEqualTo(400);
			assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("validation_failed");
			assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].field")).containsExactly("title");
		}
		assertThat(mediaRows(this.owner)).isZero();
		assertThat(storedFiles()).isEqualTo(filesBefore);
	}

	@Test
	void refusesABrokenUploadAsMalformedAndKeepsNothing() {
		Set<String> filesBefore = storedFiles();
		String boundary = "----broken";
		byte[] truncated = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nCut off\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"talk.mp4\"\r\n"
				+ "Content-Type: video/mp4\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] body = Arrays.copyOf(truncated, truncated.length + 100);
		System.arraycopy(Fixtures.MP4, 0, body, truncated.length, 100);

		TestClient.Response refused = this.owner.api()
			.send(this.owner.api()
				.request("/api/v1/media")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)));

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("malformed_request");
		assertThat(mediaRows(this.owner)).isZero();
		assertThat(storedFiles()).isEqualTo(filesBefore);
	}

	@Test
	void uploadsOnlyVideosAsMultipart() {
		TestClient.Response refused = upload(this.owner.api(), Map.of("title", "Room", "type", "room"), "talk.mp4",
				"video/mp4", Fixtures.MP4);
		assertThat(refused.status()).isEqualTo(400);
		assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].field")).containsExactly("type");
		assertThat(mediaRows(this.owner)).isZero();
	}

	@Test
	void acceptsWebmAndOggWithTheirContentTypes() {
		Map<String, byte[]> videos = new LinkedHashMap<>();
		videos.put("video/webm", WEBM);
		videos.put("video/ogg", OGG);
		for (Map.Entry<String, byte[]> video : videos.entrySet()) {
			// The browser's claim is ignored: the bytes decide.
			TestClient.Response created = upload(this.owner.api(), Map.of("title", video.getKey(), "type", "video"),
					"clip.bin", "application/octet-stream", video.getValue());
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertThat((String) JsonPath.read(created.body(), "$.contentType")).isEqualTo(video.getKey());
			assertThat(((Number) JsonPath.read(created.body(), "$.sizeBytes")).longValue())
				.isEqualTo(video.getValue().length);

			TestClient.Bytes content = this.owner.api().getBytes("/api/v1/media/" + id(created) + "/content");
			assertThat(content.status()).isEqualTo(200);
			assertThat(content.header("Content-Type")).isEqualTo(video.getKey());
			assertThat(content.body()).isEqualTo(video.getValue());
		}
	}

	@Test
	void addsLinkedItemsAsJson() {
		for (String type : List.of("live_session", "room", "channel_room")) {
			TestClient.Response created = this.owner.api()
				.json("POST", "/api/v1/media", "{\"title\":\"A " + type + "\",\"description\":\"Weekly\",\"type\":\""
						+ type + "\",\"url\":\"https://meet.example.org/r/42\"}");
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			long id = id(created);
			assertThat(created.header("Location")).endsWith("/api/v1/media/" + id);
			assertThat((String) JsonPath.read(created.body(), "$.type")).isEqualTo(type);
			assertThat((String) JsonPath.read(created.body(), "$.title")).isEqualTo("A " + type);
			assertThat((String) JsonPath.read(created.body(), "$.url")).isEqualTo("https://meet.example.org/r/42");
			assertThat(((Number) JsonPath.read(created.body(), "$.ownerId")).longValue()).isEqualTo(this.owner.id());
			assertThat((Object) JsonPath.read(created.body(), "$.contentUrl")).isNull();
			assertThat((Object) JsonPath.read(created.body(), "$.contentType")).isNull();
			assertThat(this.owner.api().get("/api/v1/media/" + id + "/content").status()).isEqualTo(404);
		}
		assertThat(mediaRows(this.owner)).isEqualTo(3);
	}

	@Test
	void refusesBadLinkedItemsAndWritesNothing() {
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("{\"title\":\"XSS\",\"type\":\"room\",\"url\":\"javascript:alert(1)\"}", "url");
		bad.put("{\"title\":\"Data\",\"type\":\"room\",\"url\":\"data:text/html,hi\"}", "url");
		bad.put("{\"title\":\"No host\",\"type\":\"room\",\"url\":\"https://\"}", "url");
		bad.put("{\"title\":\"No url\",\"type\":\"room\"}", "url");
		bad.put("{\"type\":\"room\",\"url\":\"https://meet.example.org\"}", "title");
		bad.put("{\"title\":\"  \",\"type\":\"room\",\"url\":\"https://meet.example.org\"}", "title");
		bad.put("{\"title\":\"" + "x".repeat(201) + "\",\"type\":\"room\",\"url\":\"https://meet.example.org\"}",
				"title");
		bad.put("{\"title\":\"Video\",\"type\":\"video\",\"url\":\"https://cdn.example.org/v.mp4\"}", "type");
		bad.put("{\"title\":\"Podcast\",\"type\":\"podcast\",\"url\":\"https://cdn.example.org\"}", "type");
		bad.put("{\"title\":\"No type\",\"url\":\"https://meet.example.org\"}", "type");
		for (Map.Entry<String, String> request : bad.entrySet()) {
			TestClient.Response refused = this.owner.api().json("POST", "/api/v1/media", request.getKey());
			assertThat(refused.status()).as(request.getKey()).isEqualTo(400);
			assertThat(refused.header("Content-Type")).as(request.getKey()).startsWith("application/problem+json");
			assertThat((String) JsonPath.read(refused.body(), "$.code")).as(request.getKey())
				.isEqualTo("validation_failed");
			assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].field")).as(request.getKey())
				.contains(request.getValue());
			assertThat(refused.body()).as(request.getKey()).doesNotContain("Exception").doesNotContain("at org.");
		}
		TestClient.Response malformed = this.owner.api().json("POST", "/api/v1/media", "not json");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat((String) JsonPath.read(malformed.body(), "$.code")).isEqualTo("malformed_request");
		assertThat(mediaRows(this.owner)).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor = :actor and action = 'media_added'")
			.param("actor", this.owner.username())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aTitleOfTwoHundredCharactersIsAccepted() {
		TestClient.Response created = this.owner.api()
			.json("POST", "/api/v1/media",
					"{\"title\":\"" + "x".repeat(200) + "\",\"type\":\"room\",\"url\":\"https://meet.example.org\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	@Test
	void membersListOnlyTheirOwnItems() {
		Person other = this.fixtures.member(this.port);
		long mine = this.owner.liveSession("Mine");
		long video = uploadVideo("My video");
		long theirs = other.liveSession("Theirs");

		List<Number> listed = JsonPath.read(this.owner.api().get("/api/v1/media").body(), "$[*].id");
		assertThat(listed.stream().map(Number::longValue)).containsExactly(video, mine);
		List<Number> theirList = JsonPath.read(other.api().get("/api/v1/media").body(), "$[*].id");
		assertThat(theirList.stream().map(Number::longValue)).containsExactly(theirs);
	}

	@Test
	void adminsListEveryonesItems() {
		Person other = this.fixtures.member(this.port);
		Person admin = this.fixtures.admin(this.port);
		long mine = this.owner.liveSession("Mine");
		long theirs = other.liveSession("Theirs");

		TestClient.Response listed = admin.api().get("/api/v1/media");
		assertThat(listed.status()).isEqualTo(200);
		List<Number> ids = JsonPath.read(listed.body(), "$[*].id");
		assertThat(ids.stream().map(Number::longValue)).contains(mine, theirs);
		assertThat(admin.api().get("/api/v1/media/" + theirs).status()).isEqualTo(200);
	}

	@Test
	void anotherMembersItemIsNotFound() {
		Person other = this.fixtures.member(this.port);
		long video = uploadVideo("Private video");

		for (String path : List.of("/api/v1/media/" + video, "/api/v1/media/" + video + "/content")) {
			TestClient.Response response = other.api().get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat((String) JsonPath.read(response.body(), "$.code")).as(path).isEqualTo("not_found");
		}
		assertThat(other.api().head("/api/v1/media/" + video + "/content").status()).isEqualTo(404);
		assertThat(other.api().getBytes("/api/v1/media/" + video + "/content", "Range", "bytes=0-0").status())
			.isEqualTo(404);
		TestClient.Response delete = other.api().json("DELETE", "/api/v1/media/" + video, null);
		assertThat(delete.status()).isEqualTo(404);
		assertThat((String) JsonPath.read(delete.body(), "$.code")).isEqualTo("not_found");
		assertThat(deletedAt(video)).isNull();
		assertThat(this.owner.api().get("/api/v1/media/" + video).status()).isEqualTo(200);
	}

	@Test
	void anotherMemberReadsNoCaptionsAndNoPosterThroughTheServices() throws IOException {
		Viewer owner = new Viewer(this.owner.id(), this.owner.username(), false);
		Person otherPerson = this.fixtures.member(this.port);
		Viewer other = new Viewer(otherPerson.id(), otherPerson.username(), false);
		long video = uploadVideo("Private video with captions");
		assertThat(this.captions
			.add(video, owner, "en", "English", new ByteArrayInputStream("WEBVTT\n".getBytes(StandardCharsets.UTF_8)))
			.isRefused()).isFalse();
		assertThat(this.posters
			.add(video, owner,
					new ByteArrayInputStream(
							PosterImageTests.image("png", 32, 18, BufferedImage.TYPE_INT_RGB, Color.RED)))
			.isRefused()).isFalse();
		MediaItem item = this.library.find(video, owner).orElseThrow();

		assertThat(this.captions.of(video, owner)).hasValueSatisfying((list) -> assertThat(list).hasSize(1));
		assertThat(this.captions.of(item, owner)).hasSize(1);
		assertThat(this.captions.content(video, owner, "en")).isPresent();
		assertThat(this.posters.find(video, owner)).isPresent();
		assertThat(this.posters.find(item, owner)).isPresent();
		assertThat(this.posters.exists(item, owner)).isTrue();
		assertThat(this.posters.of(List.of(item), owner)).containsOnlyKeys(video);

		assertThat(this.captions.of(video, other)).as("captions listed by id").isEmpty();
		assertThat(this.captions.of(item, other)).as("captions of the item in hand").isEmpty();
		assertThat(this.captions.content(video, other, "en")).as("a caption file").isEmpty();
		assertThat(this.posters.find(video, other)).as("the poster by id").isEmpty();
		assertThat(this.posters.find(item, other)).as("the poster of the item in hand").isEmpty();
		assertThat(this.posters.exists(item, other)).as("whether it has a poster").isFalse();
		assertThat(this.posters.of(List.of(item), other)).as("the posters of a list").isEmpty();
	}

	@Test
	void anUnknownOrNonNumericIdIsNotFound() {
		for (String id : List.of("999999999", "abc", "1.5")) {
			for (String path : List.of("/api/v1/media/" + id, "/api/v1/media/" + id + "/content")) {
				TestClient.Response response = this.owner.api().get(path);
				assertThat(response.status()).as(path).isEqualTo(404);
				assertThat((String) JsonPath.read(response.body(), "$.code")).as(path).isEqualTo("not_found");
			}
			assertThat(this.owner.api().json("DELETE", "/api/v1/media/" + id, null).status()).as(id).isEqualTo(404);
		}
	}

	@Test
	void deletingIsSoft() {
		long video = uploadVideo("Soon gone");
		long kept = this.owner.liveSession("Kept");

		TestClient.Response deleted = this.owner.api().json("DELETE", "/api/v1/media/" + video, null);
		assertThat(deleted.status()).isEqualTo(204);

		assertThat(this.owner.api().get("/api/v1/media/" + video).status()).isEqualTo(404);
		assertThat(this.owner.api().get("/api/v1/media/" + video + "/content").status()).isEqualTo(404);
		List<Number> listed = JsonPath.read(this.owner.api().get("/api/v1/media").body(), "$[*].id");
		assertThat(listed.stream().map(Number::longValue)).containsExactly(kept);
		assertThat(deletedAt(video)).isEqualTo(this.clock.instant());
		assertThat(mediaRows(this.owner)).isEqualTo(2);

		assertThat(this.owner.api().json("DELETE", "/api/v1/media/" + video, null).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from audit_event where media_id = :id and action = 'media_deleted'")
			.param("id", video)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAdminDeletesAnyonesItem() {
		Person admin = this.fixtures.admin(this.port);
		long item = this.owner.liveSession("Moderated");
		assertThat(admin.api().json("DELETE", "/api/v1/media/" + item, null).status()).isEqualTo(204);
		assertThat(this.owner.api().get("/api/v1/media/" + item).status()).isEqualTo(404);
		assertThat(deletedAt(item)).isNotNull();
	}

	@Test
	void theApiNeedsAToken() {
		long video = uploadVideo("Locked");
		TestClient anonymous = TestClient.api(this.port, "not-a-token");
		assertThat(anonymous.get("/api/v1/media").status()).isEqualTo(401);
		assertThat(anonymous.get("/api/v1/media/" + video + "/content").status()).isEqualTo(401);
		assertThat(TestClient.browser(this.port).get("/api/v1/media", "Accept", "application/json").status())
			.isEqualTo(401);
	}

	@Test
	void aSignedInMemberSeesTheirLibraryAndThePlayer() {
		Person other = this.fixtures.member(this.port);
		long video = uploadVideo("Lecture <one>");
		long room = this.owner.createLinked("Office hours", "room");
		long theirs = other.liveSession("Someone else's session");
		TestClient browser = signIn(this.owner);

		TestClient.Response library = browser.get("/media");
		assertThat(library.status()).isEqualTo(200);
		assertThat(library.body()).contains("href=\"/media/" + video + "\"")
			.contains("href=\"/media/" + room + "\"")
			.contains("Lecture &lt;one&gt;")
			.doesNotContain("Lecture <one>")
			.contains("Office hours")
			.doesNotContain("href=\"/media/" + theirs + "\"");
		assertThat(library.text()).doesNotContain("Someone else's session");

		TestClient.Response page = browser.get("/media/" + video);
		assertThat(page.status()).isEqualTo(200);
		String content = "/api/v1/media/" + video + "/content";
		assertThat(count(page.body(), "video")).as("one player").isEqualTo(1);
		assertThat(select(page.body(), "video[src=\"" + content + "\"], video > source[src=\"" + content + "\"]"))
			.as("the player plays the item's content")
			.isNotEmpty();
		assertThat(select(page.body(), "[aria-label=\"More actions\"]")).isNotEmpty();
		assertThat(page.text()).contains("Lecture <one>");
		TestClient.Bytes played = browser.getBytes("/api/v1/media/" + video + "/content", "Range", "bytes=0-7");
		assertThat(played.status()).isEqualTo(206);
		assertThat(played.body()).isEqualTo(Arrays.copyOf(Fixtures.MP4, 8));

		TestClient.Response roomPage = browser.get("/media/" + room);
		assertThat(roomPage.status()).isEqualTo(200);
		assertThat(select(roomPage.body(), "a[href=\"https://stream.example.org/live\"]")).isNotEmpty();
		assertThat(roomPage.text()).contains("Join the room");
		assertThat(select(roomPage.body(), "video")).as("a player for a room").isEmpty();
	}

	@Test
	void aSignedInMemberUploadsAVideoThroughTheForm() {
		TestClient browser = signIn(this.owner);
		String csrf = csrfToken(browser.get("/media"));
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf);
		fields.put("title", "From the form");
		fields.put("description", "");

		TestClient.Response uploaded = upload(browser, "/media/videos", fields, "talk.mp4", "video/mp4", Fixtures.MP4);

		assertThat(uploaded.status()).isEqualTo(302);
		List<Long> ids = this.jdbc.sql("select id from media where owner_id = :id")
			.param("id", this.owner.id())
			.query(Long.class)
			.list();
		assertThat(ids).hasSize(1);
		assertThat(uploaded.header("Location")).endsWith("/media/" + ids.get(0));
		TestClient.Response page = browser.get("/media/" + ids.get(0));
		assertThat(page.text()).contains("From the form");
		assertThat(count(page.body(), "video")).as("one player").isEqualTo(1);
	}

	@Test
	void theFormRefusesAFileThatIsNotAVideoWithAMessage() {
		Set<String> filesBefore = storedFiles();
		TestClient browser = signIn(this.owner);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrfToken(browser.get("/media")));
		fields.put("title", "Not a video");

		TestClient.Response refused = upload(browser, "/media/videos", fields, "x.mp4", "video/mp4",
				"plain text".getBytes(StandardCharsets.UTF_8));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("Upload an MP4, WebM or Ogg video.");
		PageChecks.assertErrorNextToField(refused.body(), "video-file", "Upload an MP4, WebM or Ogg video.");
		assertThat(PageChecks.control(refused.body(), "video-title").attr("value")).as("the title, as typed")
			.isEqualTo("Not a video");
		assertThat(mediaRows(this.owner)).isZero();
		assertThat(storedFiles()).isEqualTo(filesBefore);
	}

	@Test
	void theLinkedFormKeepsWhatWasTypedAndShowsTheRefusalNextToItsField() {
		TestClient browser = signIn(this.owner);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrfToken(browser.get("/media")));
		fields.put("title", "Assembly <b>hall</b>");
		fields.put("type", "room");
		fields.put("url", "ftp://rooms.example.org/hall");

		TestClient.Response refused = browser.postForm("/media/links", fields);

		assertThat(refused.status()).isEqualTo(400);
		PageChecks.assertErrorNextToField(refused.body(), "link-url", MediaRefusal.URL_INVALID.message());
		PageChecks.assertNoErrorOnField(refused.body(), "link-title");
		assertThat(PageChecks.control(refused.body(), "link-title").attr("value")).isEqualTo("Assembly <b>hall</b>");
		assertThat(PageChecks.control(refused.body(), "link-url").attr("value"))
			.isEqualTo("ftp://rooms.example.org/hall");
		assertThat(PageChecks.selectedOption(refused.body(), "link-type")).isEqualTo("room");
		assertThat(refused.body()).as("escaped").doesNotContain("<b>hall</b>");
		assertThat(select(refused.body(), "main [role=alert]")).as("no error above the forms").isEmpty();
		assertThat(mediaRows(this.owner)).isZero();
	}

	@Test
	void anotherMembersMediaPageIsNotFound() {
		Person other = this.fixtures.member(this.port);
		long theirs = other.liveSession("Someone else's session");
		TestClient browser = signIn(this.owner);

		for (String path : List.of("/media/" + theirs, "/media/999999999")) {
			TestClient.Response page = browser.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
			assertThat(page.text()).as(path)
				.contains("We can't find that page")
				.doesNotContain("Someone else's session")
				.doesNotContain("Exception")
				.doesNotContain("at org.");
		}
	}

	@Test
	void aMalformedMediaPageAddressIsNotFound() {
		TestClient browser = signIn(this.owner);
		TestClient.Response page = browser.get("/media/abc");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.text()).contains("Go to your media").doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void theLibraryPageNeedsASignIn() {
		TestClient.Response page = TestClient.browser(this.port).get("/media");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/login");
	}

	/** Posts a multipart upload to the API: the given text fields, then the file. */
	static TestClient.Response upload(TestClient client, Map<String, String> fields, String filename,
			String contentType, byte[] file) {
		return upload(client, "/api/v1/media", fields, filename, contentType, file);
	}

	/** Posts a multipart upload: the given text fields in their order, then the file. */
	static TestClient.Response upload(TestClient client, String path, Map<String, String> fields, String filename,
			String contentType, byte[] file) {
		return client.postMultipart(path, fields, filename, contentType, file);
	}

	/** The names of the files in the media storage folder. */
	static Set<String> storedFiles(Path storageDir) {
		if (!Files.isDirectory(storageDir)) {
			return Set.of();
		}
		try (Stream<Path> files = Files.list(storageDir)) {
			return files.map((file) -> file.getFileName().toString()).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A browser signed in through the login form. */
	static TestClient signIn(int port, Person person) {
		TestClient browser = TestClient.browser(port);
		TestClient.Response signedIn = browser.signIn(person.username(), person.password());
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/media");
		return browser;
	}

	/** The CSRF token of a page's forms, to send along with a multipart form. */
	static String csrfToken(TestClient.Response page) {
		return PageChecks.csrfToken(page.body());
	}

	private TestClient signIn(Person person) {
		return signIn(this.port, person);
	}

	private long uploadVideo(String title) {
		TestClient.Response created = upload(this.owner.api(), Map.of("title", title, "type", "video"), "talk.mp4",
				"video/mp4", Fixtures.MP4);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return id(created);
	}

	private Set<String> storedFiles() {
		return storedFiles(this.properties.storageDir());
	}

	private int mediaRows(Person person) {
		return this.jdbc.sql("select count(*) from media where owner_id = :id")
			.param("id", person.id())
			.query(Integer.class)
			.single();
	}

	/** When the item's row was marked deleted, or null; the row itself must exist. */
	private Instant deletedAt(long media) {
		List<Instant> deletedAt = this.jdbc.sql("select deleted_at from media where id = :id")
			.param("id", media)
			.query((rs, row) -> {
				OffsetDateTime value = rs.getObject("deleted_at", OffsetDateTime.class);
				return (value != null) ? value.toInstant() : null;
			})
			.list();
		assertThat(deletedAt).as("rows of media " + media).hasSize(1);
		return deletedAt.get(0);
	}

	private static long id(TestClient.Response created) {
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	private static byte[] withTail(byte[] header, int size) {
		byte[] bytes = Arrays.copyOf(header, size);
		for (int i = header.length; i < size; i++) {
			bytes[i] = (byte) (i % 241);
		}
		return bytes;
	}

}
