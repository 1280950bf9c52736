package org.guestpass.media;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Concurrently;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.select;

/**
 * Captions: the owner adds WebVTT files per language; the players offer them; guests of
 * the item, and nobody else, can load them.
 */
@IntegrationTest
class CaptionsIntegrationTests {

	private static final String VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome, <b>guests</b>!\n";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void theOwnerAddsCaptionsAndAnAdmittedGuestCanTurnThemOn() {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);
		TestClient.Response added = addCaptions(owner, video, "en", "English", VTT.getBytes(StandardCharsets.UTF_8));
		assertThat(added.status()).isEqualTo(201);
		addCaptions(owner, video, "pt-BR", "Português", ("\uFEFF" + VTT).getBytes(StandardCharsets.UTF_8));
		assertThat((List<String>) JsonPath
			.read(owner.api().json("GET", "/api/v1/media/" + video + "/captions", null).body(), "$[*].language"))
			.containsExactly("en", "pt-BR");

		TestClient.Response file = owner.api().get("/api/v1/media/" + video + "/captions/en");
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Type")).startsWith("text/vtt");
		assertThat(file.body()).isEqualTo(VTT);

		owner.enableGuestAccess(video);
		String url = JsonPath.read(owner.createLink(video, "{\"name\":\"Captions\"}").body(), "$.url");
		TestClient guest = TestClient.browser(this.port);
		guest.get(url);
		guest.postForm(url, Map.of("name", "Ada", "email", "ada@example.org"));
		TestClient.Response page = guest.get("/guest/media/" + video);
		assertThat(select(page.body(),
				"track[kind=captions][srclang=en][label=English][src=/guest/media/" + video + "/captions/en]"))
			.as("the English captions track")
			.isNotEmpty();
		TestClient ownersBrowser = TestClient.browser(this.port);
		ownersBrowser.signIn(owner.username(), owner.password());
		TestClient.Response ownersPage = ownersBrowser.get("/media/" + video);
		assertThat(select(ownersPage.body(),
				"track[kind=captions][srclang=en][label=English][src=/api/v1/media/" + video + "/captions/en]"))
			.as("one player for both pages: the owner's captions track")
			.isNotEmpty();
		for (TestClient.Response each : List.of(page, ownersPage)) {
			assertThat(select(each.body(),
					"video[controls][preload=metadata][controlslist=nodownload][playsinline][aria-label=Captioned]"))
				.as("one player for both pages")
				.hasSize(1);
			assertThat(select(each.body(), "label[for=playback-speed]").text()).as("the speed control")
				.isEqualTo("Speed");
		}
		TestClient.Response guestFile = guest.get("/guest/media/" + video + "/captions/pt-BR");
		assertThat(guestFile.status()).isEqualTo(200);
		assertThat(guestFile.body()).as("the byte-order mark is not kept").startsWith("WEBVTT");

		assertThat(TestClient.browser(this.port).get("/guest/media/" + video + "/captions/en").status())
			.as("no guest session")
			.isEqualTo(403);
		assertThat(this.fixtures.member(this.port).api().get("/api/v1/media/" + video + "/captions/en").status())
			.as("another member")
			.isEqualTo(404);
	}

	@Test
	void onlyValidWebVttInAValidLanguageIsAccepted() {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);
		Map<String, byte[]> badFiles = Map.of("not WebVTT", "1\n00:00:00,000 --> 00:00:02,000\nSRT\n".getBytes(),
				"binary", new byte[] { 'W', 'E', 'B', 'V', 'T', 'T', '\n', (byte) 0xC3, (byte) 0x28 }, "too large",
				("WEBVTT\n\n" + "x".repeat(Captions.MAX_BYTES)).getBytes(), "empty", new byte[0]);
		badFiles.forEach((what, bytes) -> {
			TestClient.Response refused = addCaptions(owner, video, "en", "English", bytes);
			assertThat(refused.status()).as(what).isEqualTo(400);
			assertThat(refused.body()).as(what).contains("\"field\":\"file\"");
		});
		for (String language : List.of("", "english", "e", "en_US", "en-", "<script>")) {
			assertThat(addCaptions(owner, video, language, "English", VTT.getBytes()).status()).as(language)
				.isEqualTo(400);
		}
		assertThat(addCaptions(owner, video, "en", " ", VTT.getBytes()).status()).isEqualTo(400);
		assertThat(owner.api().json("GET", "/api/v1/media/" + video + "/captions", null).body()).isEqualTo("[]");
		long room = owner.createLinked("Room", "room");
		assertThat(addCaptions(owner, room, "en", "English", VTT.getBytes()).status()).as("not a video").isEqualTo(404);
	}

	@Test
	void twentySimultaneousUploadsForOneLanguageLeaveOneTrackAndNoError() throws Exception {
		Person owner = this.fixtures.member(this.port);
		long video = upload(owner);

		List<TestClient.Response> answers = Concurrently.run(20, (i) -> addCaptions(owner, video, "en", "English " + i,
				(VTT + "\nNOTE upload " + i + "\n").getBytes(StandardCharsets.UTF_8)));

		assertThat(answers).extracting(TestClient.Response::status).containsOnly(201);
		List<String> labels = JsonPath
			.read(owner.api().json("GET", "/api/v1/media/" + video + "/captions", null).body(), "$[*].label");
		assertThat(labels).hasSize(1);
		String kept = labels.get(0).substring("English ".length());
		assertThat(owner.api().get("/api/v1/media/" + video + "/captions/en").body()).as("the file of the same upload")
			.endsWith("NOTE upload " + kept + "\n");
	}

	private TestClient.Response addCaptions(Person owner, long video, String language, String label, byte[] file) {
		return owner.api()
			.postMultipart("/api/v1/media/" + video + "/captions", Map.of("language", language, "label", label),
					"captions.vtt", "text/vtt", file);
	}

	private static long upload(Person owner) {
		TestClient.Response created = owner.api()
			.postMultipart("/api/v1/media", Map.of("title", "Captioned"), "talk.mp4", "video/mp4", Fixtures.MP4);
		assertThat(created.status()).isEqualTo(201);
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

}
