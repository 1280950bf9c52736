package org.guestpass.guestaccess;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guests' names and emails are kept while their link lives and for a retention period
 * after it ended (deleted, expired, or its item deleted), 30 days unless
 * {@code GUESTPASS_GUEST_DATA_RETENTION} says otherwise; then a job that runs every hour
 * erases them. The job is one idempotent update, so every node may run it.
 */
@Component
public class GuestDataRetention {

	private static final Logger log = LoggerFactory.getLogger(GuestDataRetention.class);

	private final GuestSessionRepository sessions;

	private final Duration retention;

	private final Clock clock;

	GuestDataRetention(GuestSessionRepository sessions,
			@Value("${guestpass.guest-data-retention:30d}") Duration retention, Clock clock) {
		this.sessions = sessions;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * Erases what is past its retention; returns how many guests' details were erased.
	 */
	@Scheduled(fixedDelayString = "${guestpass.guest-data-retention-check:1h}", initialDelayString = "1m")
	@Transactional
	public int eraseExpiredGuestData() {
		Instant now = this.clock.instant();
		int erased = this.sessions.eraseEndedBefore(now.minus(this.retention), now);
		if (erased > 0) {
			log.info("Erased the names and emails of {} guests whose links ended more than {} ago", erased,
					this.retention);
		}
		return erased;
	}

}
