package org.guestpass.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

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
import static org.guestpass.PageChecks.select;

/**
 * Posters: the owner uploads a PNG or JPEG, which is kept as a JPEG within 1280 × 1280
 * pixels without its metadata; what would take too much to decode is refused, and an
 * upload that finds the node decoding as many images as it may is told to try again; both
 * players show it; the item's owner and admitted guests, and nobody else, can load it; it
 * goes when the item's files go.
 */
@IntegrationTest
class PostersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GuestPassProperties properties;

	@Autowired
	DeletedMediaCleanup cleanup;

	@Autowired
	MutableClock clock;

	@Autowired
	PosterDecodes decodes;

	@Test
	void theOwnerAddsAPngPosterThatTheOwnersPlayerAndLibraryShow() throws IOException {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);
		assertThat((Object) JsonPath.read(owner.api().get("/api/v1/media/" + video).body(), "$.posterUrl")).isNull();

		TestClient.Response added = putPoster(owner.api(), video, "poster.png", "image/png",
				PosterImageTests.image("png", 1600, 900, BufferedImage.TYPE_INT_RGB, Color.ORANGE));

		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.header("Location")).endsWith("/api/v1/media/" + video + "/poster");
		assertThat((String) JsonPath.read(added.body(), "$.posterUrl")).isEqualTo("/api/v1/media/" + video + "/poster");
		assertThat((List<String>) JsonPath.read(owner.api().get("/api/v1/media").body(),
				"$[?(@.id == " + video + ")].posterUrl"))
			.containsExactly("/api/v1/media/" + video + "/poster");

		TestClient.Bytes poster = owner.api().getBytes("/api/v1/media/" + video + "/poster");
		assertThat(poster.status()).isEqualTo(200);
		assertThat(poster.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(poster.header("Content-Disposition")).isEqualTo("inline");
		assertThat(poster.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(poster.header("Cache-Control")).contains("private").doesNotContain("public");
		assertThat(poster.header("ETag")).isNotBlank();
		BufferedImage stored = jpeg(poster.body());
		assertThat(stored.getWidth()).isEqualTo(1280);
		assertThat(stored.getHeight()).isEqualTo(720);
		assertThat(owner.api()
			.getBytes("/api/v1/media/" + video + "/poster", "If-None-Match", poster.header("ETag"))
			.status()).as("unchanged").isEqualTo(304);

		TestClient browser = MediaIntegrationTests.signIn(this.port, owner);
		TestClient.Response page = browser.get("/media/" + video);
		assertThat(select(page.body(), "video[poster=/media/" + video + "/poster]")).as("the player with the poster")
			.isNotEmpty();
		assertThat(browser.getBytes("/media/" + video + "/poster").body()).isEqualTo(poster.body());
		assertThat(browser.get("/media").body()).contains("class=\"media-thumb\" src=\"/media/" + video + "/poster\"");
	}

	@Test
	void aJpegIsKeptWithoutItsMetadataAndFittedWithin1280Pixels() throws IOException {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);
		byte[] photo = PosterImageTests.withExif(
				PosterImageTests.image("jpeg", 2000, 1500, BufferedImage.TYPE_INT_RGB, Color.GRAY),
				"GPS 48.8584 N 2.2945 E");

		assertThat(putPoster(owner.api(), video, "photo.jpg", "image/jpeg", photo).status()).isEqualTo(201);

		byte[] stored = owner.api().getBytes("/api/v1/media/" + video + "/poster").body();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPS 48.8584")
			.doesNotContain("Exif");
		assertThat(jpeg(stored).getWidth()).isEqualTo(1280);
		assertThat(jpeg(stored).getHeight()).isEqualTo(960);
	}

	@Test
	void refusesWhatIsNotAnImageTooLargeOrTooManyPixelsAndKeepsNothing() {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);
		Set<String> filesBefore = MediaIntegrationTests.storedFiles(this.properties.storageDir());
		byte[] tooLarge = new byte[Posters.MAX_BYTES + 1];
		System.arraycopy(PosterImageTests.image("png", 4, 4, BufferedImage.TYPE_INT_RGB, Color.RED), 0, tooLarge, 0, 8);
		Map<String, byte[]> refused = new LinkedHashMap<>();
		refused.put("a WebM named .png", MediaIntegrationTests.WEBM);
		refused.put("text named .png", "just some text".getBytes(StandardCharsets.UTF_8));
		refused.put("empty", new byte[0]);
		refused.put("larger than 5 MB", tooLarge);
		refused.put("20000 × 20000 pixels", PosterImageTests.pngHeader(20000, 20000));
		Map<String, String> messages = Map.of("larger than 5 MB", "larger than 5 MB", "20000 × 20000 pixels",
				"8000 × 8000 pixels");

		refused.forEach((what, file) -> {
			TestClient.Response response = putPoster(owner.api(), video, "poster.png", "image/png", file);
			assertThat(response.status()).as(what).isEqualTo(400);
			assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
			assertThat((String) JsonPath.read(response.body(), "$.code")).as(what).isEqualTo("validation_failed");
			assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).as(what).isEqualTo("file");
			assertThat((String) JsonPath.read(response.body(), "$.errors[0].message")).as(what)
				.contains(messages.getOrDefault(what, "PNG or JPEG"));
		});

		assertThat(posterRows(video)).isZero();
		assertThat(MediaIntegrationTests.storedFiles(this.properties.storageDir())).isEqualTo(filesBefore);
		long room = owner.createLinked("Room", "room");
		assertThat(putPoster(owner.api(), room, "poster.png", "image/png", png()).status()).as("not a video")
			.isEqualTo(404);
	}

	@Test
	void aTallSixteenBitImageBecomesAPosterWithinTheBox() throws IOException {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);

		TestClient.Response added = putPoster(owner.api(), video, "tall.png", "image/png",
				CraftedImages.png(2559, 8000, 16, CraftedImages.RGBA, false));

		assertThat(added.status()).as(added.body()).isEqualTo(201);
		BufferedImage stored = jpeg(owner.api().getBytes("/api/v1/media/" + video + "/poster").body());
		assertThat(stored.getWidth()).isEqualTo(409);
		assertThat(stored.getHeight()).isEqualTo(1280);
	}

	@Test
	void refusesImagesThatWouldTakeTooMuchToDecodeAndKeepsNothing() {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);
		TestClient browser = MediaIntegrationTests.signIn(this.port, owner);
		Set<String> filesBefore = MediaIntegrationTests.storedFiles(this.properties.storageDir());
		byte[] progressive = CraftedImages.jpeg(64, 64, true);
		Map<String, byte[]> refused = new LinkedHashMap<>();
		refused.put("8000 × 5001 pixels", PosterImageTests.pngHeader(8000, 5001));
		refused.put("a progressive 8000 × 5000 JPEG", CraftedImages.claimingSize(progressive, 8000, 5000));
		refused.put("a JPEG of 1000 scans", CraftedImages.withRepeatedLastScan(progressive, 1000));
		Map<String, String> messages = Map.of("8000 × 5001 pixels", "more than 40 million pixels",
				"a progressive 8000 × 5000 JPEG", "too much memory", "a JPEG of 1000 scans", "too much memory");

		refused.forEach((what, file) -> {
			TestClient.Response response = putPoster(owner.api(), video, "poster.jpg", "image/jpeg", file);
			assertThat(response.status()).as(what).isEqualTo(400);
			assertThat((String) JsonPath.read(response.body(), "$.code")).as(what).isEqualTo("validation_failed");
			assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).as(what).isEqualTo("file");
			assertThat((String) JsonPath.read(response.body(), "$.errors[0].message")).as(what)
				.contains(messages.get(what));
			postPosterForm(browser, video, file);
			assertThat(browser.get("/media/" + video).text()).as(what).contains(messages.get(what));
		});

		assertThat(posterRows(video)).isZero();
		assertThat(MediaIntegrationTests.storedFiles(this.properties.storageDir())).isEqualTo(filesBefore);
	}

	@Test
	void anUploadThatFindsEveryDecodeBusyIsToldToTryAgainAndKeepsNothing() throws Exception {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);
		TestClient browser = MediaIntegrationTests.signIn(this.port, owner);
		Set<String> filesBefore = MediaIntegrationTests.storedFiles(this.properties.storageDir());
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService holders = Executors.newFixedThreadPool(PosterDecodes.PERMITS);
		try {
			// Conversions whose uploads do not arrive hold every permit of the node.
			CountDownLatch holding = new CountDownLatch(PosterDecodes.PERMITS);
			List<Future<PosterImage.Conversion>> held = new ArrayList<>();
			for (int i = 0; i < PosterDecodes.PERMITS; i++) {
				held.add(holders.submit(() -> this.decodes.convert(new InputStream() {
					@Override
					public int read() throws IOException {
						holding.countDown();
						try {
							release.await(30, TimeUnit.SECONDS);
						}
						catch (InterruptedException ex) {
							throw new IOException(ex);
						}
						return -1;
					}
				})));
			}
			assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

			List<TestClient.Response> answers = Concurrently.run(2,
					(i) -> (i == 0) ? putPoster(owner.api(), video, "poster.png", "image/png", png())
							: postPosterForm(browser, video, png()));

			TestClient.Response api = answers.get(0);
			assertThat(api.status()).as(api.body()).isEqualTo(503);
			assertThat(api.header("Retry-After")).isEqualTo("5");
			assertThat(api.header("Content-Type")).startsWith("application/problem+json");
			assertThat((String) JsonPath.read(api.body(), "$.code")).isEqualTo("images_busy");
			assertThat((String) JsonPath.read(api.body(), "$.detail")).contains("Try again in a few seconds");
			TestClient.Response page = answers.get(1);
			assertThat(page.status()).isEqualTo(503);
			assertThat(page.header("Retry-After")).isEqualTo("5");
			assertThat(page.text()).contains("GuestPass is busy reading other images. Try again in a few seconds.")
				.contains("Add poster");
			assertThat(posterRows(video)).isZero();
			assertThat(MediaIntegrationTests.storedFiles(this.properties.storageDir())).isEqualTo(filesBefore);

			release.countDown();
			for (Future<PosterImage.Conversion> conversion : held) {
				assertThat(conversion.get(10, TimeUnit.SECONDS).refusal()).isEqualTo(MediaRefusal.NOT_AN_IMAGE);
			}
			assertThat(putPoster(owner.api(), video, "poster.png", "image/png", png()).status())
				.as("sent again once the node is free")
				.isEqualTo(201);
		}
		finally {
			release.countDown();
			holders.shutdownNow();
		}
	}

	@Test
	void aNewPosterReplacesTheOldOneAndRemovingItLeavesNone() {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);
		putPoster(owner.api(), video, "first.png", "image/png", png());
		Path firstFile = posterFile(video);
		String firstTag = owner.api().getBytes("/api/v1/media/" + video + "/poster").header("ETag");

		TestClient.Response replaced = putPoster(owner.api(), video, "second.jpg", "image/jpeg",
				PosterImageTests.image("jpeg", 200, 100, BufferedImage.TYPE_INT_RGB, Color.CYAN));

		assertThat(replaced.status()).isEqualTo(200);
		assertThat(posterRows(video)).isEqualTo(1);
		assertThat(firstFile).doesNotExist();
		assertThat(posterFile(video)).exists();
		TestClient.Bytes second = owner.api().getBytes("/api/v1/media/" + video + "/poster", "If-None-Match", firstTag);
		assertThat(second.status()).as("the old tag no longer matches").isEqualTo(200);
		assertThat(second.header("ETag")).isNotEqualTo(firstTag);

		Path secondFile = posterFile(video);
		assertThat(owner.api().json("DELETE", "/api/v1/media/" + video + "/poster", null).status()).isEqualTo(204);
		assertThat(owner.api().get("/api/v1/media/" + video + "/poster").status()).isEqualTo(404);
		assertThat(secondFile).doesNotExist();
		assertThat(posterRows(video)).isZero();
		assertThat(owner.api().json("DELETE", "/api/v1/media/" + video + "/poster", null).status())
			.as("nothing left to remove")
			.isEqualTo(404);
		assertThat(auditActions(video)).containsExactly("poster_added", "poster_added:replaced", "poster_removed");
	}

	@Test
	void theOwnerUsesTheFormsOnTheMediaPage() {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);
		TestClient browser = MediaIntegrationTests.signIn(this.port, owner);

		TestClient.Response added = postPosterForm(browser, video, png());
		assertThat(added.status()).isEqualTo(302);
		assertThat(added.header("Location")).endsWith("/media/" + video);
		TestClient.Response page = browser.get("/media/" + video);
		assertThat(page.text()).contains("Poster added.").contains("Replace poster").contains("Remove poster");
		assertThat(select(page.body(), "label[for=poster-file]")).as("the poster file's label").isNotEmpty();
		assertThat(page.body()).contains("aria-describedby=\"poster-file-hint\"");

		postPosterForm(browser, video, "not an image".getBytes(StandardCharsets.UTF_8));
		assertThat(browser.get("/media/" + video).text()).contains("Upload a PNG or JPEG image.");
		assertThat(posterRows(video)).as("the refused file replaced nothing").isEqualTo(1);

		TestClient.Response removed = browser.postForm("/media/" + video + "/poster/delete", Map.of());
		assertThat(removed.status()).isEqualTo(302);
		page = browser.get("/media/" + video);
		assertThat(page.text()).contains("Poster removed.").contains("Add poster").doesNotContain("Remove poster");
		assertThat(page.body()).doesNotContain("poster=\"");
		assertThat(posterRows(video)).isZero();

		TestClient stranger = MediaIntegrationTests.signIn(this.port, this.fixtures.member(this.port));
		stranger.get("/media");
		assertThat(postPosterForm(stranger, video, png()).status()).as("another member").isEqualTo(404);
	}

	@Test
	void onlyTheOwnerAnAdminAndAdmittedGuestsOfThatItemCanLoadIt() {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);
		putPoster(owner.api(), video, "poster.png", "image/png", png());
		String api = "/api/v1/media/" + video + "/poster";
		String guestPath = "/guest/media/" + video + "/poster";

		Person other = this.fixtures.member(this.port);
		assertThat(other.api().get(api).status()).as("another member").isEqualTo(404);
		assertThat(putPoster(other.api(), video, "poster.png", "image/png", png()).status()).isEqualTo(404);
		assertThat(other.api().json("DELETE", api, null).status()).isEqualTo(404);
		assertThat(MediaIntegrationTests.signIn(this.port, other).get("/media/" + video + "/poster").status())
			.isEqualTo(404);
		assertThat(this.fixtures.admin(this.port).api().get(api).status()).as("an admin").isEqualTo(200);
		TestClient anonymous = TestClient.browser(this.port);
		TestClient.Response signInFirst = anonymous.get("/media/" + video + "/poster");
		assertThat(signInFirst.status()).isEqualTo(302);
		assertThat(signInFirst.header("Location")).endsWith("/login");
		assertThat(TestClient.api(this.port, "gp_not-a-token").get(api).status()).isEqualTo(401);
		assertThat(anonymous.get(guestPath).status()).as("no guest session").isEqualTo(403);

		owner.enableGuestAccess(video);
		TestClient guest = admittedGuest(owner, video);
		TestClient.Bytes seen = guest.getBytes(guestPath);
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(seen.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(seen.body()).isEqualTo(owner.api().getBytes(api).body());
		assertThat(guest.get("/api/v1/media/" + video + "/poster").status()).as("the API is not for guests")
			.isEqualTo(401);

		long otherVideo = upload(owner);
		putPoster(owner.api(), otherVideo, "poster.png", "image/png", png());
		owner.enableGuestAccess(otherVideo);
		TestClient guestOfOtherItem = admittedGuest(owner, otherVideo);
		assertThat(guestOfOtherItem.getBytes("/guest/media/" + otherVideo + "/poster").status()).isEqualTo(200);
		assertThat(guestOfOtherItem.getBytes(guestPath).status()).as("a guest of another item").isEqualTo(403);

		owner.api().json("PUT", "/api/v1/media/" + video + "/guest-access", "{\"enabled\":false}");
		assertThat(guest.getBytes(guestPath).status()).as("access switched off").isEqualTo(403);
	}

	@Test
	void aRangePastThePostersEndIsRefusedWithAnEmptyBodyWhereverItIsLoaded() {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);
		putPoster(owner.api(), video, "poster.png", "image/png", png());
		owner.enableGuestAccess(video);
		TestClient guest = admittedGuest(owner, video);
		TestClient browser = MediaIntegrationTests.signIn(this.port, owner);
		byte[] poster = owner.api().getBytes("/api/v1/media/" + video + "/poster").body();

		for (String range : List.of("bytes=" + poster.length + "-", "bytes=-0", "bytes=0-1," + poster.length + "-")) {
			for (TestClient.Bytes refused : List.of(
					owner.api().getBytes("/api/v1/media/" + video + "/poster", "Range", range),
					browser.getBytes("/media/" + video + "/poster", "Range", range),
					guest.getBytes("/guest/media/" + video + "/poster", "Range", range))) {
				assertThat(refused.status()).as(range).isEqualTo(416);
				assertThat(refused.header("Content-Range")).as(range).isEqualTo("bytes */" + poster.length);
				assertThat(refused.body()).as(range + ": no body, not the whole image").isEmpty();
			}
		}
	}

	@Test
	void aDeletedItemsPosterIsRemovedWithItsVideoAfterTheGracePeriod() {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);
		putPoster(owner.api(), video, "poster.png", "image/png", png());
		Path poster = posterFile(video);
		assertThat(owner.api().json("DELETE", "/api/v1/media/" + video, null).status()).isEqualTo(204);
		assertThat(owner.api().get("/api/v1/media/" + video + "/poster").status()).isEqualTo(404);

		this.clock.advance(Duration.ofDays(7).minusMinutes(1));
		this.cleanup.removeFilesOfDeletedMedia();
		assertThat(poster).as("within the grace period").exists();

		this.clock.advance(Duration.ofMinutes(2));
		this.cleanup.removeFilesOfDeletedMedia();
		assertThat(poster).doesNotExist();
		assertThat(posterRows(video)).isZero();
	}

	private TestClient admittedGuest(Person owner, long video) {
		TestClient.Response link = owner.createLink(video, "{\"name\":\"Poster\"}");
		assertThat(link.status()).as(link.body()).isEqualTo(201);
		String url = JsonPath.read(link.body(), "$.url");
		TestClient guest = TestClient.browser(this.port);
		guest.get(url);
		assertThat(guest.postForm(url, Map.of("name", "Ada", "email", "ada@example.org")).status()).isEqualTo(303);
		return guest;
	}

	static TestClient.Response putPoster(TestClient client, long media, String filename, String contentType,
			byte[] file) {
		String boundary = "----poster" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return client.send(client.request("/api/v1/media/" + media + "/poster")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private static TestClient.Response postPosterForm(TestClient browser, long media, byte[] file) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", MediaIntegrationTests.csrfToken(browser.get("/media")));
		return browser.postMultipart("/media/" + media + "/poster", fields, "poster.png", "image/png", file);
	}

	private static long upload(Person owner) {
		TestClient.Response created = owner.api()
			.postMultipart("/api/v1/media", Map.of("title", "With a poster"), "talk.mp4", "video/mp4", Fixtures.MP4);
		assertThat(created.status()).isEqualTo(201);
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	private static byte[] png() {
		return PosterImageTests.image("png", 320, 180, BufferedImage.TYPE_INT_RGB, Color.MAGENTA);
	}

	private static BufferedImage jpeg(byte[] bytes) throws IOException {
		assertThat(bytes).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
		return ImageIO.read(new ByteArrayInputStream(bytes));
	}

	private int posterRows(long media) {
		return this.jdbc.sql("select count(*) from poster where media_id = :id")
			.param("id", media)
			.query(Integer.class)
			.single();
	}

	private Path posterFile(long media) {
		String key = this.jdbc.sql("select file_key from poster where media_id = :id")
			.param("id", media)
			.query(String.class)
			.single();
		return this.properties.storageDir().resolve(key + ".media");
	}

	private List<String> auditActions(long media) {
		return this.jdbc.sql("""
				select action, detail from audit_event
				 where media_id = :id and action like 'poster%'
				 order by id
				""")
			.param("id", media)
			.query((rs, row) -> (rs.getString("detail") == null) ? rs.getString("action")
					: rs.getString("action") + ":" + rs.getString("detail"))
			.list();
	}

}
