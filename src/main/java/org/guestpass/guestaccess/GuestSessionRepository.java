package org.guestpass.guestaccess;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Guests' sessions: server-side records, looked up by the hash of the guest's cookie, that can be
 * revoked.
 */
@Repository
class GuestSessionRepository {

	private final JdbcClient jdbc;

	GuestSessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record GuestSession(long id, long linkId, long mediaId, String guestName, Instant createdAt, Instant expiresAt,
			Instant lastSeenAt, Instant revokedAt) {

		/** Not revoked, within its absolute lifetime, and seen within the idle lifetime. */
		boolean isValidAt(Instant now, Duration idle) {
			Instant lastSeen = this.lastSeenAt != null ? this.lastSeenAt : this.createdAt;
			return this.revokedAt == null && now.isBefore(this.expiresAt) && now.isBefore(lastSeen.plus(idle));
		}

	}

	void insert(String sessionHash, long linkId, long mediaId, String guestName, String guestEmail, Instant now,
			Instant expiresAt) {
		this.jdbc.sql("""
				insert into guest_session (session_hash, link_id, media_id, guest_name, guest_email, created_at,
				                           expires_at)
				values (:sessionHash, :linkId, :mediaId, :guestName, :guestEmail, :now, :expiresAt)
				""")
			.param("sessionHash", sessionHash)
			.param("linkId", linkId)
			.param("mediaId", mediaId)
			.param("guestName", guestName)
			.param("guestEmail", guestEmail)
			.param("now", Timestamps.utc(now))
			.param("expiresAt", Timestamps.utc(expiresAt))
			.update();
	}

	/** Marks a page load, which keeps the session from going idle. */
	void touch(long id, Instant now) {
		this.jdbc.sql("update guest_session set last_seen_at = :now where id = :id")
			.param("id", id)
			.param("now", Timestamps.utc(now))
			.update();
	}

	Optional<GuestSession> findByHash(String sessionHash) {
		return this.jdbc.sql("""
				select id, link_id, media_id, guest_name, created_at, expires_at, last_seen_at, revoked_at
				  from guest_session
				 where session_hash = :sessionHash
				""")
			.param("sessionHash", sessionHash)
			.query((rs, row) -> new GuestSession(rs.getLong("id"), rs.getLong("link_id"), rs.getLong("media_id"),
					rs.getString("guest_name"), Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "expires_at"),
					Timestamps.instant(rs, "last_seen_at"), Timestamps.instant(rs, "revoked_at")))
			.optional();
	}

}
