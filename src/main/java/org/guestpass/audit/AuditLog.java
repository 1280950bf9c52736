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

	/** The outcome of a change that was made. */
	public static final String OK = "ok";

	/** The outcome of an admission that let the guest in. */
	public static final String ADMITTED = "admitted";

	private final AuditRepository repository;

	private final Clock clock;

	AuditLog(AuditRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Records an event in the caller's transaction.
	 * @param actor who acted
	 * @param action what was done
	 * @param mediaId the item concerned, if any
	 * @param linkId the guest link concerned, if any
	 * @param outcome {@link #OK}, {@link #ADMITTED} or the code of the refusal
	 * @param detail a description for people, if any
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Actor actor, AuditAction action, Long mediaId, Long linkId, String outcome, String detail) {
		this.repository.insert(this.clock.instant(), actor.stored(), action.stored(), mediaId, linkId, outcome, detail);
	}

	/** The newest events first, optionally only those of one item. */
	@Transactional(readOnly = true)
	public List<AuditEvent> recent(Long mediaId, int limit) {
		return this.repository.recent(mediaId, limit);
	}

}
