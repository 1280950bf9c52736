package org.guestpass.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class MediaRepository {

	private static final String COLUMNS = """
			id, owner_id, title, description, type, source_url, file_key, content_type, size_bytes,
			created_at, updated_at, deleted_at, starts_at, ends_at""";

	private final JdbcClient jdbc;

	MediaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long ownerId, String title, String description, MediaType type, String sourceUrl, String fileKey,
			String contentType, Long sizeBytes, Instant now) {
		return insert(ownerId, title, description, type, sourceUrl, fileKey, contentType, sizeBytes, LiveWindow.ALWAYS,
				now);
	}

	long insert(long ownerId, String title, String description, MediaType type, String sourceUrl, String fileKey,
			String contentType, Long sizeBytes, LiveWindow window, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into media (owner_id, title, description, type, source_url, file_key, content_type,
				                   size_bytes, starts_at, ends_at, created_at, updated_at)
				values (:ownerId, :title, :description, :type, :sourceUrl, :fileKey, :contentType,
				        :sizeBytes, :startsAt, :endsAt, :now, :now)
				""")
			.param("ownerId", ownerId)
			.param("title", title)
			.param("description", description)
			.param("type", type.name())
			.param("sourceUrl", sourceUrl)
			.param("fileKey", fileKey)
			.param("contentType", contentType)
			.param("sizeBytes", sizeBytes)
			.param("startsAt", Timestamps.utc(window.startsAt()))
			.param("endsAt", Timestamps.utc(window.endsAt()))
			.param("now", Timestamps.utc(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<MediaItem> findById(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from media where id = :id")
			.param("id", id)
			.query(MediaRepository::item)
			.optional();
	}

	List<MediaItem> findLive(Long ownerId) {
		return this.jdbc.sql("select " + COLUMNS + """
				  from media
				 where deleted_at is null
				   and (cast(:ownerId as bigint) is null or owner_id = :ownerId)
				 order by created_at desc, id desc
				""").param("ownerId", ownerId).query(MediaRepository::item).list();
	}

	int updateLiveSession(long id, String sourceUrl, LiveWindow window, Instant now) {
		return this.jdbc.sql("""
				update media
				   set source_url = :sourceUrl, starts_at = :startsAt, ends_at = :endsAt, updated_at = :now
				 where id = :id and type = 'live_session' and deleted_at is null
				""")
			.param("id", id)
			.param("sourceUrl", sourceUrl)
			.param("startsAt", Timestamps.utc(window.startsAt()))
			.param("endsAt", Timestamps.utc(window.endsAt()))
			.param("now", Timestamps.utc(now))
			.update();
	}

	boolean isEmpty() {
		return this.jdbc.sql("select count(*) from media").query(Long.class).single() == 0;
	}

	int softDelete(long id, Instant now) {
		return this.jdbc
			.sql("update media set deleted_at = :now, updated_at = :now where id = :id and deleted_at is null")
			.param("id", id)
			.param("now", Timestamps.utc(now))
			.update();
	}

	private static MediaItem item(ResultSet rs, int row) throws SQLException {
		return new MediaItem(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title"),
				rs.getString("description"), MediaType.valueOf(rs.getString("type")), rs.getString("source_url"),
				rs.getString("file_key"), rs.getString("content_type"), rs.getObject("size_bytes", Long.class),
				Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "updated_at"),
				Timestamps.instant(rs, "deleted_at"),
				new LiveWindow(Timestamps.instant(rs, "starts_at"), Timestamps.instant(rs, "ends_at")));
	}

}
