package org.guestpass.guestaccess;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Guests' sessions: server-side records, looked up by the hash of the guest's cookie,
 * that can be revoked.
 */
@Repository
class GuestSessionRepository {

	private final JdbcClient jdbc;

	GuestSessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String sessionHash, long linkId, long mediaId, String guestName, String guestEmail, Instant now,
			Instant expiresAt) {
		KeyHolder key = new GeneratedKeyHolder();
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
			.update(key, "id");
		return key.getKey().longValue();
	}

	/**
	 * Notes that the link of these sessions was deleted now: when their retention starts.
	 */
	void linkEnded(long linkId, Instant now) {
		this.jdbc.sql("update guest_session set link_ended_at = :now where link_id = :linkId and link_ended_at is null")
			.param("linkId", linkId)
			.param("now", Timestamps.utc(now))
			.update();
	}

	/**
	 * Erases the name and email of every guest whose link ended (deleted, expired, or its
	 * item deleted) before the cutoff. One idempotent statement: several nodes may run it
	 * at once.
	 */
	int eraseEndedBefore(Instant cutoff, Instant now) {
		return this.jdbc.sql("""
				update guest_session
				   set guest_name = '', guest_email = '', erased_at = :now
				 where erased_at is null
				   and (link_ended_at < :cutoff
				        or exists (select 1 from guest_link l
				                    where l.id = guest_session.link_id and l.expires_at < :cutoff)
				        or exists (select 1 from media m
				                    where m.id = guest_session.media_id and m.deleted_at < :cutoff))
				""").param("cutoff", Timestamps.utc(cutoff)).param("now", Timestamps.utc(now)).update();
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
					rs.getString("guest_name"), Timestamps.instant(rs, "created_at"),
					Timestamps.instant(rs, "expires_at"), Timestamps.instant(rs, "last_seen_at"),
					Timestamps.instant(rs, "revoked_at")))
			.optional();
	}

	record GuestSession(long id, long linkId, long mediaId, String guestName, Instant createdAt, Instant expiresAt,
			Instant lastSeenAt, Instant revokedAt) {

		/**
		 * Not revoked, within its absolute lifetime, and seen within the idle lifetime.
		 */
		boolean isValidAt(Instant now, Duration idle) {
			Instant lastSeen = (this.lastSeenAt != null) ? this.lastSeenAt : this.createdAt;
			return this.revokedAt == null && now.isBefore(this.expiresAt) && now.isBefore(lastSeen.plus(idle));
		}

	}

}
