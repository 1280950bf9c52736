package org.guestpass.media;

import java.time.Instant;
import java.util.Optional;

/**
 * When a live session is on air: from its start (if it has one) until its end (if it has one). An
 * end must come after the start.
 *
 * @param startsAt when the session starts, or {@code null} when it is on air from the start
 * @param endsAt when the session ends, or {@code null} when it has no end
 */
public record LiveWindow(Instant startsAt, Instant endsAt) {

	/** A window that is always open. */
	public static final LiveWindow ALWAYS = new LiveWindow(null, null);

	public LiveWindow {
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			throw new IllegalArgumentException("A live session must end after it starts");
		}
	}

	/** The window, or empty when the end does not come after the start. */
	public static Optional<LiveWindow> of(Instant startsAt, Instant endsAt) {
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			return Optional.empty();
		}
		return Optional.of(new LiveWindow(startsAt, endsAt));
	}

	/** Where the session stands at this moment: the start is inclusive, the end exclusive. */
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

	/** Where a live session stands. */
	public enum State {

		NOT_STARTED, ON_AIR, ENDED

	}

}
