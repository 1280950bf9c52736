package org.guestpass.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP responses that serve an item's files. A video is streamed: Spring MVC answers
 * {@code Range} requests from it with 206 or 416, {@code HEAD} without a body, and conditional
 * requests with 304. Captions and posters are sent whole.
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

	/**
	 * A poster image, shown inline and never sniffed as anything else. Private caches may keep it but
	 * must ask again each time (a conditional request answered with 304 while it is unchanged), so a
	 * guest whose access ended gets it no more.
	 */
	public static ResponseEntity<Resource> poster(Posters.Poster poster, Resource file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(poster.contentType()))
			.eTag("\"" + poster.fileKey() + "\"")
			.lastModified(poster.updatedAt())
			.cacheControl(CacheControl.maxAge(0, TimeUnit.SECONDS).cachePrivate().mustRevalidate())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file);
	}

	/**
	 * The video, whole or in the ranges asked for; a byte range that cannot be read, or that names no
	 * bytes of the file, gets 416 with the file's size. A Range that comes with an {@code If-Range} naming
	 * another version of the file (another entity tag or date) is ignored: the whole current file is
	 * sent, never a piece of a different one (RFC 9110, section 13.1.5); so is it for a range in a unit
	 * other than bytes, which a server must ignore (section 14.2).
	 */
	public static ResponseEntity<?> stream(MediaItem item, Resource file, String range, String ifRange)
			throws IOException {
		if (range != null && range.startsWith("bytes=") && !isParseable(range)) {
			// Spring would answer "bytes=" with an empty 206; a range that names no bytes is unsatisfiable.
			return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
				.header(HttpHeaders.CONTENT_RANGE, "bytes */" + file.contentLength())
				.build();
		}
		String etag = "\"" + item.fileKey() + "\"";
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(item.contentType()))
			.eTag(etag)
			.lastModified(item.createdAt())
			.cacheControl(CacheControl.maxAge(0, TimeUnit.SECONDS).cachePrivate().mustRevalidate())
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString());
		boolean otherUnit = range != null && !range.startsWith("bytes=");
		if (!otherUnit && (ifRange == null || ifRange.equals(etag) || namesTheSameSecond(ifRange, item.createdAt()))) {
			return response.body(file);
		}
		// Spring MVC applies no Range to an InputStreamResource: the whole file goes out.
		return response.contentLength(file.contentLength()).body(new InputStreamResource(file.getInputStream()));
	}

	private static boolean isParseable(String range) {
		try {
			return !HttpRange.parseRanges(range).isEmpty();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean namesTheSameSecond(String httpDate, Instant lastModified) {
		try {
			return ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME)
				.toInstant()
				.equals(lastModified.truncatedTo(ChronoUnit.SECONDS));
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
