package org.guestpass.guestaccess;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.guestpass.system.GuestPassProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Guests' names and emails are kept while their link lives and for a retention period
 * after it ended (deleted, expired, or its item deleted), 30 days unless
 * {@code GUESTPASS_GUEST_DATA_RETENTION} says otherwise; then a job that runs every hour
 * erases them. The job is one idempotent update, so every node may run it.
 */
@Component
public class GuestDataRetention implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(GuestDataRetention.class);

	private final GuestSessionRepository sessions;

	private final Duration retention;

	private final Duration every;

	private final Clock clock;

	GuestDataRetention(GuestSessionRepository sessions, GuestPassProperties properties, Clock clock) {
		this.sessions = sessions;
		this.retention = properties.guestDataRetention();
		this.every = properties.guestDataRetentionCheck();
		this.clock = clock;
	}

	/**
	 * Runs every {@code guestpass.guest-data-retention-check}, first a minute after
	 * start.
	 */
	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::eraseExpiredGuestData, this.every, Duration.ofMinutes(1)));
	}

	/**
	 * Erases what is past its retention, in one update; returns how many guests' details
	 * were erased.
	 */
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
