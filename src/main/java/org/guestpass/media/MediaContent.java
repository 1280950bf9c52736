package org.guestpass.media;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP response that streams a video: Spring MVC answers {@code Range} requests from it with
 * 206 or 416, {@code HEAD} without a body, and conditional requests with 304.
 */
public final class MediaContent {

	private MediaContent() {
	}

	/** A caption file, as a player's {@code <track>} loads it. */
	public static ResponseEntity<String> captions(String webVtt) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "vtt", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.body(webVtt);
	}

	public static ResponseEntity<Resource> stream(MediaItem item, Resource file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(item.contentType()))
			.eTag("\"" + item.fileKey() + "\"")
			.lastModified(item.createdAt())
			.cacheControl(CacheControl.maxAge(0, TimeUnit.SECONDS).cachePrivate().mustRevalidate())
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
			.body(file);
	}

}
