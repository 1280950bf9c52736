package org.guestpass.media;

import java.time.Instant;

/**
 * A media item as stored.
 *
 * @param sourceUrl the stream URL of a live session or the join URL of a room
 * @param fileKey where a video's file is stored (never derived from user input)
 * @param window when a live session is on air; always open for the other types
 */
public record MediaItem(long id, long ownerId, String title, String description, MediaType type, String sourceUrl,
		String fileKey, String contentType, Long sizeBytes, Instant createdAt, Instant updatedAt, Instant deletedAt,
		LiveWindow window) {

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

	public boolean hasFile() {
		return this.fileKey != null;
	}

}
