package org.guestpass.system;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Times as people type and read them: a form's local date and time is read in the zone
 * the browser reports (or the site's zone without JavaScript), and a time is shown in the
 * site's zone, which the page's script then turns into the reader's own.
 */
@Component
public class SiteTime {

	private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm zzz",
			Locale.ENGLISH);

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final ZoneId zone;

	SiteTime(GuestPassProperties properties) {
		this.zone = properties.timeZone();
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** "Sunday 29 November 2026, 10:00 CET", in the site's zone. */
	public String readable(Instant instant) {
		return READABLE.format(instant.atZone(this.zone));
	}

	/**
	 * The value of a {@code datetime-local} input for this instant, in the site's zone.
	 */
	public String inputValue(Instant instant) {
		return (instant != null) ? INPUT.format(instant.atZone(this.zone)) : "";
	}

	/**
	 * A {@code datetime-local} value read in the given zone (the site's when it is blank
	 * or unknown): empty for a blank value, {@link Parsed#invalid()} when it is no date
	 * and time. Any year that {@link LocalDateTime} reads is read; whether the time may
	 * be kept is the caller's rule.
	 */
	public Parsed parse(String localDateTime, String zoneId) {
		if (localDateTime == null || localDateTime.isBlank()) {
			return new Parsed(Optional.empty(), false);
		}
		try {
			LocalDateTime local = LocalDateTime.parse(localDateTime.trim());
			return new Parsed(Optional.of(local.atZone(zoneOr(zoneId)).toInstant()), false);
		}
		catch (DateTimeException ex) {
			// Not a date and time, or one that names no instant in that zone.
			return new Parsed(Optional.empty(), true);
		}
	}

	private ZoneId zoneOr(String zoneId) {
		if (zoneId == null || zoneId.isBlank() || zoneId.length() > 64) {
			return this.zone;
		}
		try {
			return ZoneId.of(zoneId.trim());
		}
		catch (DateTimeException ex) {
			return this.zone;
		}
	}

	/**
	 * A typed time: its instant if one was given, and whether what was typed could not be
	 * read.
	 */
	public record Parsed(Optional<Instant> instant, boolean invalid) {

		public Instant orNull() {
			return this.instant.orElse(null);
		}

	}

}
