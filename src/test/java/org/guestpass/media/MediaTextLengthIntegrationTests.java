package org.guestpass.media;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Astral;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.PageChecks;
import org.guestpass.TestClient;
import org.guestpass.system.GuestPassProperties;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.select;

/**
 * Titles, descriptions, web addresses and caption labels are counted in characters, as a
 * person reads them: the most characters each rule allows, all outside the Basic
 * Multilingual Plane (two UTF-16 units each), go in through every page form and every API
 * request (JSON and multipart) and read back identical, on H2 and PostgreSQL; one
 * character more is refused with a 400 that names the field, and writes nothing.
 */
@IntegrationTest
class MediaTextLengthIntegrationTests {

	private static final String STREAM = "https://stream.example.org/";

	private static final String VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome!\n";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GuestPassProperties properties;

	Person owner;

	TestClient browser;

	@BeforeEach
	void owner() {
		this.owner = this.fixtures.member(this.port);
		this.browser = MediaIntegrationTests.signIn(this.port, this.owner);
	}

	@Test
	void theApiKeepsAVideosTitleAndDescriptionOfTheMostCharactersAndRefusesOneMore() {
		for (int i = 0; i < 2; i++) {
			String title = longest(MediaLibrary.MAX_TITLE).get(i);
			String description = longest(MediaLibrary.MAX_DESCRIPTION).get(i);
			TestClient.Response created = this.owner.api()
				.postMultipart("/api/v1/media", fields("title", title, "description", description), "talk.mp4",
						"video/mp4", Fixtures.MP4);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertReadsBack(id(created), title, description, null);
		}
		Set<String> files = MediaIntegrationTests.storedFiles(this.properties.storageDir());

		assertApiRefused(this.owner.api()
			.postMultipart("/api/v1/media", fields("title", Astral.text(MediaLibrary.MAX_TITLE + 1)), "talk.mp4",
					"video/mp4", Fixtures.MP4),
				MediaRefusal.TITLE_INVALID);
		assertApiRefused(this.owner.api()
			.postMultipart("/api/v1/media",
					fields("title", "Talk", "description", Astral.text(MediaLibrary.MAX_DESCRIPTION + 1)), "talk.mp4",
					"video/mp4", Fixtures.MP4),
				MediaRefusal.DESCRIPTION_TOO_LONG);
		assertThat(mediaRows()).isEqualTo(2);
		assertThat(MediaIntegrationTests.storedFiles(this.properties.storageDir())).isEqualTo(files);
	}

	@Test
	void theUploadFormKeepsAVideosTitleAndDescriptionOfTheMostCharactersAndRefusesOneMore() {
		for (int i = 0; i < 2; i++) {
			String title = longest(MediaLibrary.MAX_TITLE).get(i);
			String description = longest(MediaLibrary.MAX_DESCRIPTION).get(i);
			TestClient.Response uploaded = uploadForm(fields("title", title, "description", description));
			assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(302);
			assertReadsBack(location(uploaded), title, description, null);
		}
		Set<String> files = MediaIntegrationTests.storedFiles(this.properties.storageDir());

		assertPageRefused(uploadForm(fields("title", Astral.text(MediaLibrary.MAX_TITLE + 1), "description", "")),
				MediaRefusal.TITLE_INVALID);
		assertPageRefused(
				uploadForm(fields("title", "Talk", "description", Astral.text(MediaLibrary.MAX_DESCRIPTION + 1))),
				MediaRefusal.DESCRIPTION_TOO_LONG);
		assertThat(mediaRows()).isEqualTo(2);
		assertThat(MediaIntegrationTests.storedFiles(this.properties.storageDir())).isEqualTo(files);
	}

	@Test
	void theApiKeepsALinkedItemsTitleDescriptionAndAddressOfTheMostCharactersAndRefusesOneMore() {
		for (String type : List.of("room", "live_session")) {
			for (int i = 0; i < 2; i++) {
				String title = longest(MediaLibrary.MAX_TITLE).get(i);
				String description = longest(MediaLibrary.MAX_DESCRIPTION).get(i);
				String url = longestUrls().get(i);
				TestClient.Response created = this.owner.api()
					.json("POST", "/api/v1/media", linkedJson(title, description, type, url));
				assertThat(created.status()).as(type + " " + created.body()).isEqualTo(201);
				assertReadsBack(id(created), title, description, url);
			}
		}

		assertApiRefused(this.owner.api()
			.json("POST", "/api/v1/media", linkedJson(Astral.text(MediaLibrary.MAX_TITLE + 1), "", "room", STREAM)),
				MediaRefusal.TITLE_INVALID);
		assertApiRefused(
				this.owner.api()
					.json("POST", "/api/v1/media",
							linkedJson("Room", Astral.text(MediaLibrary.MAX_DESCRIPTION + 1), "room", STREAM)),
				MediaRefusal.DESCRIPTION_TOO_LONG);
		assertApiRefused(this.owner.api().json("POST", "/api/v1/media", linkedJson("Room", "", "room", tooLongUrl())),
				MediaRefusal.URL_TOO_LONG);
		assertThat(mediaRows()).isEqualTo(4);
	}

