package org.guestpass.guestaccess;

import java.time.Instant;
import java.util.Optional;

import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-item switch and link count. The count only moves through conditional updates.
 */
@Repository
class GuestAccessRepository {

	private final JdbcClient jdbc;

	GuestAccessRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the item's row, switched off, unless it exists. */
	void ensure(long mediaId, Instant now) {
		this.jdbc.sql("""
				insert into guest_access (media_id, enabled, link_count, updated_at)
				values (:mediaId, false, 0, :now)
				on conflict do nothing
				""").param("mediaId", mediaId).param("now", Timestamps.utc(now)).update();
	}

	Optional<Boolean> isEnabled(long mediaId) {
		return this.jdbc.sql("select enabled from guest_access where media_id = :mediaId")
			.param("mediaId", mediaId)
			.query(Boolean.class)
			.optional();
	}

	void setEnabled(long mediaId, boolean enabled, Instant now) {
		this.jdbc.sql("update guest_access set enabled = :enabled, updated_at = :now where media_id = :mediaId")
			.param("mediaId", mediaId)
			.param("enabled", enabled)
			.param("now", Timestamps.utc(now))
			.update();
	}

	/**
	 * Takes one of the item's link slots if guest access is on and fewer than
	 * {@code maxLinks} are taken. Racing requests serialise on the row, so the count can
	 * never pass the limit.
	 */
	boolean reserveSlot(long mediaId, int maxLinks, Instant now) {
		return this.jdbc.sql("""
				update guest_access
				   set link_count = link_count + 1, updated_at = :now
				 where media_id = :mediaId
				   and enabled
				   and link_count < :maxLinks
				""")
			.param("mediaId", mediaId)
			.param("maxLinks", maxLinks)
			.param("now", Timestamps.utc(now))
			.update() == 1;
	}

	void releaseSlot(long mediaId, Instant now) {
		this.jdbc.sql("""
				update guest_access
				   set link_count = link_count - 1, updated_at = :now
				 where media_id = :mediaId
				   and link_count > 0
				""").param("mediaId", mediaId).param("now", Timestamps.utc(now)).update();
	}

}
