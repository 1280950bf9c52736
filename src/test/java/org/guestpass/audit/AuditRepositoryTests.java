package org.guestpass.audit;

import java.time.Instant;
import java.util.List;

import org.guestpass.Astral;
import org.guestpass.RepositoryTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail's SQL on the test database with the real schema (Flyway): events read
 * back newest first, a page at a time, for one item or for all, and text too long for its
 * column cut between characters.
 */
@RepositoryTest
@Import(AuditRepository.class)
class AuditRepositoryTests {

	private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

	@Autowired
	AuditRepository audit;

	@Test
	void readsTheNewestEventsFirstUpToTheLimit() {
		for (int visit = 1; visit <= 5; visit++) {
			this.audit.insert(AT.plusSeconds(visit), "guest:Ada", "admission", 7L, 1L, "admitted", "visit " + visit);
		}

		assertThat(this.audit.recent(7L, 3)).extracting(AuditEvent::detail)
			.containsExactly("visit 5", "visit 4", "visit 3");
		assertThat(this.audit.recent(7L, 10)).hasSize(5);
	}

	@Test
	void readsOnlyTheEventsOfTheItemAskedForOrEveryEventWithoutOne() {
		this.audit.insert(AT, "owner", "media_added", 7L, null, "ok", "seven");
		this.audit.insert(AT, "owner", "media_added", 8L, null, "ok", "eight");
		this.audit.insert(AT, "admin", "settings_changed", null, null, "ok", "site");

		assertThat(this.audit.recent(7L, 10)).extracting(AuditEvent::detail).containsExactly("seven");
		assertThat(this.audit.recent(9L, 10)).isEmpty();
		assertThat(this.audit.recent(null, 10)).extracting(AuditEvent::detail)
			.containsExactly("site", "eight", "seven");
	}

	@Test
	void readsBackEveryFieldAsRecorded() {
		this.audit.insert(AT, "guest:Ada", "admission", 7L, 41L, "admitted", "Webinar invite");

		List<AuditEvent> events = this.audit.recent(7L, 1);

		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.occurredAt()).isEqualTo(AT);
			assertThat(event.actor()).isEqualTo("guest:Ada");
			assertThat(event.action()).isEqualTo("admission");
			assertThat(event.mediaId()).isEqualTo(7L);
			assertThat(event.linkId()).isEqualTo(41L);
			assertThat(event.outcome()).isEqualTo("admitted");
			assertThat(event.detail()).isEqualTo("Webinar invite");
		});
	}

	@Test
	void cutsAnOverlongActorAndDetailBetweenCharactersToFitTheirColumns() {
		String actor = Astral.text(AuditLog.MAX_ACTOR + 5);
		String detail = Astral.text(AuditLog.MAX_DETAIL + 5);

		this.audit.insert(AT, actor, "admission", 7L, null, "admitted", detail);

		AuditEvent event = this.audit.recent(7L, 1).get(0);
		assertThat(event.actor()).isEqualTo(Astral.text(AuditLog.MAX_ACTOR));
		assertThat(event.detail()).isEqualTo(Astral.text(AuditLog.MAX_DETAIL));
	}

}
