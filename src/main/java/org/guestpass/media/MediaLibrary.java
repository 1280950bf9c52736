package org.guestpass.media;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditAction;
import org.guestpass.audit.AuditLog;
import org.guestpass.system.CommonRefusal;
import org.guestpass.system.Outcome;
import org.guestpass.system.TextLength;
import org.guestpass.system.TextRule;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * The media library: adding, finding, listing and deleting items, and reading a video's
 * file.
 */
@Service
public class MediaLibrary {

	/**
	 * The most characters of a title, counted as {@link TextLength} does, after trimming.
	 */
	public static final int MAX_TITLE = 200;

	/** The most characters of a description, after trimming. */
	public static final int MAX_DESCRIPTION = 2000;

	/**
	 * The most characters of a live session's stream URL or a room's URL, after trimming.
	 */
	public static final int MAX_URL = 2000;

	/** An item's title, required. */
	public static final TextRule TITLE = TextRule.required("a title", MAX_TITLE);

	/** An item's description, optional. */
	public static final TextRule DESCRIPTION = TextRule.optional("a description", MAX_DESCRIPTION);

	/**
	 * How long a live session's or a room's URL may be (what it must look like is checked
	 * apart).
	 */
	public static final TextRule URL = TextRule.required("a web address", MAX_URL);

	private final MediaRepository repository;

