package org.guestpass.media.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.media.MediaItem;
import org.guestpass.media.Posters;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The HTTP responses that serve an item's files. A video is streamed: Spring MVC answers
 * {@code Range} requests from it with 206 or 416, {@code HEAD} without a body, and
 * conditional requests with 304. Captions and posters are sent whole.
 */
public final class MediaContent {

	// Tomcat's request attributes for zero-copy file sending
	// (org.apache.catalina.Globals).
	private static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";

	private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";

	private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";

	private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

	private static final String PRIVATE_REVALIDATED = CacheControl.maxAge(0, TimeUnit.SECONDS)
		.cachePrivate()
		.mustRevalidate()
		.getHeaderValue();

	private static final String INLINE = ContentDisposition.inline().build().toString();

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
	 * A poster image, shown inline and never sniffed as anything else. Private caches may
	 * keep it but must ask again each time (a conditional request answered with 304 while
	 * it is unchanged), so a guest whose access ended gets it no more.
	 */
	public static ResponseEntity<Resource> poster(Posters.Poster poster, Resource file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(poster.contentType()))
			.eTag("\"" + poster.fileKey() + "\"")
			.lastModified(poster.updatedAt())
			.header(HttpHeaders.CACHE_CONTROL, PRIVATE_REVALIDATED)
			.header(HttpHeaders.CONTENT_DISPOSITION, INLINE)
			.header("X-Content-Type-Options", "nosniff")
			.body(file);
	}

	/**
	 * Answers a request for the video: with {@code sendfile} where the container can,
	 * otherwise as {@link #stream} does. Always an answer for Spring MVC to send: on the
	 * {@code sendfile} path its status and headers, with no body, and the container sends
	 * the bytes after them.
	 */
	public static ResponseEntity<?> serve(MediaItem item, Resource file, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Optional<ResponseEntity<Void>> sent = sendFile(item, file, request, response);
		if (sent.isPresent()) {
			return sent.get();
		}
		return stream(item, file, request.getHeader(HttpHeaders.RANGE), request.getHeader(HttpHeaders.IF_RANGE));
	}

	/**
	 * The video, whole or in the ranges asked for; a byte range that cannot be read, or
	 * that names no bytes of the file, gets 416 with the file's size. A Range that comes
	 * with an {@code If-Range} naming another version of the file (another entity tag or
	 * date) is ignored: the whole current file is sent, never a piece of a different one
	 * (RFC 9110, section 13.1.5); so is it for a range in a unit other than bytes, which
	 * a server must ignore (section 14.2).
	 */
	private static ResponseEntity<?> stream(MediaItem item, Resource file, String range, String ifRange)
			throws IOException {
		if (range != null && range.startsWith("bytes=") && !isParseable(range)) {
			// Spring would answer "bytes=" with an empty 206; a range that names no bytes
			// is unsatisfiable.
			return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
				.header(HttpHeaders.CONTENT_RANGE, "bytes */" + file.contentLength())
				.build();
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(item.contentType()))
			.eTag(etag(item))
			.lastModified(item.createdAt())
			.header(HttpHeaders.CACHE_CONTROL, PRIVATE_REVALIDATED)
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.header(HttpHeaders.CONTENT_DISPOSITION, INLINE);
		if (range == null || rangeApplies(item, range, ifRange)) {
			return response.body(file);
		}
		// Spring MVC applies no Range to an InputStreamResource: the whole file goes out.
		return response.contentLength(file.contentLength()).body(new InputStreamResource(file.getInputStream()));
	}

	/**
	 * Sends the video, or one range of it, with the container's zero-copy
	 * {@code sendfile} when it offers it (Tomcat over plain HTTP; behind TLS it does
	 * not): the bytes go from the page cache to the socket without passing through the
	 * JVM. Conditional requests are answered first (304, 412). Empty, having written
	 * nothing, when it cannot: no {@code sendfile}, a {@code HEAD}, several ranges, an
	 * unsatisfiable or unreadable range, or an {@code If-Range} naming another file; then
	 * {@link #stream} answers.
	 */
	private static Optional<ResponseEntity<Void>> sendFile(MediaItem item, Resource file, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (!Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED)) || !file.isFile()
				|| !"GET".equals(request.getMethod())) {
			return Optional.empty();
		}
		String range = request.getHeader(HttpHeaders.RANGE);
		if (range != null && !rangeApplies(item, range, request.getHeader(HttpHeaders.IF_RANGE))) {
			return Optional.empty();
		}
		Path path = file.getFile().toPath().toRealPath();
		long length = Files.size(path);
		long start = 0;
		long end = length - 1;
		if (range != null) {
			List<HttpRange> ranges;
			try {
				ranges = HttpRange.parseRanges(range);
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
			if (ranges.size() != 1) {
				return Optional.empty();
			}
			start = ranges.get(0).getRangeStart(length);
			end = Math.min(ranges.get(0).getRangeEnd(length), length - 1);
			if (length == 0 || start >= length || start > end) {
				return Optional.empty();
			}
		}
		// Answered here, before the container is told of the file: a 304 carries no body.
		if (new ServletWebRequest(request, response).checkNotModified(etag(item),
				item.createdAt().truncatedTo(ChronoUnit.SECONDS).toEpochMilli())) {
			return Optional.of(ResponseEntity.status(response.getStatus()).build());
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity
			.status((range != null) ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK)
			.contentType(MediaType.parseMediaType(item.contentType()))
			.header(HttpHeaders.CACHE_CONTROL, PRIVATE_REVALIDATED)
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.header(HttpHeaders.CONTENT_DISPOSITION, INLINE)
			.contentLength(end - start + 1);
		if (range != null) {
			answer.header(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + length);
		}
		// The container sends these bytes once Spring MVC has sent the status and
		// headers.
		request.setAttribute(SENDFILE_FILENAME, path.toString());
		request.setAttribute(SENDFILE_START, start);
		request.setAttribute(SENDFILE_END, end + 1);
		return Optional.of(answer.build());
	}

	private static String etag(MediaItem item) {
		return "\"" + item.fileKey() + "\"";
	}

	/**
	 * Whether a Range is to be applied: it counts bytes, and any If-Range still names
	 * this file (its entity tag or its date to the second).
	 */
	private static boolean rangeApplies(MediaItem item, String range, String ifRange) {
		return range.startsWith("bytes=")
				&& (ifRange == null || ifRange.equals(etag(item)) || namesTheSameSecond(ifRange, item.createdAt()));
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
