package org.guestpass.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditAction;
import org.guestpass.audit.AuditLog;
import org.guestpass.system.CommonRefusal;
import org.guestpass.system.Outcome;
import org.guestpass.system.TextLength;
import org.guestpass.system.TextRule;
import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Captions of a video: WebVTT files, one per language, that the owner adds and guests can
 * turn on.
 */
@Service
public class Captions {

	/** The largest caption file accepted. */
	public static final int MAX_BYTES = 1024 * 1024;

	/**
	 * The most characters of a label, counted as {@link TextLength} does, after trimming.
	 */
	public static final int MAX_LABEL = 100;

	/** A caption track's label, which players show in their captions menu. */
	public static final TextRule LABEL = TextRule.required("a label", MAX_LABEL);

	/**
	 * The longest tag {@link #LANGUAGE} admits: a language of three letters and three
	 * subtags of nine.
	 */
	public static final int MAX_LANGUAGE = 3 + 3 * (1 + 8);

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

	private final JdbcClient jdbc;

	private final MediaLibrary library;

	private final AuditLog audit;

	private final Clock clock;

	Captions(JdbcClient jdbc, MediaLibrary library, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.library = library;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Adds or replaces the captions of one language: the item's captions then, or why
	 * nothing changed.
	 */
	@Transactional
	public Outcome<List<Caption>> add(long mediaId, Viewer viewer, String language, String label, InputStream file)
			throws IOException {
		Optional<MediaItem> item = this.library.find(mediaId, viewer).filter(MediaItem::hasFile);
		if (item.isEmpty()) {
			return Outcome.refused(CommonRefusal.NOT_FOUND);
		}
		if (language == null || !LANGUAGE.matcher(language.trim()).matches()) {
			return Outcome.refused(MediaRefusal.LANGUAGE_INVALID);
		}
		if (label == null || label.isBlank() || !LABEL.admits(label.trim()) || !TextLength.isWellFormed(label)) {
			return Outcome.refused(MediaRefusal.LABEL_INVALID);
		}
		Optional<String> content = webVtt(file);
		if (content.isEmpty()) {
			return Outcome.refused(MediaRefusal.NOT_WEBVTT);
		}
		String tag = language.trim();
		// Replacing is a delete and an insert: the item's row is locked first, so two
		// uploads for one
		// language replace one after the other instead of both inserting.
		if (this.jdbc.sql("select id from media where id = :id and deleted_at is null for update")
			.param("id", mediaId)
			.query(Long.class)
			.optional()
			.isEmpty()) {
			return Outcome.refused(CommonRefusal.NOT_FOUND);
		}
		this.jdbc.sql("delete from caption where media_id = :mediaId and language = :language")
			.param("mediaId", mediaId)
			.param("language", tag)
			.update();
		this.jdbc.sql("""
				insert into caption (media_id, language, label, content, created_at)
				values (:mediaId, :language, :label, :content, :now)
				""")
			.param("mediaId", mediaId)
			.param("language", tag)
			.param("label", label.trim())
			.param("content", content.get())
			.param("now", Timestamps.utc(this.clock.instant()))
			.update();
		this.audit.record(Actor.user(viewer.username()), AuditAction.CAPTIONS_ADDED, mediaId, null, AuditLog.OK, tag);
		return Outcome.done(list(mediaId));
	}

	/**
	 * The captions of an item the viewer may see, or nothing when the viewer may not see
	 * it.
	 */
	@Transactional(readOnly = true)
	public Optional<List<Caption>> of(long mediaId, Viewer viewer) {
		return this.library.find(mediaId, viewer).map((item) -> list(mediaId));
	}

	/**
	 * The captions of an item the caller holds, if the viewer may see it; none when the
	 * viewer may not.
	 */
	@Transactional(readOnly = true)
	public List<Caption> of(MediaItem item, Viewer viewer) {
		return viewer.mayManage(item) ? list(item.id()) : List.of();
	}

	/**
	 * The WebVTT text of one language of an item the viewer may see; nothing when the
	 * viewer may not see the item.
	 */
	@Transactional(readOnly = true)
	public Optional<String> content(long mediaId, Viewer viewer, String language) {
		return this.library.find(mediaId, viewer).flatMap((item) -> text(mediaId, language));
	}

	/**
	 * The captions of an item, on the authority of a guest session that guest access
	 * admitted for this item; for guest access only.
	 */
	@Transactional(readOnly = true)
	public List<Caption> ofAdmittedGuest(long admittedMediaId) {
		return list(admittedMediaId);
	}

	/**
	 * The WebVTT text of one language, on the authority of a guest session that guest
	 * access admitted for this item; for guest access only.
	 */
	@Transactional(readOnly = true)
	public Optional<String> contentForAdmittedGuest(long admittedMediaId, String language) {
		return text(admittedMediaId, language);
	}

	private List<Caption> list(long mediaId) {
		return this.jdbc.sql("select language, label from caption where media_id = :mediaId order by language")
			.param("mediaId", mediaId)
			.query((rs, row) -> new Caption(rs.getString("language"), rs.getString("label")))
			.list();
	}

	private Optional<String> text(long mediaId, String language) {
		return this.jdbc.sql("select content from caption where media_id = :mediaId and language = :language")
			.param("mediaId", mediaId)
			.param("language", language)
			.query(String.class)
			.optional();
	}

	@Transactional
	public boolean remove(long mediaId, Viewer viewer, String language) {
		if (this.library.find(mediaId, viewer).isEmpty()) {
			return false;
		}
		boolean removed = this.jdbc.sql("delete from caption where media_id = :mediaId and language = :language")
			.param("mediaId", mediaId)
			.param("language", language)
			.update() == 1;
		if (removed) {
			this.audit.record(Actor.user(viewer.username()), AuditAction.CAPTIONS_REMOVED, mediaId, null, AuditLog.OK,
					language);
		}
		return removed;
	}

	/** The file's text if it is UTF-8, at most 1 MB, and starts as WebVTT requires. */
	static Optional<String> webVtt(InputStream file) throws IOException {
		byte[] bytes = file.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			return Optional.empty();
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		boolean header = text.equals("WEBVTT") || text.startsWith("WEBVTT\n") || text.startsWith("WEBVTT\r")
				|| text.startsWith("WEBVTT ") || text.startsWith("WEBVTT\t");
		return (header && text.indexOf('\0') < 0) ? Optional.of(text) : Optional.empty();
	}

	/** One caption track as listed: its language tag and the label players show. */
	public record Caption(String language, String label) {
	}

}