	@Test
	void theAddFormKeepsALinkedItemsTitleDescriptionAndAddressOfTheMostCharactersAndRefusesOneMore() {
		for (String type : List.of("room", "live_session")) {
			for (int i = 0; i < 2; i++) {
				String title = longest(MediaLibrary.MAX_TITLE).get(i);
				String description = longest(MediaLibrary.MAX_DESCRIPTION).get(i);
				String url = longestUrls().get(i);
				TestClient.Response added = addForm(title, description, type, url);
				assertThat(added.status()).as(type + " " + added.body()).isEqualTo(302);
				assertReadsBack(location(added), title, description, url);
			}
		}

		assertPageRefused(addForm(Astral.text(MediaLibrary.MAX_TITLE + 1), "", "room", STREAM),
				MediaRefusal.TITLE_INVALID);
		assertPageRefused(addForm("Room", Astral.text(MediaLibrary.MAX_DESCRIPTION + 1), "room", STREAM),
				MediaRefusal.DESCRIPTION_TOO_LONG);
		assertPageRefused(addForm("Room", "", "room", tooLongUrl()), MediaRefusal.URL_TOO_LONG);
		assertThat(mediaRows()).isEqualTo(4);
	}

	@Test
	void aLiveSessionKeepsAStreamAddressOfTheMostCharactersFromThePageAndTheApiAndRefusesOneMore() {
		long live = this.owner.liveSession("Assembly");
		for (String url : longestUrls()) {
			TestClient.Response saved = this.owner.api()
				.json("PUT", "/api/v1/media/" + live + "/live", "{\"url\":\"" + url + "\"}");
			assertThat(saved.status()).as(saved.body()).isEqualTo(200);
			assertThat((String) JsonPath.read(saved.body(), "$.url")).isEqualTo(url);
			assertReadsBack(live, "Assembly", null, url);
		}
		for (String url : longestUrls()) {
			this.browser.get("/media/" + live);
			TestClient.Response saved = this.browser.postForm("/media/" + live + "/live", Map.of("url", url));
			assertThat(saved.status()).as(saved.body()).isEqualTo(302);
			assertReadsBack(live, "Assembly", null, url);
		}
		String kept = longestUrls().get(1);

		assertApiRefused(
				this.owner.api().json("PUT", "/api/v1/media/" + live + "/live", "{\"url\":\"" + tooLongUrl() + "\"}"),
				MediaRefusal.URL_TOO_LONG);
		this.browser.get("/media/" + live);
		assertPageRefused(this.browser.postForm("/media/" + live + "/live", Map.of("url", tooLongUrl())),
				MediaRefusal.URL_TOO_LONG);
		assertReadsBack(live, "Assembly", null, kept);
	}

	@Test
	void captionsKeepALabelOfTheMostCharactersFromThePageAndTheApiAndRefuseOneMore() {
		long video = video();
		List<String> labels = longest(Captions.MAX_LABEL);
		TestClient.Response added = addCaptionsThroughTheApi(video, "en", labels.get(0));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		this.browser.get("/media/" + video);
		TestClient.Response posted = this.browser
			.postMultipart("/media/" + video + "/captions",
					fields("_csrf", MediaIntegrationTests.csrfToken(this.browser.get("/media/" + video)), "language",
							"fr", "label", labels.get(1)),
					"captions.vtt", "text/vtt", VTT.getBytes(StandardCharsets.UTF_8));
		assertThat(posted.status()).as(posted.body()).isEqualTo(302);
		assertThat(captions(video)).containsExactly("en " + labels.get(0), "fr " + labels.get(1));

		assertApiRefused(addCaptionsThroughTheApi(video, "de", Astral.text(Captions.MAX_LABEL + 1)),
				MediaRefusal.LABEL_INVALID);
		assertPageRefused(this.browser.postMultipart("/media/" + video + "/captions",
				fields("_csrf", MediaIntegrationTests.csrfToken(this.browser.get("/media/" + video)), "language", "de",
						"label", Astral.text(Captions.MAX_LABEL + 1)),
				"captions.vtt", "text/vtt", VTT.getBytes(StandardCharsets.UTF_8)), MediaRefusal.LABEL_INVALID);
		assertThat(captions(video)).hasSize(2);
	}

