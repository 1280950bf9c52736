package org.guestpass.audit;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.guestpass.Astral;
import org.guestpass.AuditFixtures;
import org.guestpass.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log keeps an actor and a detail of at most their number of characters,
 * counted as a person reads them, and cuts a longer one between characters, never inside
 * a surrogate pair, on H2 and PostgreSQL.
 */
@IntegrationTest
class AuditLogIntegrationTests {

	@Autowired
	AuditLog audit;

	@Autowired
	AuditFixtures auditFixtures;

	@Test
	void keepsAnActorAndADetailOfTheMostCharactersOutsideTheBmp() {
		String actor = Astral.text(AuditLog.MAX_ACTOR);
		String detail = Astral.after("Jane Roe ", AuditLog.MAX_DETAIL);

		AuditEvent event = record(actor, detail);

		assertThat(event.actor()).isEqualTo(actor);
		assertThat(event.detail()).isEqualTo(detail);
	}

	@Test
	void cutsALongerActorAndDetailBetweenCharacters() {
		// One letter first, so that a cut after a number of UTF-16 units would fall
		// inside a pair.
		AuditEvent event = record("x" + Astral.text(AuditLog.MAX_ACTOR + 10),
				"x" + Astral.text(AuditLog.MAX_DETAIL + 10));

		assertThat(event.actor()).isEqualTo("x" + Astral.text(AuditLog.MAX_ACTOR - 1));
		assertThat(event.detail()).isEqualTo("x" + Astral.text(AuditLog.MAX_DETAIL - 1));
	}

	@Test
	void storesEveryActionAsTheTextTheTrailHasAlwaysKept() {
		long mediaId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
		for (AuditAction action : AuditAction.values()) {
			this.auditFixtures.record(Actor.user("auditor"), action, mediaId, null, AuditLog.OK, null);
		}

		List<String> stored = this.audit.recent(mediaId, 100).stream().map(AuditEvent::action).toList();

		// The texts the audit page and API have always shown, and the tests of each
		// module assert.
		assertThat(stored).containsExactlyInAnyOrder("account_created", "account_changed", "account_disabled",
				"account_enabled", "password_reset", "api_tokens_revoked", "api_token_revoked", "media_added",
				"live_session_changed", "media_deleted", "captions_added", "captions_removed", "poster_added",
				"poster_removed", "guest_access_enabled", "guest_access_disabled", "link_created", "link_deleted",
				"admission", "modules_changed", "policy_changed", "lms_settings_changed", "lti_platform_added",
				"lti_platform_changed", "lti_platform_removed", "lti_key_added", "lti_key_retired");
		assertThat(stored).hasSize(AuditAction.values().length);
		assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::stored)).doesNotHaveDuplicates();
	}

	private AuditEvent record(String actor, String detail) {
		long mediaId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
		this.auditFixtures.record(new Actor(actor), AuditAction.LINK_CREATED, mediaId, null, "ok", detail);
		List<AuditEvent> events = this.audit.recent(mediaId, 10);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

}
