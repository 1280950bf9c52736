package org.guestpass.media;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.guestpass.system.Outcome;

/**
 * When a live session is on air: from its start (if it has one) until its end (if it has
 * one). An end must come after the start.
 * <p>
 * Times are kept to the microsecond, as H2 and PostgreSQL store them: finer digits are
 * dropped when the window is made, before the end is compared with the start, so what is
 * checked is exactly what the database keeps (it would otherwise round an end 100 ns
 * after the start onto the start).
 *
 * @param startsAt when the session starts, or {@code null} when it is on air from the
 * start
 * @param endsAt when the session ends, or {@code null} when it has no end
 */
public record LiveWindow(Instant startsAt, Instant endsAt) {

	/** A window that is always open. */
	public static final LiveWindow ALWAYS = new LiveWindow(null, null);

	/**
	 * The earliest time a live session may start or end: the start of the year 1970, UTC.
	 */
	public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	/**
	 * The latest time a live session may start or end: the end of the year 9999, UTC, far
	 * within what both databases hold (PostgreSQL stops at the year 294276) and what a
	 * form's date shows.
	 */
	public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	public LiveWindow {
		startsAt = toTheMicrosecond(startsAt);
		endsAt = toTheMicrosecond(endsAt);
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			throw new IllegalArgumentException("A live session must end after it starts");
		}
	}

	/**
	 * The window of these times, to the microsecond, or why there is none: a time outside
	 * the years {@link #EARLIEST 1970} to {@link #LATEST 9999}, or an end that does not
	 * come after the start.
	 */
	static Outcome<LiveWindow> of(Instant startsAt, Instant endsAt) {
		Instant start = toTheMicrosecond(startsAt);
		Instant end = toTheMicrosecond(endsAt);
		if (!isKept(start)) {
			return Outcome.refused(MediaRefusal.START_OUT_OF_RANGE);
		}
		if (!isKept(end)) {
			return Outcome.refused(MediaRefusal.END_OUT_OF_RANGE);
		}
		if (start != null && end != null && !end.isAfter(start)) {
			return Outcome.refused(MediaRefusal.WINDOW_INVALID);
		}
		return Outcome.done(new LiveWindow(start, end));
	}

	/**
	 * Where the session stands at this moment: the start is inclusive, the end exclusive.
	 */
	public State stateAt(Instant now) {
		if (this.startsAt != null && now.isBefore(this.startsAt)) {
			return State.NOT_STARTED;
		}
		if (this.endsAt != null && !now.isBefore(this.endsAt)) {
			return State.ENDED;
		}
		return State.ON_AIR;
	}

	public boolean isScheduled() {
		return this.startsAt != null || this.endsAt != null;
	}

	private static Instant toTheMicrosecond(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MICROS) : null;
	}

	private static boolean isKept(Instant instant) {
		return instant == null || (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST));
	}

	/** Where a live session stands. */
	public enum State {

		NOT_STARTED, ON_AIR, ENDED

	}

}
