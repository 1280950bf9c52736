package org.guestpass.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PosterRepository {

	private static final String COLUMNS = "media_id, file_key, content_type, size_bytes, width, height, updated_at";

	private final JdbcClient jdbc;

	PosterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the item's row until the transaction ends, so that changes to one item's
	 * poster happen one after the other; false when the item is gone or deleted.
	 */
	boolean lockLiveItem(long mediaId) {
		return this.jdbc.sql("select id from media where id = :id and deleted_at is null for update")
			.param("id", mediaId)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	Optional<Posters.Poster> find(long mediaId) {
		return this.jdbc.sql("select " + COLUMNS + " from poster where media_id = :mediaId")
			.param("mediaId", mediaId)
			.query(PosterRepository::poster)
			.optional();
	}

	List<Posters.Poster> findAll(Collection<Long> mediaIds) {
		if (mediaIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from poster where media_id in (:mediaIds)")
			.param("mediaIds", mediaIds)
			.query(PosterRepository::poster)
			.list();
	}

	void insert(Posters.Poster poster) {
		JdbcClient.StatementSpec spec = this.jdbc.sql("""
				insert into poster (media_id, file_key, content_type, size_bytes, width, height, updated_at)
				values (:mediaId, :fileKey, :contentType, :sizeBytes, :width, :height, :now)
				""");
		bind(spec, poster).update();
	}

	void update(Posters.Poster poster) {
		JdbcClient.StatementSpec spec = this.jdbc.sql("""
				update poster
				   set file_key = :fileKey, content_type = :contentType, size_bytes = :sizeBytes,
				       width = :width, height = :height, updated_at = :now
				 where media_id = :mediaId
				""");
		bind(spec, poster).update();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Posters.Poster poster) {
		return spec.param("mediaId", poster.mediaId())
			.param("fileKey", poster.fileKey())
			.param("contentType", poster.contentType())
			.param("sizeBytes", poster.sizeBytes())
			.param("width", poster.width())
			.param("height", poster.height())
			.param("now", Timestamps.utc(poster.updatedAt()));
	}

	int delete(long mediaId) {
		return this.jdbc.sql("delete from poster where media_id = :mediaId").param("mediaId", mediaId).update();
	}

	private static Posters.Poster poster(ResultSet rs, int row) throws SQLException {
		return new Posters.Poster(rs.getLong("media_id"), rs.getString("file_key"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getInt("width"), rs.getInt("height"),
				Timestamps.instant(rs, "updated_at"));
	}

}
