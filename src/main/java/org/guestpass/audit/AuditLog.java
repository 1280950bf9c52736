package org.guestpass.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records audit events in the caller's transaction, so an event exists exactly when the
 * change it describes was committed.
 */
@Service
public class AuditLog {

	/** The most characters of an actor kept; a longer one is cut between characters. */
	public static final int MAX_ACTOR = 120;

	/** The most characters of a detail kept; a longer one is cut between characters. */
	public static final int MAX_DETAIL = 500;

	private final AuditRepository repository;

	private final Clock clock;

	AuditLog(AuditRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, String action, Long mediaId, Long linkId, String outcome, String detail) {
		this.repository.insert(this.clock.instant(), actor, action, mediaId, linkId, outcome, detail);
	}

	/** Records an event on its own, for refusals that change nothing else. */
	@Transactional
	public void recordAlone(String actor, String action, Long mediaId, Long linkId, String outcome, String detail) {
		this.repository.insert(this.clock.instant(), actor, action, mediaId, linkId, outcome, detail);
	}

	/** The newest events first, optionally only those of one item. */
	@Transactional(readOnly = true)
	public List<AuditEvent> recent(Long mediaId, int limit) {
		return this.repository.recent(mediaId, limit);
	}

}
