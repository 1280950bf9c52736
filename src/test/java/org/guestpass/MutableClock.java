package org.guestpass;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock the tests move by hand, so that expiry is decided without waiting.
 */
public class MutableClock extends Clock {

	private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	public void reset() {
		this.now = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
