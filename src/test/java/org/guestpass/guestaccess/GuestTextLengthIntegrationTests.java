package org.guestpass.guestaccess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Astral;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.GuestLinkFixture;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.PageChecks;
import org.guestpass.TestClient;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.PageChecks.select;

/**
 * Names and emails are counted in characters, as a person reads them: a guest's name, a
 * guest's email and a link's name of the most characters their rule allows, all outside
 * the Basic Multilingual Plane (two UTF-16 units each), go in over real HTTP and read
 * back identical, on H2 and PostgreSQL; one character more is refused with a 400 that
 * names the field, and writes nothing.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class GuestTextLengthIntegrationTests {

	private static final String NAME_REFUSED = "Enter a name of 1 to " + TextRules.MAX_NAME + " characters.";

	private static final String EMAIL_REFUSED = "Enter an email address of 1 to " + TextRules.MAX_EMAIL
			+ " characters.";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Person owner;

	@BeforeEach
	void owner() {
		this.owner = this.fixtures.member(this.port);
	}

	@Test
	void janeRoeWithFortySixEmojiGetsInAndHerNameStaysOutOfTheLog(CapturedOutput output) {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		String name = Astral.after("Jane Roe ", 55);
		assertThat(name).hasSize(101);

		TestClient guest = admitted(link, name, "jane.roe@example.org");

		assertThat(guestPage(guest, link).text()).contains("Watching as <strong>" + name + "</strong>");
		assertThat(storedGuests(link)).containsExactly(name + " jane.roe@example.org");
		// H2 would have put the name in its error, as U&'Jane Roe \+01f600…', which the
		// log then held.
		assertThat(output.getAll()).doesNotContain("Jane Roe").doesNotContain(Astral.text(2));
	}

	@Test
	void aGuestNameOfTheMostCharactersGetsInAndOneMoreIsRefused() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		for (String name : longest(TextRules.MAX_NAME)) {
			TestClient guest = admitted(link, name, "guest@example.org");
			assertThat(guestPage(guest, link).text()).as(name).contains("Watching as <strong>" + name + "</strong>");
		}
		List<String> stored = storedGuests(link);

		for (String name : List.of(Astral.text(TextRules.MAX_NAME + 1),
				Astral.after("Jane Roe ", TextRules.MAX_NAME + 1))) {
			TestClient guest = TestClient.browser(this.port);
			guest.get(link.url());
			TestClient.Response refused = guest.postForm(link.url(),
					Map.of("name", name, "email", "guest@example.org"));
			assertThat(refused.status()).as(name).isEqualTo(400);
			assertThat(refused.text()).contains("id=\"name-error\"")
				.contains(NAME_REFUSED)
				.doesNotContain("email-error");
			assertThat(guest.cookie("GUESTPASS_GUEST")).isNull();
		}
		assertThat(storedGuests(link)).isEqualTo(stored);
		assertThat(clicks(link)).isEqualTo(2);
	}

	@Test
	void aGuestEmailOfTheMostCharactersGetsInAndOneMoreIsRefused() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		String local = Astral.text(64);
		String longest = local + "@" + Astral.after(Astral.text(20) + ".", TextRules.MAX_EMAIL - 65);
		assertThat(longest.codePointCount(0, longest.length())).isEqualTo(TextRules.MAX_EMAIL);
		String mixed = Astral.after("jane.roe.", 64) + "@" + Astral.after("example.", TextRules.MAX_EMAIL - 65);
		for (String email : List.of(longest, mixed)) {
			TestClient guest = admitted(link, "Ada", email);
			assertThat(guestPage(guest, link).status()).isEqualTo(200);
		}
		assertThat(storedGuests(link)).containsExactly("Ada " + longest, "Ada " + mixed);

		TestClient guest = TestClient.browser(this.port);
		guest.get(link.url());
		TestClient.Response tooLong = guest.postForm(link.url(), Map.of("name", "Ada", "email",
				local + "@" + Astral.after(Astral.text(20) + ".", TextRules.MAX_EMAIL - 64)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.text()).contains("id=\"email-error\"").contains(EMAIL_REFUSED);
		TestClient.Response longLocalPart = guest.postForm(link.url(),
				Map.of("name", "Ada", "email", Astral.text(65) + "@example.org"));
		assertThat(longLocalPart.status()).isEqualTo(400);
		assertThat(longLocalPart.text()).contains("id=\"email-error\"");
		assertThat(storedGuests(link)).hasSize(2);
		assertThat(clicks(link)).isEqualTo(2);
	}

	@Test
	void theCreateFormKeepsALinkNameOfTheMostCharactersAndRefusesOneMore() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		TestClient browser = TestClient.signedIn(this.port, this.owner.username(), this.owner.password());
		for (String name : longest(TextRules.MAX_NAME)) {
			browser.get("/media/" + media + "/guest-access");
			TestClient.Response created = browser.postForm("/media/" + media + "/guest-links", linkForm(name));
			assertThat(created.status()).as(name).isEqualTo(302);
			assertThat(select(browser.get("/media/" + media + "/guest-access").body(), "table.links span.link-name")
				.stream()
				.map(Element::wholeText)
				.toList()).as(name).contains(name);
		}
		assertThat(linkNames(media)).containsExactlyInAnyOrderElementsOf(longest(TextRules.MAX_NAME));
		int audited = audited(media);

		browser.get("/media/" + media + "/guest-access");
		TestClient.Response refused = browser.postForm("/media/" + media + "/guest-links",
				linkForm(Astral.text(TextRules.MAX_NAME + 1)));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("id=\"name-error\"").contains(TextRules.LINK_NAME.message());
		assertThat(linkNames(media)).hasSize(2);
		assertThat(audited(media)).isEqualTo(audited);
	}

	@Test
	void theApiKeepsALinkNameOfTheMostCharactersAndRefusesOneMore() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		for (String name : longest(TextRules.MAX_NAME)) {
			TestClient.Response created = this.owner.createLink(media, "{\"name\":\"" + name + "\"}");
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertThat((String) JsonPath.read(created.body(), "$.name")).isEqualTo(name);
		}
		TestClient.Response listed = this.owner.api().get("/api/v1/media/" + media + "/guest-access");
		assertThat((List<String>) JsonPath.read(listed.body(), "$.links[*].name"))
			.containsExactlyInAnyOrderElementsOf(longest(TextRules.MAX_NAME));
		int audited = audited(media);

		TestClient.Response refused = this.owner.createLink(media,
				"{\"name\":\"" + Astral.text(TextRules.MAX_NAME + 1) + "\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("name");
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].message"))
			.isEqualTo(TextRules.LINK_NAME.message());
		assertThat(linkNames(media)).hasSize(2);
		assertThat(audited(media)).isEqualTo(audited);
	}

	@Test
	void theApiRefusesALinkNameWithHalfASurrogatePairWhichPostgreSqlWouldKeepAsAQuestionMark() {
		long media = this.owner.liveSession("Lecture");
		this.owner.enableGuestAccess(media);
		TestClient.Response refused = this.owner.createLink(media, "{\"name\":\"Ada \\uD83D\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("name");
		assertThat(linkNames(media)).isEmpty();
	}

	@Test
	void theEntryAndCreateFormsCountCharactersAsTheRulesDoNotUtf16Units() {
		GuestLinkFixture link = this.owner.sharedLink("{\"name\":\"Invite\"}");
		String entry = TestClient.browser(this.port).get(link.url()).body();
		assertCountsCharacters(field(entry, "name"), TextRules.MAX_NAME, NAME_REFUSED);
		assertThat(field(entry, "name").hasAttr("data-nfkc")).as("name has data-nfkc").isTrue();
		assertCountsCharacters(field(entry, "email"), TextRules.MAX_EMAIL, EMAIL_REFUSED);

		TestClient browser = TestClient.browser(this.port);
		browser.signIn(this.owner.username(), this.owner.password());
		for (String page : List.of("/guest-access", "/guest-links/new")) {
			String form = browser.get("/media/" + link.mediaId() + page).body();
			assertCountsCharacters(field(form, "name"), TextRules.MAX_NAME, TextRules.LINK_NAME.message());
			assertThat(field(form, "name").hasAttr("data-nfkc")).as("name has data-nfkc").isTrue();
		}
	}

	/**
	 * A form field checks its length as the rule does: in characters, with the rule's
	 * message, and no {@code maxlength}, which browsers count in UTF-16 units (an emoji
	 * name would stop halfway).
	 */
	static void assertCountsCharacters(Element field, int characters, String message) {
		assertThat(field.attr("data-max-characters")).as(field.id()).isEqualTo(String.valueOf(characters));
		assertThat(field.attr("data-too-long")).as(field.id()).isEqualTo(message);
		assertThat(field.hasAttr("maxlength")).as(field.id() + " has maxlength").isFalse();
	}

	/** The input or textarea with this id. */
	static Element field(String html, String id) {
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

	/** A new guest, admitted: the entry form answered 303 to the guest's page. */
	private TestClient admitted(GuestLinkFixture link, String name, String email) {
		TestClient guest = TestClient.browser(this.port);
		assertThat(guest.get(link.url()).status()).isEqualTo(200);
		TestClient.Response admitted = guest.postForm(link.url(), Map.of("name", name, "email", email));
		assertThat(admitted.status()).as(name + " " + email).isEqualTo(303);
		assertThat(admitted.header("Location")).endsWith("/guest/media/" + link.mediaId());
		return guest;
	}

	private static TestClient.Response guestPage(TestClient guest, GuestLinkFixture link) {
		TestClient.Response page = guest.get("/guest/media/" + link.mediaId());
		assertThat(page.status()).isEqualTo(200);
		return page;
	}

	private static Map<String, String> linkForm(String name) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("maxClicks", "");
		form.put("durationDays", "");
		return form;
	}

	private List<String> storedGuests(GuestLinkFixture link) {
		return this.jdbc.sql("select guest_name, guest_email from guest_session where link_id = :id order by id")
			.param("id", link.linkId())
			.query((rs, row) -> rs.getString("guest_name") + " " + rs.getString("guest_email"))
			.list();
	}

	private int clicks(GuestLinkFixture link) {
		return this.jdbc.sql("select clicks from guest_link where id = :id")
			.param("id", link.linkId())
			.query(Integer.class)
			.single();
	}

	private List<String> linkNames(long media) {
		return this.jdbc.sql("select name from guest_link where media_id = :id")
			.param("id", media)
			.query(String.class)
			.list();
	}

	private int audited(long media) {
		return this.jdbc.sql("select count(*) from audit_event where media_id = :id and action = 'link_created'")
			.param("id", media)
			.query(Integer.class)
			.single();
	}

}