	private final MediaStorage storage;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	MediaLibrary(MediaRepository repository, MediaStorage storage, AuditLog audit, TransactionTemplate transaction,
			Clock clock) {
		this.repository = repository;
		this.storage = storage;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Adds an uploaded video, moving its file into storage where the file system allows
	 * and copying it otherwise, never holding it in memory; nothing is kept when it is
	 * refused or fails.
	 */
	public Outcome<MediaItem> addVideo(Viewer owner, String title, String description, MultipartFile file)
			throws IOException {
		Optional<MediaRefusal> invalid = checkText(title, description);
		if (invalid.isPresent()) {
			return Outcome.refused(invalid.get());
		}
		Optional<MediaStorage.StoredFile> stored = this.storage.storeVideo(file);
		if (stored.isEmpty()) {
			return Outcome.refused(MediaRefusal.NOT_A_VIDEO);
		}
		MediaStorage.StoredFile video = stored.get();
		try {
			return this.transaction.execute((status) -> {
				long id = this.repository.insert(owner.accountId(), title.trim(), blankToNull(description),
						MediaType.video, null, video.key(), video.format().contentType(), video.size(),
						this.clock.instant());
				this.audit.record(actor(owner), AuditAction.MEDIA_ADDED, id, null, AuditLog.OK, "video");
				return Outcome.done(this.repository.findById(id).orElseThrow());
			});
		}
		catch (RuntimeException ex) {
			this.storage.delete(video.key());
			throw ex;
		}
	}

	/** Adds a live session, room or channel room, which point at a URL. */
	public Outcome<MediaItem> addLinked(Viewer owner, String title, String description, MediaType type, String url) {
		return addLinked(owner, title, description, type, url, null, null);
	}

	/**
	 * Adds a live session, room or channel room, which point at a URL; a live session may
	 * have a start and an end time (either may be {@code null}), kept to the microsecond,
	 * in the years 1970 to 9999.
	 */
	public Outcome<MediaItem> addLinked(Viewer owner, String title, String description, MediaType type, String url,
			Instant startsAt, Instant endsAt) {
		if (!type.isLinked()) {
			return Outcome.refused(MediaRefusal.TYPE_NEEDS_FILE);
		}
		Optional<MediaRefusal> invalid = checkText(title, description);
		if (invalid.isPresent()) {
			return Outcome.refused(invalid.get());
		}
		Optional<MediaRefusal> badUrl = checkUrl(url);
		if (badUrl.isPresent()) {
			return Outcome.refused(badUrl.get());
		}
		if (type != MediaType.live_session && (startsAt != null || endsAt != null)) {
			return Outcome.refused(MediaRefusal.WINDOW_NOT_FOR_TYPE);
		}
		Outcome<LiveWindow> window = LiveWindow.of(startsAt, endsAt);
		if (window.isRefused()) {
			return Outcome.refused(window.refusal());
		}
		return this.transaction.execute((status) -> {
			long id = this.repository.insert(owner.accountId(), title.trim(), blankToNull(description), type,
					url.trim(), null, null, null, window.value(), this.clock.instant());
			this.audit.record(actor(owner), AuditAction.MEDIA_ADDED, id, null, AuditLog.OK, type.name());
			return Outcome.done(this.repository.findById(id).orElseThrow());
		});
	}

	/**
	 * Changes a live session's stream URL and its start and end time (either may be
	 * {@code null}), kept as {@link LiveWindow} says: the session as changed, or why
	 * nothing changed.
	 */
	public Outcome<MediaItem> updateLiveSession(long id, Viewer viewer, String url, Instant startsAt, Instant endsAt) {
		Optional<MediaItem> item = find(id, viewer);
		if (item.isEmpty()) {
			return Outcome.refused(CommonRefusal.NOT_FOUND);
		}
		if (item.get().type() != MediaType.live_session) {
			return Outcome.refused(MediaRefusal.NOT_A_LIVE_SESSION);
		}
		Optional<MediaRefusal> badUrl = checkUrl(url);
		if (badUrl.isPresent()) {
			return Outcome.refused(badUrl.get());
		}
		Outcome<LiveWindow> window = LiveWindow.of(startsAt, endsAt);
		if (window.isRefused()) {
			return Outcome.refused(window.refusal());
		}
		Boolean updated = this.transaction.execute((status) -> {
			if (this.repository.updateLiveSession(id, url.trim(), window.value(), this.clock.instant()) == 0) {
				return false;
			}
			this.audit.record(actor(viewer), AuditAction.LIVE_SESSION_CHANGED, id, null, AuditLog.OK, null);
			return true;
		});
		return Boolean.TRUE.equals(updated) ? Outcome.done(this.repository.findById(id).orElseThrow())
				: Outcome.refused(CommonRefusal.NOT_FOUND);
	}

	/** The item, if it exists, is not deleted and the viewer may see it. */
	public Optional<MediaItem> find(long id, Viewer viewer) {
		return this.repository.findById(id).filter((item) -> !item.isDeleted() && viewer.mayManage(item));
	}

	/**
	 * The item as stored, deleted or not, for whoever checks access on their own terms.
	 */
	public Optional<MediaItem> findIncludingDeleted(long id) {
		return this.repository.findById(id);
	}

	/** Whether no item was ever added to this site. */
	public boolean isEmpty() {
		return this.repository.isEmpty();
	}

	/** The viewer's items, newest first; every item for an admin. */
	public List<MediaItem> list(Viewer viewer) {
		return this.repository.findLive(viewer.admin() ? null : viewer.accountId());
	}

	/** Deletes the item (a soft delete); false when the viewer has no such item. */
	public boolean delete(long id, Viewer viewer) {
		if (find(id, viewer).isEmpty()) {
			return false;
		}
		Boolean deleted = this.transaction.execute((status) -> {
			if (this.repository.softDelete(id, this.clock.instant()) == 0) {
				return false;
			}
			this.audit.record(actor(viewer), AuditAction.MEDIA_DELETED, id, null, AuditLog.OK, null);
			return true;
		});
		return Boolean.TRUE.equals(deleted);
	}

	/** The video file of an item that has one. */
	public Resource file(MediaItem item) {
		if (!item.hasFile()) {
			throw new IllegalArgumentException("Item " + item.id() + " has no file");
		}
		return this.storage.load(item.fileKey());
	}

	private static Optional<MediaRefusal> checkText(String title, String description) {
		if (title == null || title.isBlank() || !TITLE.admits(title.trim()) || !TextLength.isWellFormed(title)) {
			return Optional.of(MediaRefusal.TITLE_INVALID);
		}
		if (description != null && !DESCRIPTION.admits(description.trim())) {
			return Optional.of(MediaRefusal.DESCRIPTION_TOO_LONG);
		}
		if (description != null && !TextLength.isWellFormed(description)) {
			return Optional.of(MediaRefusal.DESCRIPTION_INVALID);
		}
		return Optional.empty();
	}

	private static Optional<MediaRefusal> checkUrl(String url) {
		if (url != null && !TextLength.isAtMost(url.trim(), URL.maxCharacters())) {
			return Optional.of(MediaRefusal.URL_TOO_LONG);
		}
		return isWebAddress(url) ? Optional.empty() : Optional.of(MediaRefusal.URL_INVALID);
	}

	private static boolean isWebAddress(String url) {
		if (url == null || url.isBlank() || !TextLength.isWellFormed(url)) {
			return false;
		}
		try {
			URI uri = new URI(url.trim());
			String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	private static Actor actor(Viewer viewer) {
		return Actor.user(viewer.username());
	}

}
