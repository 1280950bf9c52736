package org.guestpass.audit;

import java.time.Instant;

/**
 * One recorded event: who did what, when, to which item and link, and how it ended.
 */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, Long mediaId, Long linkId,
		String outcome, String detail) {
}
