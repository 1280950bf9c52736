package org.guestpass.guestaccess;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A link made from an LMS course that ends: the most whole days it can last and still end
 * with the course (at most the site's longest duration), which Create new link proposes
 * and, when the site makes it a ceiling, holds links to.
 *
 * @param end when the course ends
 * @param days the most days a link made now ends by the course's end; 0 once it has ended
 */
public record CourseEnds(Instant end, int days) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/**
	 * The course's end as of now, for a site whose longest duration is {@code maxDays}.
	 */
	public static CourseEnds of(Instant end, Instant now, int maxDays) {
		long whole = Duration.between(now, end).toDays();
		return new CourseEnds(end, (int) Math.max(0, Math.min(maxDays, whole)));
	}

	/** The day the course ends, as pages write dates ("May 30, 2027"). */
	public String endsOn() {
		return DATE.format(this.end);
	}

	/** Whether a link of these days (null: never expiring) ends with the course. */
	public boolean admits(Integer requestedDays) {
		return requestedDays != null && requestedDays >= 1 && requestedDays <= this.days;
	}

	/** What a person reads when a link would outlast the course. */
	public String message() {
		if (this.days < 1) {
			return "The course ended on " + endsOn() + ": links made from it can no longer be created.";
		}
		return "Enter a whole number of days from 1 to " + this.days + ": links made from this course end with it, on "
				+ endsOn() + ".";
	}

}
