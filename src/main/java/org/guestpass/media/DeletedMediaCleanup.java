package org.guestpass.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the files of deleted media items, the video and its poster, once a grace period
 * has passed (7 days unless {@code GUESTPASS_DELETED_MEDIA_GRACE} says otherwise), every
 * hour. Each item is first claimed by one conditional update, so when several nodes run
 * the job at once each file is removed by one of them; a removal that fails leaves the
 * claim undone, to be tried again.
 */
@Component
public class DeletedMediaCleanup implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(DeletedMediaCleanup.class);

	private final JdbcClient jdbc;

	private final MediaStorage storage;

	private final PosterRepository posters;

	private final TransactionTemplate transaction;

	private final Duration grace;

	private final Duration every;

	private final Clock clock;

	DeletedMediaCleanup(JdbcClient jdbc, MediaStorage storage, PosterRepository posters,
			TransactionTemplate transaction, GuestPassProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.posters = posters;
		this.transaction = transaction;
		this.grace = properties.deletedMediaGrace();
		this.every = properties.deletedMediaCheck();
		this.clock = clock;
	}

	/**
	 * Runs every {@code guestpass.deleted-media-check}, first two minutes after start.
	 */
	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::removeFilesOfDeletedMedia, this.every, Duration.ofMinutes(2)));
	}

	/**
	 * Removes what is past its grace period; returns how many items' files this run
	 * removed.
	 */
	public int removeFilesOfDeletedMedia() {
		Instant now = this.clock.instant();
		record Candidate(long id, String fileKey) {
		}
		List<Candidate> candidates = this.jdbc.sql("""
				select id, file_key
				  from media
				 where deleted_at < :cutoff and file_key is not null and files_removed_at is null
				""")
			.param("cutoff", Timestamps.utc(now.minus(this.grace)))
			.query((rs, row) -> new Candidate(rs.getLong("id"), rs.getString("file_key")))
			.list();
		int removed = 0;
		for (Candidate candidate : candidates) {
			Boolean mine = this.transaction.execute((status) -> {
				int claimed = this.jdbc
					.sql("update media set files_removed_at = :now where id = :id and files_removed_at is null")
					.param("id", candidate.id())
					.param("now", Timestamps.utc(now))
					.update();
				if (claimed == 1) {
					this.storage.delete(candidate.fileKey());
					this.posters.find(candidate.id()).ifPresent((poster) -> {
						this.posters.delete(candidate.id());
						this.storage.delete(poster.fileKey());
					});
				}
				return claimed == 1;
			});
			removed += Boolean.TRUE.equals(mine) ? 1 : 0;
		}
		if (removed > 0) {
			log.info("Removed the files of {} media items deleted more than {} ago", removed, this.grace);
		}
		return removed;
	}

}
