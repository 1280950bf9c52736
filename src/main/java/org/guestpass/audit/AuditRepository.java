package org.guestpass.audit;

import java.time.Instant;
import java.util.List;

import org.guestpass.system.TextLength;
import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

	private final JdbcClient jdbc;

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Instant at, String actor, String action, Long mediaId, Long linkId, String outcome, String detail) {
		this.jdbc.sql("""
				insert into audit_event (occurred_at, actor, action, media_id, link_id, outcome, detail)
				values (:at, :actor, :action, :mediaId, :linkId, :outcome, :detail)
				""")
			.param("at", Timestamps.utc(at))
			.param("actor", TextLength.truncate(actor, AuditLog.MAX_ACTOR))
			.param("action", action)
			.param("mediaId", mediaId)
			.param("linkId", linkId)
			.param("outcome", outcome)
			.param("detail", TextLength.truncate(detail, AuditLog.MAX_DETAIL))
			.update();
	}

	List<AuditEvent> recent(Long mediaId, int limit) {
		return this.jdbc.sql("""
				select id, occurred_at, actor, action, media_id, link_id, outcome, detail
				  from audit_event
				 where (cast(:mediaId as bigint) is null or media_id = :mediaId)
				 order by id desc
				 limit :limit
				""")
			.param("mediaId", mediaId)
			.param("limit", limit)
			.query((rs, row) -> new AuditEvent(rs.getLong("id"), Timestamps.instant(rs, "occurred_at"),
					rs.getString("actor"), rs.getString("action"), rs.getObject("media_id", Long.class),
					rs.getObject("link_id", Long.class), rs.getString("outcome"), rs.getString("detail")))
			.list();
	}

}
