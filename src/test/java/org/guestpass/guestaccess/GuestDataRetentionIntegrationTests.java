package org.guestpass.guestaccess;

import java.time.Duration;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guests' names and emails are erased 30 days after their link ended, and not before; a
 * live link keeps its guests' details.
 */
@IntegrationTest
class GuestDataRetentionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	GuestDataRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void guestDetailsAreErasedThirtyDaysAfterTheirLinkEndedAndNotBefore() throws Exception {
		Person owner = this.fixtures.member(this.port);
		GuestLinkFixture expiring = owner.sharedLink("{\"name\":\"One day\",\"durationDays\":1}");
		GuestLinkFixture deleted = owner.sharedLink("{\"name\":\"Deleted\"}");
		GuestLinkFixture mediaGone = owner.sharedLink("{\"name\":\"Media gone\"}");
		GuestLinkFixture living = owner.sharedLink("{\"name\":\"Living\"}");
		for (GuestLinkFixture link : List.of(expiring, deleted, mediaGone, living)) {
			admit(link, "Guest of " + link.linkId(), "guest" + link.linkId() + "@example.org");
		}
		owner.api().json("DELETE", "/api/v1/media/" + deleted.mediaId() + "/guest-links/" + deleted.linkId(), null);
		owner.api().json("DELETE", "/api/v1/media/" + mediaGone.mediaId(), null);

		this.clock.advance(Duration.ofDays(30).minusMinutes(1));
		this.retention.eraseExpiredGuestData();
		assertThat(detailsOf(deleted)).isEqualTo("Guest of " + deleted.linkId());
		assertThat(detailsOf(mediaGone)).isEqualTo("Guest of " + mediaGone.linkId());

		this.clock.advance(Duration.ofMinutes(2));
		this.retention.eraseExpiredGuestData();
		assertThat(detailsOf(deleted)).isEmpty();
		assertThat(detailsOf(mediaGone)).isEmpty();
		assertThat(detailsOf(expiring)).as("ended a day later").isEqualTo("Guest of " + expiring.linkId());

		this.clock.advance(Duration.ofDays(1));
		List<Integer> erasedByTwoNodes = Concurrently.run(2, (i) -> this.retention.eraseExpiredGuestData());
		assertThat(erasedByTwoNodes.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1);
		assertThat(detailsOf(expiring)).isEmpty();
		assertThat(detailsOf(living)).isEqualTo("Guest of " + living.linkId());
		assertThat(this.jdbc.sql("select count(*) from guest_session where guest_email like :email")
			.param("email", "guest" + expiring.linkId() + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	private void admit(GuestLinkFixture link, String name, String email) {
		TestClient guest = TestClient.browser(this.port);
		guest.get(link.url());
		assertThat(guest.postForm(link.url(), Map.of("name", name, "email", email)).status()).isEqualTo(303);
	}

	private String detailsOf(GuestLinkFixture link) {
		return this.jdbc.sql("select guest_name from guest_session where link_id = :id")
			.param("id", link.linkId())
			.query(String.class)
			.single();
	}

}
