package org.guestpass.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.guestpass.Concurrently;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.GuestLinkFixture;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.PasswordChecks;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every limit holds when its requests arrive at the same moment: 100 simultaneous
 * attempts are evaluated no more often than the limit allows (passwords checked, tokens
 * looked up, forms read), and every other attempt gets 429. A limit that only checks its
 * allowance before the work and spends it after would let most of a burst through.
 */
@IntegrationTest
class ThrottleBurstIntegrationTests {

	private static final int BURST = 100;

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PasswordChecks passwordChecks;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aHundredSimultaneousWrongPasswordsForOneAccountCheckAtMostFive() throws Exception {
		Person target = this.fixtures.member(this.port);
		List<TestClient> attackers = signInForms(BURST, null);
		int checksBefore = this.passwordChecks.count();

		List<TestClient.Response> answers = Concurrently.run(BURST,
				(i) -> postSignIn(attackers.get(i), target.username(), "wrong password " + i));

		int checked = this.passwordChecks.count() - checksBefore;
		assertThat(checked).as("passwords checked").isLessThanOrEqualTo(5);
		if (overloaded(answers) == 0) {
			assertThat(checked).as("passwords checked, none lost to overload").isEqualTo(5);
		}
		assertThat(count(answers, failedSignIn())).as("failed sign-ins answered").isLessThanOrEqualTo(checked);
		assertThat(count(answers, (answer) -> answer.status() == 429))
			.isGreaterThanOrEqualTo(BURST - 5 - overloaded(answers));
		assertThat(answers).filteredOn((answer) -> answer.status() == 429)
			.allSatisfy((answer) -> assertThat(answer.header("Retry-After")).isNotBlank());
	}

	@Test
	void theRightPasswordInABurstOfWrongOnesGetsInOnlyIfItIsAmongTheFirstFive() throws Exception {
		Person target = this.fixtures.member(this.port);
		List<TestClient> attackers = signInForms(BURST, null);
		int checksBefore = this.passwordChecks.count();

		List<TestClient.Response> answers = Concurrently.run(BURST, (i) -> postSignIn(attackers.get(i),
				target.username(), (i == 57) ? target.password() : "wrong password " + i));

		int checked = this.passwordChecks.count() - checksBefore;
		long failed = count(answers, failedSignIn());
		long signedIn = count(answers,
				(answer) -> answer.status() == 302 && answer.header("Location").endsWith("/media"));
		assertThat(failed).as("wrong passwords checked").isLessThanOrEqualTo(5);
		assertThat(signedIn).isLessThanOrEqualTo(1);
		assertThat(checked).as("every answer checked")
			.isGreaterThanOrEqualTo((int) (failed + signedIn))
			.isLessThanOrEqualTo(6);
		assertThat(count(answers, (answer) -> answer.status() == 429))
			.isGreaterThanOrEqualTo(BURST - 6 - overloaded(answers));
	}

	@Test
	void aHundredSimultaneousSignInsFromOneAddressAcrossAccountsCheckAtMostThirty() throws Exception {
		String sprayer = TestClient.newAddress();
		List<TestClient> attempts = signInForms(BURST, sprayer);
		int checksBefore = this.passwordChecks.count();

		List<TestClient.Response> answers = Concurrently.run(BURST,
				(i) -> postSignIn(attempts.get(i), "sprayed-user-" + i, "Summer2026!"));

		int checked = this.passwordChecks.count() - checksBefore;
		assertThat(checked).as("passwords checked from one address").isLessThanOrEqualTo(30);
		if (overloaded(answers) == 0) {
			assertThat(checked).as("passwords checked, none lost to overload").isEqualTo(30);
		}
		assertThat(count(answers, failedSignIn())).isLessThanOrEqualTo(checked);
		assertThat(count(answers, (answer) -> answer.status() == 429))
			.isGreaterThanOrEqualTo(BURST - 30 - overloaded(answers));

		Person other = this.fixtures.member(this.port);
		assertThat(TestClient.browser(this.port).signIn(other.username(), other.password()).header("Location"))
			.as("another address signs in")
			.endsWith("/media");
	}