	@Test
	void captionsTakeTheLongestLanguageTagAndRefuseCharactersOutsideTheBmpInIt() {
		long video = video();
		String longestTag = "abc-abcdefgh-abcdefgh-abcdefgh";
		assertThat(longestTag).hasSize(Captions.MAX_LANGUAGE);
		assertThat(addCaptionsThroughTheApi(video, longestTag, "Longest").status()).isEqualTo(201);
		assertThat(captions(video)).containsExactly(longestTag + " Longest");

		for (String tag : List.of(Astral.text(2), "en-" + Astral.text(8), longestTag + "-abcdefgh")) {
			assertApiRefused(addCaptionsThroughTheApi(video, tag, "Label"), MediaRefusal.LANGUAGE_INVALID);
		}
		assertThat(captions(video)).hasSize(1);
	}

	@Test
	void theApiRefusesHalfASurrogatePairWhichPostgreSqlWouldKeepAsAQuestionMark() {
		String half = "\\uD83D";
		assertApiRefused(this.owner.api().json("POST", "/api/v1/media", linkedJson("Room " + half, "", "room", STREAM)),
				MediaRefusal.TITLE_INVALID);
		assertApiRefused(
				this.owner.api().json("POST", "/api/v1/media", linkedJson("Room", "About " + half, "room", STREAM)),
				MediaRefusal.DESCRIPTION_INVALID);
		assertApiRefused(this.owner.api().json("POST", "/api/v1/media", linkedJson("Room", "", "room", STREAM + half)),
				MediaRefusal.URL_INVALID);
		long live = this.owner.liveSession("Assembly");
		assertApiRefused(
				this.owner.api().json("PUT", "/api/v1/media/" + live + "/live", "{\"url\":\"" + STREAM + half + "\"}"),
				MediaRefusal.URL_INVALID);
		assertThat(mediaRows()).isEqualTo(1);
		assertReadsBack(live, "Assembly", null, "https://stream.example.org/live");
	}

	@Test
	void theFormsCountCharactersAsTheLibraryDoesNotUtf16Units() {
		String library = this.browser.get("/media").body();
		assertCountsCharacters(field(library, "video-title"), MediaLibrary.MAX_TITLE, MediaRefusal.TITLE_INVALID);
		assertCountsCharacters(field(library, "video-description"), MediaLibrary.MAX_DESCRIPTION,
				MediaRefusal.DESCRIPTION_TOO_LONG);
		assertCountsCharacters(field(library, "link-title"), MediaLibrary.MAX_TITLE, MediaRefusal.TITLE_INVALID);
		assertCountsCharacters(field(library, "link-url"), MediaLibrary.MAX_URL, MediaRefusal.URL_TOO_LONG);

		String video = this.browser.get("/media/" + video()).body();
		assertCountsCharacters(field(video, "caption-label"), Captions.MAX_LABEL, MediaRefusal.LABEL_INVALID);
		assertThat(field(video, "caption-language").attr("maxlength")).as("a tag is ASCII, one UTF-16 unit a character")
			.isEqualTo(String.valueOf(Captions.MAX_LANGUAGE));
		String live = this.browser.get("/media/" + this.owner.liveSession("Assembly")).body();
		assertCountsCharacters(field(live, "live-url"), MediaLibrary.MAX_URL, MediaRefusal.URL_TOO_LONG);
	}

