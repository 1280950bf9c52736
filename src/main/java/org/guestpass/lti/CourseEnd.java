package org.guestpass.lti;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * When the course of a launch ends, from the custom parameters GuestPass asks Canvas for:
 * {@code course_end_at} ({@code $Canvas.course.endAt}), else {@code term_end_at}
 * ({@code $Canvas.term.endAt}). Canvas writes them as {@code 2027-05-30 23:59:59} (UTC)
 * or {@code 2027-05-30 23:59:59 -0700}; ISO-8601 is read too. A platform that does not
 * know a variable sends it back as written ({@code $Canvas.course.endAt}), which is no
 * end.
 */
public final class CourseEnd {

	private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

	private static final DateTimeFormatter WITHOUT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private CourseEnd() {
	}

	/** The end of the launch's course, or of its term, if the platform says. */
	public static Optional<Instant> of(Launch launch) {
		for (String name : List.of("course_end_at", "term_end_at")) {
			Optional<Instant> end = parse(launch.custom().get(name));
			if (end.isPresent()) {
				return end;
			}
		}
		return Optional.empty();
	}

	static Optional<Instant> parse(Object value) {
		if (!(value instanceof String text) || text.isBlank() || text.strip().startsWith("$")) {
			return Optional.empty();
		}
		String time = text.strip();
		try {
			return Optional.of(OffsetDateTime.parse(time).toInstant());
		}
		catch (DateTimeParseException notIso) {
			// Canvas's own forms follow.
		}
		try {
			return Optional.of(OffsetDateTime.parse(time, WITH_OFFSET).toInstant());
		}
		catch (DateTimeParseException notWithOffset) {
			// Without an offset, Canvas means UTC.
		}
		try {
			return Optional.of(LocalDateTime.parse(time, WITHOUT_OFFSET).toInstant(ZoneOffset.UTC));
		}
		catch (DateTimeParseException unreadable) {
			return Optional.empty();
		}
	}

}