	@Test
	void aHundredSimultaneousUnknownLinksFromOneAddressLookUpAtMostTen() throws Exception {
		TestClient guesser = TestClient.browser(this.port);

		List<TestClient.Response> answers = Concurrently.run(BURST, (i) -> guesser.get("/g/" + Tokens.generate()));

		assertThat(count(answers, (answer) -> answer.status() == 404)).as("tokens looked up").isLessThanOrEqualTo(10);
		if (overloaded(answers) == 0) {
			assertThat(count(answers, (answer) -> answer.status() == 404)).as("none lost to overload").isEqualTo(10);
		}
		assertThat(count(answers, (answer) -> answer.status() == 429))
			.isGreaterThanOrEqualTo(BURST - 10 - overloaded(answers));
	}

	@Test
	void aHundredSimultaneousPostsOfUnknownLinksFromOneAddressLookUpAtMostTen() throws Exception {
		Person owner = this.fixtures.member(this.port);
		GuestLinkFixture link = owner.sharedLink("{\"name\":\"Cover\"}");
		TestClient guesser = TestClient.browser(this.port);
		assertThat(guesser.get(link.url()).status()).as("a form, for the CSRF token").isEqualTo(200);

		List<TestClient.Response> answers = Concurrently.run(BURST, (i) -> guesser.postForm("/g/" + Tokens.generate(),
				Map.of("name", "Guesser", "email", "guess@example.org")));

		assertThat(count(answers, (answer) -> answer.status() == 404)).as("tokens looked up").isLessThanOrEqualTo(10);
		if (overloaded(answers) == 0) {
			assertThat(count(answers, (answer) -> answer.status() == 404)).as("none lost to overload").isEqualTo(10);
		}
		assertThat(count(answers, (answer) -> answer.status() == 429))
			.isGreaterThanOrEqualTo(BURST - 10 - overloaded(answers));
	}

	@Test
	void aHundredSimultaneousEntryPostsForOneLinkFromOneAddressReadAtMostTen() throws Exception {
		Person owner = this.fixtures.member(this.port);
		GuestLinkFixture link = owner.sharedLink("{\"name\":\"Flooded\",\"maxClicks\":50}");
		TestClient flooder = TestClient.browser(this.port);
		assertThat(flooder.get(link.url()).status()).isEqualTo(200);

		List<TestClient.Response> answers = Concurrently.run(BURST, (i) -> flooder.postForm(link.url(),
				Map.of("name", "Flooder " + i, "email", "flood" + i + "@example.org")));

		long admitted = count(answers, (answer) -> answer.status() == 303);
		assertThat(admitted).as("forms read").isBetween(1L, 10L);
		assertThat(count(answers, (answer) -> answer.status() == 429))
			.isGreaterThanOrEqualTo(BURST - 10 - overloaded(answers));
		assertThat(this.jdbc.sql("select clicks from guest_link where id = :id")
			.param("id", link.linkId())
			.query(Integer.class)
			.single()).as("clicks: a post carrying the cookie of an earlier one is let in without one")
			.isBetween(1, 10);
	}

	@Test
	void guestsBehindOneAddressTakeAtMostTenClicksOfATwentyFiveClickLinkInABurst() throws Exception {
		Person owner = this.fixtures.member(this.port);
		GuestLinkFixture link = owner.sharedLink("{\"name\":\"Seminar\",\"maxClicks\":25}");
		String address = TestClient.newAddress();

		List<TestClient.Response> answers = admitFromOneAddress(link, address);

		assertThat(count(answers, (answer) -> answer.status() == 303)).as("admitted").isEqualTo(10);
		assertThat(count(answers, (answer) -> answer.status() == 429)).isEqualTo(BURST - 10);
		assertThat(clicks(link)).isEqualTo(10);
		TestClient other = TestClient.browser(this.port);
		other.get(link.url());
		assertThat(other.postForm(link.url(), Map.of("name", "Other", "email", "other@example.org")).status())
			.as("the link's other clicks are left for other addresses")
			.isEqualTo(303);
	}