	@Test
	void theCaptionsFormKeepsWhatWasTypedWhenItIsRefused() {
		long video = video();
		String label = Astral.text(Captions.MAX_LABEL + 1);
		TestClient.Response refused = this.browser.postMultipart("/media/" + video + "/captions", fields("_csrf",
				MediaIntegrationTests.csrfToken(this.browser.get("/media/" + video)), "language", "de", "label", label),
				"captions.vtt", "text/vtt", VTT.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(select(refused.body(), "details.card.captions[open]")).as("the captions card, open").isNotEmpty();
		assertThat(refused.text()).contains("value=\"de\"").contains("value=\"" + label + "\"");
		PageChecks.assertErrorNextToField(refused.body(), "caption-label", MediaRefusal.LABEL_INVALID.message());
		PageChecks.assertNoErrorOnField(refused.body(), "caption-language");
	}

	/**
	 * A field checks its length in characters, with the library's message, and has no
	 * {@code maxlength}.
	 */
	private static void assertCountsCharacters(Element field, int characters, MediaRefusal refusal) {
		assertThat(field.attr("data-max-characters")).as(field.id()).isEqualTo(String.valueOf(characters));
		assertThat(field.attr("data-too-long")).as(field.id()).isEqualTo(refusal.message());
		assertThat(field.hasAttr("maxlength")).as(field.id() + " has maxlength").isFalse();
	}

	/** The input or textarea with this id. */
	private static Element field(String html, String id) {
		Element field = PageChecks.parse(html).selectFirst("input[id=" + id + "], textarea[id=" + id + "]");
		assertThat(field).as("a field " + id).isNotNull();
		return field;
	}

	/**
	 * The values a rule of n characters must keep as they are: n outside the BMP, and a
	 * name then emoji.
	 */
	private static List<String> longest(int characters) {
		return List.of(Astral.text(characters), Astral.after("Jane Roe ", characters));
	}

	private static List<String> longestUrls() {
		return List.of(Astral.after(STREAM, MediaLibrary.MAX_URL),
				Astral.after(STREAM + "Jane-Roe/", MediaLibrary.MAX_URL));
	}

	private static String tooLongUrl() {
		return Astral.after(STREAM, MediaLibrary.MAX_URL + 1);
	}

	private void assertReadsBack(long id, String title, String description, String url) {
		TestClient.Response item = this.owner.api().get("/api/v1/media/" + id);
		assertThat(item.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(item.body(), "$.title")).isEqualTo(title);
		assertThat((String) JsonPath.read(item.body(), "$.description")).isEqualTo(description);
		assertThat((String) JsonPath.read(item.body(), "$.url")).isEqualTo(url);
	}

	private static void assertApiRefused(TestClient.Response refused, MediaRefusal refusal) {
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("validation_failed");
		assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].field"))
			.containsExactly(refusal.field().orElseThrow());
		assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].message"))
			.containsExactly(refusal.message());
	}

	private static void assertPageRefused(TestClient.Response refused, MediaRefusal refusal) {
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("text/html");
		assertThat(refused.text()).contains(refusal.message()).doesNotContain("Exception");
	}

	private TestClient.Response uploadForm(Map<String, String> fields) {
		Map<String, String> withCsrf = new LinkedHashMap<>();
		withCsrf.put("_csrf", MediaIntegrationTests.csrfToken(this.browser.get("/media")));
		withCsrf.putAll(fields);
		return this.browser.postMultipart("/media/videos", withCsrf, "talk.mp4", "video/mp4", Fixtures.MP4);
	}

	private TestClient.Response addForm(String title, String description, String type, String url) {
		this.browser.get("/media");
		return this.browser.postForm("/media/links",
				fields("title", title, "description", description, "type", type, "url", url));
	}

	private TestClient.Response addCaptionsThroughTheApi(long video, String language, String label) {
		return this.owner.api()
			.postMultipart("/api/v1/media/" + video + "/captions", fields("language", language, "label", label),
					"captions.vtt", "text/vtt", VTT.getBytes(StandardCharsets.UTF_8));
	}

	private long video() {
		TestClient.Response created = this.owner.api()
			.postMultipart("/api/v1/media", fields("title", "Captioned"), "talk.mp4", "video/mp4", Fixtures.MP4);
		assertThat(created.status()).isEqualTo(201);
		return id(created);
	}

	private List<String> captions(long video) {
		String listed = this.owner.api().get("/api/v1/media/" + video + "/captions").body();
		List<String> languages = JsonPath.read(listed, "$[*].language");
		List<String> labels = JsonPath.read(listed, "$[*].label");
		return java.util.stream.IntStream.range(0, languages.size())
			.mapToObj((i) -> languages.get(i) + " " + labels.get(i))
			.toList();
	}

	private int mediaRows() {
		return this.jdbc.sql("select count(*) from media where owner_id = :id")
			.param("id", this.owner.id())
			.query(Integer.class)
			.single();
	}

	private static String linkedJson(String title, String description, String type, String url) {
		return "{\"title\":\"" + title + "\",\"description\":\"" + description + "\",\"type\":\"" + type
				+ "\",\"url\":\"" + url + "\"}";
	}

	private static Map<String, String> fields(String... namesAndValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

	private static long id(TestClient.Response created) {
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	private static long location(TestClient.Response redirect) {
		String location = redirect.header("Location");
		assertThat(location).matches(".*/media/\\d+");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

}
