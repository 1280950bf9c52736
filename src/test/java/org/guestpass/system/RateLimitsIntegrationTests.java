package org.guestpass.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.guestpass.Concurrently;
import org.guestpass.Fixtures;
import org.guestpass.Fixtures.GuestLinkFixture;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing links, flooding an entry form and guessing passwords are slowed down per
 * client, per link and per account, with a clear 429 and Retry-After, without locking out
 * anyone else.
 */
@IntegrationTest
class RateLimitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Test
	void aClientGuessingLinksIsStoppedAfterTenMissesForHalfAnHour() {
		Person owner = this.fixtures.member(this.port);
		GuestLinkFixture link = owner.sharedLink("{\"name\":\"Real\"}");
		TestClient guesser = TestClient.browser(this.port);
		assertThat(guesser.get(link.url()).status()).isEqualTo(200);
		for (int i = 0; i < 10; i++) {
			assertThat(guesser.get("/g/" + Tokens.generate()).status()).isEqualTo(404);
		}
		TestClient.Response stopped = guesser.get("/g/" + Tokens.generate());
		assertThat(stopped.status()).isEqualTo(429);
		assertThat(Long.parseLong(stopped.header("Retry-After"))).isBetween(1L, 1800L);
		assertThat(stopped.text()).contains("Too many attempts");
		assertThat(guesser.get(link.url()).status()).as("not even a real link").isEqualTo(429);
		assertThat(guesser.postForm(link.url(), Map.of("name", "G", "email", "g@example.org")).status()).isEqualTo(429);

		assertThat(TestClient.browser(this.port).get(link.url()).status()).as("other guests").isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(30));
		assertThat(guesser.get(link.url()).status()).isEqualTo(200);
	}

	@Test
	void oneGuestFloodingTheEntryFormDoesNotLockOutTheOtherGuests() {
		Person owner = this.fixtures.member(this.port);
		// 25 clicks: one address may post 10 times a minute (a fifth of the clicks, at
		// least 10).
		GuestLinkFixture link = owner.sharedLink("{\"name\":\"Busy\",\"maxClicks\":25}");
		TestClient flooder = TestClient.browser(this.port);
		flooder.get(link.url());
		for (int i = 0; i < 10; i++) {
			assertThat(flooder.postForm(link.url(), Map.of("name", "", "email", "x")).status()).isEqualTo(400);
		}
		TestClient.Response stopped = flooder.postForm(link.url(), Map.of("name", "Flood", "email", "f@example.org"));
		assertThat(stopped.status()).isEqualTo(429);
		assertThat(stopped.header("Retry-After")).isNotBlank();

		TestClient guest = TestClient.browser(this.port);
		guest.get(link.url());
		assertThat(guest.postForm(link.url(), Map.of("name", "Ada", "email", "ada@example.org")).status())
			.isEqualTo(303);

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(flooder.postForm(link.url(), Map.of("name", "Calm", "email", "c@example.org")).status())
			.isEqualTo(303);
	}

	@Test
	void aLectureHallBehindOneAddressIsAllAdmittedToALinkWithoutAClickLimit() throws Exception {
		Person owner = this.fixtures.member(this.port);
		GuestLinkFixture link = owner.sharedLink("{\"name\":\"Open day\"}");
		String hall = TestClient.newAddress();

		// 300 parents behind the school's one address, 8 arriving at any moment, all
		// within the same instant of the clock (none of the allowance is given back
		// meanwhile).
		int guests = 300;
		int atOnce = 8;
		List<List<Integer>> answers = Concurrently.run(atOnce, (arrival) -> {
			List<Integer> statuses = new ArrayList<>();
			for (int guest = arrival; guest < guests; guest += atOnce) {
				TestClient parent = TestClient.browserAt(this.port, hall);
				statuses.add(parent.get(link.url()).status());
				statuses.add(parent
					.postForm(link.url(), Map.of("name", "Parent " + guest, "email", "parent" + guest + "@example.org"))
					.status());
			}
			return statuses;
		});

		List<Integer> statuses = answers.stream().flatMap(List::stream).toList();
		assertThat(statuses).hasSize(2 * guests);
		assertThat(statuses).as("every entry form shown, every parent admitted")
			.containsOnly(200, 303)
			.filteredOn((status) -> status == 303)
			.hasSize(guests);
		assertThat(clicks(link)).isEqualTo(guests);

		// The hall's allowance is still an allowance: 500 posts a minute for the link.
		TestClient flooder = TestClient.browserAt(this.port, hall);
		flooder.get(link.url());
		for (int i = guests; i < 500; i++) {
			assertThat(flooder.postForm(link.url(), Map.of("name", "", "email", "x")).status()).isEqualTo(400);
		}
		TestClient.Response stopped = flooder.postForm(link.url(), Map.of("name", "Late", "email", "l@example.org"));
		assertThat(stopped.status()).isEqualTo(429);
		assertThat(stopped.header("Retry-After")).isNotBlank();
		TestClient other = TestClient.browser(this.port);
		other.get(link.url());
		assertThat(other.postForm(link.url(), Map.of("name", "Ada", "email", "a@example.org")).status())
			.as("another address")
			.isEqualTo(303);
	}

	@Test
	void fiveFailedSignInsLockTheAccountForAWhileAndNoOneElse() {
		Person member = this.fixtures.member(this.port);
		Person other = this.fixtures.member(this.port);
		TestClient attacker = TestClient.browser(this.port);
		for (int i = 0; i < 5; i++) {
			TestClient.Response failed = attacker.signIn(member.username(), "wrong password " + i);
			assertThat(failed.status()).isEqualTo(302);
			assertThat(failed.header("Location")).endsWith("/login?error");
		}
		TestClient owner = TestClient.browser(this.port);
		TestClient.Response locked = owner.signIn(member.username(), member.password());
		assertThat(locked.status()).as("even with the right password, for now").isEqualTo(429);
		assertThat(locked.header("Retry-After")).isNotBlank();
		assertThat(locked.text()).contains("Too many attempts");

		assertThat(TestClient.browser(this.port).signIn(other.username(), other.password()).header("Location"))
			.endsWith("/media");

		this.clock.advance(Duration.ofMinutes(15));
		assertThat(owner.signIn(member.username(), member.password()).header("Location")).endsWith("/media");
	}

	@Test
	void aBucketThatIsFullAgainIsRemovedWhileAUsedOneStays() {
		String old = "old-" + java.util.UUID.randomUUID();
		String recent = "recent-" + java.util.UUID.randomUUID();
		this.limits.reserve(RateLimits.Limit.UNKNOWN_GUEST_LINKS, old);
		this.limits.reserve(RateLimits.Limit.UNKNOWN_GUEST_LINKS, recent);
		if (this.postgres) {
			// Bucket4j writes when each bucket is full again (one request refills in 3
			// minutes) and
			// deletes by the system's time, so time passes here by moving one bucket's
			// date back.
			List<Long> expiries = this.jdbc.sql("select expires_at from rate_limit_bucket where id in (:ids)")
				.param("ids", List.of(bucketId(old), bucketId(recent)))
				.query(Long.class)
				.list();
			assertThat(expiries).hasSize(2)
				.allSatisfy((expiry) -> assertThat(expiry).isBetween(System.currentTimeMillis() + 60_000,
						System.currentTimeMillis() + 200_000));
			this.jdbc.sql("update rate_limit_bucket set expires_at = expires_at - 200000 where id = :id")
				.param("id", bucketId(old))
				.update();
			this.limits.removeFullBuckets();
			assertThat(hasBucket(old)).as("the full bucket goes").isFalse();
			assertThat(hasBucket(recent)).as("the one still refilling stays").isTrue();
		}
		for (int i = 0; i < 9; i++) {
			this.limits.reserve(RateLimits.Limit.UNKNOWN_GUEST_LINKS, recent);
		}
		assertThat(this.limits.reserve(RateLimits.Limit.UNKNOWN_GUEST_LINKS, recent).allowed())
			.as("the bucket that stayed still counts")
			.isFalse();
		// In memory (the embedded default) nothing is removed: the bucket still has its
		// one request used.
		for (int i = 0; i < (this.postgres ? 10 : 9); i++) {
			assertThat(this.limits.reserve(RateLimits.Limit.UNKNOWN_GUEST_LINKS, old).allowed())
				.as("a removed bucket starts full again")
				.isTrue();
		}
		assertThat(this.limits.reserve(RateLimits.Limit.UNKNOWN_GUEST_LINKS, old).allowed()).as("and counts as before")
			.isFalse();
	}

	@Test
	void aRefundGivesBackWhatAReservationTook() {
		String key = "refund-" + java.util.UUID.randomUUID();
		for (int i = 0; i < 100; i++) {
			assertThat(this.limits.reserve(RateLimits.Limit.SIGN_IN_FAILURES, key).allowed()).isTrue();
			this.limits.refund(RateLimits.Limit.SIGN_IN_FAILURES, key);
		}
		this.limits.refund(RateLimits.Limit.SIGN_IN_FAILURES, key);
		this.limits.refund(RateLimits.Limit.SIGN_IN_FAILURES, key);
		for (int i = 0; i < 5; i++) {
			assertThat(this.limits.reserve(RateLimits.Limit.SIGN_IN_FAILURES, key).allowed())
				.as("refunds never fill a bucket past its capacity")
				.isTrue();
		}
		assertThat(this.limits.reserve(RateLimits.Limit.SIGN_IN_FAILURES, key).allowed()).isFalse();
		this.limits.refund(RateLimits.Limit.SIGN_IN_FAILURES, key);
		assertThat(this.limits.reserve(RateLimits.Limit.SIGN_IN_FAILURES, key).allowed()).isTrue();
		assertThat(this.limits.reserve(RateLimits.Limit.SIGN_IN_FAILURES, key).allowed()).isFalse();
	}

	@Autowired
	RateLimits limits;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private boolean postgres;

	@Autowired
	javax.sql.DataSource dataSource;

	@org.junit.jupiter.api.BeforeEach
	void whichDatabase() throws java.sql.SQLException {
		try (java.sql.Connection connection = this.dataSource.getConnection()) {
			this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
	}

	private int clicks(GuestLinkFixture link) {
		return this.jdbc.sql("select clicks from guest_link where id = :id")
			.param("id", link.linkId())
			.query(Integer.class)
			.single();
	}

	private boolean hasBucket(String key) {
		return this.jdbc.sql("select count(*) from rate_limit_bucket where id = :id")
			.param("id", bucketId(key))
			.query(Long.class)
			.single() == 1;
	}

	private static String bucketId(String key) {
		return Tokens.hash(RateLimits.Limit.UNKNOWN_GUEST_LINKS.name() + ":" + key);
	}

}
