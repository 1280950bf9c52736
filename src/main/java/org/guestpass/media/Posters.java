package org.guestpass.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditAction;
import org.guestpass.audit.AuditLog;
import org.guestpass.system.CommonRefusal;
import org.guestpass.system.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Poster images of videos: the picture a player shows before the video starts, one per
 * video. The owner (or an admin) uploads it; it is not taken from the video, since no
 * maintained pure-Java library reads frames of WebM or MP4.
 * <p>
 * An upload must be a PNG or JPEG by its first bytes, at most 5 MB, and at most 8000
 * pixels a side and 40 million in all by its header, which is read before any pixel is
 * decoded; it is decoded only if that fits a fixed memory budget, and only so many at
 * once on a node ({@link PosterDecodes}): an upload that finds them all busy is refused
 * with {@link MediaRefusal#IMAGES_BUSY}, to try again after {@link #RETRY_AFTER}. What is
 * stored is a new JPEG, fitted within 1280 × 1280 pixels: nothing of the uploaded file is
 * kept, so its metadata (EXIF, GPS positions, comments) is gone. See {@link PosterImage}.
 * <p>
 * Changes to one item's poster are serialised by a lock on the item's row; a replaced or
 * removed file is deleted from storage once the change is committed, and a deleted item's
 * poster file is removed with its video by {@link DeletedMediaCleanup}.
 */
@Service
public class Posters {

	/** The largest upload accepted. */
	public static final int MAX_BYTES = PosterImage.MAX_BYTES;

	/**
	 * When to try again after {@link MediaRefusal#IMAGES_BUSY}: by then the conversions
	 * under way are done.
	 */
	public static final Duration RETRY_AFTER = PosterDecodes.WAIT;

	private static final Logger log = LoggerFactory.getLogger(Posters.class);

	private final PosterRepository repository;

	private final PosterDecodes decodes;

	private final MediaLibrary library;

	private final MediaStorage storage;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Posters(PosterRepository repository, PosterDecodes decodes, MediaLibrary library, MediaStorage storage,
			AuditLog audit, TransactionTemplate transaction, Clock clock) {
		this.repository = repository;
		this.decodes = decodes;
		this.library = library;
		this.storage = storage;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Adds the poster of a video the viewer may manage, or replaces the one it has.
	 * Refused with {@link CommonRefusal#NOT_FOUND} for anything but such a video, and for
	 * uploads that are not a PNG or JPEG within the limits; refused with
	 * {@link MediaRefusal#IMAGES_BUSY}, which is worth trying again, when the node is
	 * converting as many images as it may. Nothing is kept when it is refused or fails.
	 */
	public Outcome<Added> add(long mediaId, Viewer viewer, InputStream file) throws IOException {
		Optional<MediaItem> video = this.library.find(mediaId, viewer).filter(Posters::isVideo);
		if (video.isEmpty()) {
			return Outcome.refused(CommonRefusal.NOT_FOUND);
		}
		PosterImage.Conversion conversion = this.decodes.convert(file);
		if (!(conversion instanceof PosterImage.Conversion.Converted converted)) {
			return Outcome.refused(conversion.refusal());
		}
		PosterImage image = converted.image();
		Poster poster = new Poster(mediaId, this.storage.storeFile(image.jpeg()), PosterImage.CONTENT_TYPE,
				image.jpeg().length, image.width(), image.height(), this.clock.instant());
		record Stored(boolean itemLive, Poster replaced) {
		}
		Stored stored;
		try {
			stored = this.transaction.execute((status) -> {
				if (!this.repository.lockLiveItem(mediaId)) {
					return new Stored(false, null);
				}
				Poster old = this.repository.find(mediaId).orElse(null);
				if (old != null) {
					this.repository.update(poster);
				}
				else {
					this.repository.insert(poster);
				}
				this.audit.record(Actor.user(viewer.username()), AuditAction.POSTER_ADDED, mediaId, null, AuditLog.OK,
						(old != null) ? "replaced" : null);
				return new Stored(true, old);
			});
		}
		catch (RuntimeException ex) {
			this.storage.delete(poster.fileKey());
			throw ex;
		}
		if (!stored.itemLive()) {
			// The item was deleted while the image was being read.
			this.storage.delete(poster.fileKey());
			return Outcome.refused(CommonRefusal.NOT_FOUND);
		}
		if (stored.replaced() != null) {
			deleteFile(stored.replaced().fileKey());
		}
		return Outcome.done(new Added(video.get(), poster, stored.replaced() != null));
	}

	/**
	 * Removes the poster of an item the viewer may manage: the poster removed, or why
	 * there was none to remove.
	 */
	public Outcome<Poster> remove(long mediaId, Viewer viewer) {
		if (this.library.find(mediaId, viewer).isEmpty()) {
			return Outcome.refused(CommonRefusal.NOT_FOUND);
		}
		Optional<Poster> removed = this.transaction.execute((status) -> {
			if (!this.repository.lockLiveItem(mediaId)) {
				return Optional.empty();
			}
			Optional<Poster> poster = this.repository.find(mediaId);
			if (poster.isPresent()) {
				this.repository.delete(mediaId);
				this.audit.record(Actor.user(viewer.username()), AuditAction.POSTER_REMOVED, mediaId, null, AuditLog.OK,
						null);
			}
			return poster;
		});
		if (removed == null || removed.isEmpty()) {
			return Outcome.refused(MediaRefusal.NO_POSTER);
		}
		deleteFile(removed.get().fileKey());
		return Outcome.done(removed.get());
	}

	/**
	 * The poster of an item the viewer may see, or nothing when the viewer may not see it
	 * or it has none.
	 */
	public Optional<Poster> find(long mediaId, Viewer viewer) {
		return this.library.find(mediaId, viewer).flatMap((item) -> this.repository.find(mediaId));
	}

	/**
	 * The poster of an item the caller holds, if the viewer may see it and it has one.
	 */
	public Optional<Poster> find(MediaItem item, Viewer viewer) {
		return viewer.mayManage(item) ? this.repository.find(item.id()) : Optional.empty();
	}

	/** Whether an item the caller holds has a poster the viewer may see. */
	public boolean exists(MediaItem item, Viewer viewer) {
		return find(item, viewer).isPresent();
	}

	/**
	 * The item's poster, on the authority of a guest session that guest access admitted
	 * for this item; for guest access only.
	 */
	public Optional<Poster> findForAdmittedGuest(long admittedMediaId) {
		return this.repository.find(admittedMediaId);
	}

	/**
	 * The posters of these items that the viewer may see, by item id; items without one,
	 * and items the viewer may not see, are left out.
	 */
	public Map<Long, Poster> of(Collection<MediaItem> items, Viewer viewer) {
		return this.repository.findAll(items.stream().filter(viewer::mayManage).map(MediaItem::id).toList())
			.stream()
			.collect(Collectors.toMap(Poster::mediaId, Function.identity()));
	}

	/** The poster's image file. */
	public Resource file(Poster poster) {
		return this.storage.load(poster.fileKey());
	}

	private static boolean isVideo(MediaItem item) {
		return item.type() == MediaType.video && item.hasFile();
	}

	/**
	 * Deletes a file no row points at any more; one left behind wastes space but harms
	 * nothing.
	 */
	private void deleteFile(String key) {
		try {
			this.storage.delete(key);
		}
		catch (UncheckedIOException ex) {
			log.warn("Could not delete the poster file {}, which no item uses any more", key, ex);
		}
	}

	/**
	 * A video's poster as stored.
	 *
	 * @param fileKey where the image is stored (never derived from user input); a new key
	 * for every upload, so it also tells versions apart
	 */
	public record Poster(long mediaId, String fileKey, String contentType, long sizeBytes, int width, int height,
			Instant updatedAt) {
	}

	/** The video with its poster added, the poster, and whether it replaced another. */
	public record Added(MediaItem item, Poster poster, boolean replaced) {
	}

}
