package org.guestpass;

import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditAction;
import org.guestpass.audit.AuditLog;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit events through the real audit log, each in a transaction of its own, for
 * tests of what reads the trail.
 */
public class AuditFixtures {

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	public AuditFixtures(AuditLog audit, PlatformTransactionManager transactions) {
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Records one event, committed before this returns. */
	public void record(Actor actor, AuditAction action, Long mediaId, Long linkId, String outcome, String detail) {
		this.transaction
			.executeWithoutResult((status) -> this.audit.record(actor, action, mediaId, linkId, outcome, detail));
	}

}
