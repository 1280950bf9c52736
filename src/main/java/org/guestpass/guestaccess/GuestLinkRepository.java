package org.guestpass.guestaccess;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.guestpass.media.MediaType;
import org.guestpass.settings.SiteModules;
import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class GuestLinkRepository {

	private static final String STATE = """
			select l.id, l.media_id, l.max_clicks, l.clicks, l.expires_at, m.title, m.deleted_at, m.type,
			       coalesce(ga.enabled, false) as enabled
			  from guest_link l
			  join media m on m.id = l.media_id
			  left join guest_access ga on ga.media_id = l.media_id
			""";

	private final JdbcClient jdbc;

	GuestLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long mediaId, String name, String tokenHash, String tokenSealed, Integer maxClicks,
			Integer durationDays, Instant expiresAt, long createdBy, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into guest_link (media_id, name, token_hash, token_sealed, max_clicks, clicks, duration_days,
				                        expires_at, created_by, created_at)
				values (:mediaId, :name, :tokenHash, :tokenSealed, :maxClicks, 0, :durationDays,
				        :expiresAt, :createdBy, :now)
				""")
			.param("mediaId", mediaId)
			.param("name", name)
			.param("tokenHash", tokenHash)
			.param("tokenSealed", tokenSealed)
			.param("maxClicks", maxClicks)
			.param("durationDays", durationDays)
			.param("expiresAt", Timestamps.utc(expiresAt))
			.param("createdBy", createdBy)
			.param("now", Timestamps.utc(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	List<StoredLink> findByMedia(long mediaId) {
		return this.jdbc.sql("""
				select id, media_id, name, token_sealed, max_clicks, clicks, duration_days, expires_at, created_at
				  from guest_link
				 where media_id = :mediaId
				 order by id
				""").param("mediaId", mediaId).query(GuestLinkRepository::storedLink).list();
	}

	boolean delete(long mediaId, long linkId) {
		return this.jdbc.sql("delete from guest_link where id = :linkId and media_id = :mediaId")
			.param("linkId", linkId)
			.param("mediaId", mediaId)
			.update() == 1;
	}

	Optional<LinkState> findStateByTokenHash(String tokenHash) {
		return this.jdbc.sql(STATE + " where l.token_hash = :tokenHash")
			.param("tokenHash", tokenHash)
			.query(GuestLinkRepository::state)
			.optional();
	}

	/** The link's click limit: empty when it has none, or there is no such link. */
	Optional<Integer> findMaxClicksByTokenHash(String tokenHash) {
		return this.jdbc.sql("select max_clicks from guest_link where token_hash = :tokenHash")
			.param("tokenHash", tokenHash)
			.query((rs, row) -> Optional.ofNullable(rs.getObject("max_clicks", Integer.class)))
			.optional()
			.flatMap((maxClicks) -> maxClicks);
	}

	Optional<LinkState> findStateById(long linkId) {
		return this.jdbc.sql(STATE + " where l.id = :linkId")
			.param("linkId", linkId)
			.query(GuestLinkRepository::state)
			.optional();
	}

	/**
	 * Counts one admission if, at this moment, the link is within its limit and lifetime,
	 * its item is live with guest access on, and the site modules are enabled. The
	 * database serialises racing updates of the row and re-checks the condition, so the
	 * count never passes the limit, whatever the number of requests and nodes.
	 */
	boolean countClick(long linkId, Instant now) {
		return this.jdbc.sql("""
				update guest_link
				   set clicks = clicks + 1
				 where id = :linkId
				   and (max_clicks is null or clicks < max_clicks)
				   and (expires_at is null or expires_at > :now)
				   and exists (select 1
				                 from guest_access ga
				                 join media m on m.id = ga.media_id
				                where ga.media_id = guest_link.media_id
				                  and ga.enabled
				                  and m.deleted_at is null
				                  and m.type in (:guestAccessibleTypes))
				   and exists (select 1
				                 from site_settings s
				                where s.id = 1
				                  and (s.invitetomedia or not :needsInvitetomedia)
				                  and (s.theming or not :needsTheming)
				                  and (s.mediapage or not :needsMediapage))
				""")
			.param("linkId", linkId)
			.param("now", Timestamps.utc(now))
			.param("guestAccessibleTypes", MediaType.guestAccessible())
			.param("needsInvitetomedia", SiteModules.GUEST_ACCESS_NEEDS.invitetomedia())
			.param("needsTheming", SiteModules.GUEST_ACCESS_NEEDS.theming())
			.param("needsMediapage", SiteModules.GUEST_ACCESS_NEEDS.mediapage())
			.update() == 1;
	}

	private static StoredLink storedLink(ResultSet rs, int row) throws SQLException {
		return new StoredLink(rs.getLong("id"), rs.getLong("media_id"), rs.getString("name"),
				rs.getString("token_sealed"), rs.getObject("max_clicks", Integer.class), rs.getInt("clicks"),
				rs.getObject("duration_days", Integer.class), Timestamps.instant(rs, "expires_at"),
				Timestamps.instant(rs, "created_at"));
	}

	private static LinkState state(ResultSet rs, int row) throws SQLException {
		return new LinkState(rs.getLong("id"), rs.getLong("media_id"), rs.getObject("max_clicks", Integer.class),
				rs.getInt("clicks"), Timestamps.instant(rs, "expires_at"), rs.getString("title"),
				rs.getObject("deleted_at") != null, MediaType.valueOf(rs.getString("type")).supportsGuestAccess(),
				rs.getBoolean("enabled"));
	}

	/** A link as stored: the token only sealed under the server secret. */
	record StoredLink(long id, long mediaId, String name, String tokenSealed, Integer maxClicks, int clicks,
			Integer durationDays, Instant expiresAt, Instant createdAt) {
	}

}