	@Test
	void guestsBehindOneAddressTakeAtMostAFifthOfALargeLimitedLinkInABurst() throws Exception {
		Person owner = this.fixtures.member(this.port);
		GuestLinkFixture link = owner.sharedLink("{\"name\":\"Lecture\",\"maxClicks\":200}");
		String address = TestClient.newAddress();

		List<TestClient.Response> answers = admitFromOneAddress(link, address);

		assertThat(count(answers, (answer) -> answer.status() == 303)).as("admitted").isEqualTo(40);
		assertThat(count(answers, (answer) -> answer.status() == 429)).isEqualTo(BURST - 40);
		assertThat(clicks(link)).isEqualTo(40);
	}

	/**
	 * A burst of {@link #BURST} guests at one address, each with a browser of its own
	 * that opened the link, posting the entry form 8 at a time: fewer than the misses one
	 * address may have reserved at once, so it is the admission limit that answers.
	 */
	private List<TestClient.Response> admitFromOneAddress(GuestLinkFixture link, String address) throws Exception {
		List<TestClient> guests = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			TestClient guest = TestClient.browserAt(this.port, address);
			assertThat(guest.get(link.url()).status()).isEqualTo(200);
			guests.add(guest);
		}
		int atOnce = 8;
		List<List<TestClient.Response>> answers = Concurrently.run(atOnce, (worker) -> {
			List<TestClient.Response> posted = new ArrayList<>();
			for (int i = worker; i < BURST; i += atOnce) {
				posted.add(guests.get(i)
					.postForm(link.url(), Map.of("name", "Guest " + i, "email", "guest" + i + "@example.org")));
			}
			return posted;
		});
		return answers.stream().flatMap(List::stream).toList();
	}

	private int clicks(GuestLinkFixture link) {
		return this.jdbc.sql("select clicks from guest_link where id = :id")
			.param("id", link.linkId())
			.query(Integer.class)
			.single();
	}

	private static long overloaded(List<TestClient.Response> answers) {
		return answers.stream().filter((answer) -> answer.status() == 503).count();
	}

	/**
	 * Browsers that each loaded the sign-in form (for its CSRF token), at one address or
	 * each its own.
	 */
	private List<TestClient> signInForms(int count, String address) {
		List<TestClient> browsers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			TestClient browser = (address != null) ? TestClient.browserAt(this.port, address)
					: TestClient.browser(this.port);
			assertThat(browser.get("/login").status()).isEqualTo(200);
			browsers.add(browser);
		}
		return browsers;
	}

	private static TestClient.Response postSignIn(TestClient browser, String username, String password) {
		return browser.postForm("/login", Map.of("username", username, "password", password));
	}

	private static Predicate<TestClient.Response> failedSignIn() {
		return (answer) -> answer.status() == 302 && answer.header("Location").endsWith("/login?error");
	}

	private static long count(List<TestClient.Response> answers, Predicate<TestClient.Response> which) {
		// An overloaded machine may answer a few with 503 and Retry-After (its connection
		// pool waits 3 s
		// at most); the limit must still have answered most of the burst itself.
		assertThat(answers).as("only answers a limit gives, or a clear overload")
			.allSatisfy((answer) -> assertThat(answer.status()).as(answer.body()).isIn(302, 303, 404, 429, 503))
			.filteredOn((answer) -> answer.status() == 503)
			.allSatisfy((answer) -> assertThat(answer.header("Retry-After")).isNotBlank());
		assertThat(answers.stream().filter((answer) -> answer.status() == 429).count()).as("refused by the limit")
			.isGreaterThanOrEqualTo(BURST / 2);
		return answers.stream().filter(which).count();
	}

}
