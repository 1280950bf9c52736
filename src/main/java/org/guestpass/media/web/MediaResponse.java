package org.guestpass.media.web;

import java.time.Instant;

import org.guestpass.media.MediaItem;
import org.guestpass.media.MediaType;

/**
 * A media item in the JSON API.
 */
record MediaResponse(long id, String title, String description, MediaType type, long ownerId, Instant createdAt,
		String url, Instant startsAt, Instant endsAt, String contentType, Long sizeBytes, String contentUrl,
		String posterUrl) {

	static MediaResponse of(MediaItem item, boolean hasPoster) {
		return new MediaResponse(item.id(), item.title(), item.description(), item.type(), item.ownerId(),
				item.createdAt(), item.sourceUrl(), item.window().startsAt(), item.window().endsAt(),
				item.contentType(), item.sizeBytes(), item.hasFile() ? "/api/v1/media/" + item.id() + "/content" : null,
				hasPoster ? "/api/v1/media/" + item.id() + "/poster" : null);
	}

}
