package org.guestpass.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Rate limits, as token buckets (Bucket4j). On PostgreSQL the buckets live in the
 * database, so all nodes share them; on the embedded default they live in memory. Keys
 * are hashed, so the database holds no client address or user name.
 */
@Component
public class RateLimits implements SchedulingConfigurer {

	private static final int MOST_BUCKETS_IN_MEMORY = 100_000;

	private final Buckets buckets;

	private final GuestPassProperties.RateLimitSettings settings;

	private final Map<Limit, BucketConfiguration> allowances = new EnumMap<>(Limit.class);

	private final Duration cleanup;

	RateLimits(DataSource dataSource, Clock clock, GuestPassProperties properties) throws SQLException {
		TimeMeter time = new ClockTimeMeter(clock);
		this.buckets = isPostgres(dataSource) ? new DatabaseBuckets(dataSource, time) : new MemoryBuckets(time);
		this.settings = properties.rateLimits();
		this.cleanup = properties.rateLimitCleanup();
		for (Limit limit : Limit.values()) {
			this.allowances.put(limit, allowanceOf(limit));
		}
	}

	/**
	 * Reserves one request of the limit for this key, before the work it guards: the
	 * bucket decides atomically (in the database on PostgreSQL, so on every node), so
	 * however many requests arrive at once, no more than the limit are allowed. Where
	 * only some outcomes count (a miss, a failed sign-in), the caller gives the
	 * reservation back with {@link #refund} when the outcome does not.
	 */
	public Verdict reserve(Limit limit, String key) {
		return reserve(limit, key, allowance(limit));
	}

	/**
	 * Reserves one admission form post for this link and client address, as
	 * {@link #reserve} does: a link without a click limit ({@code maxClicks} null) allows
	 * a lecture hall's worth behind one address, a limited link a share of its clicks.
	 * @see GuestPassProperties.Admissions#allowedFor(Integer)
	 */
	public Verdict reserveAdmission(String linkAndAddress, Integer maxClicks) {
		GuestPassProperties.Admissions admissions = this.settings.admissions();
		return reserve(Limit.GUEST_ADMISSIONS, linkAndAddress,
				configuration(admissions.allowedFor(maxClicks), admissions.period()));
	}

	private Verdict reserve(Limit limit, String key, BucketConfiguration allowance) {
		try {
			ConsumptionProbe probe = this.buckets.bucket(id(limit, key), allowance).tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? new Verdict(true, Duration.ZERO) : Verdict.of(probe.getNanosToWaitForRefill());
		}
		catch (BucketExceptions.BucketExecutionException ex) {
			throw unreachable(ex);
		}
	}

	/**
	 * Gives back a request {@link #reserve reserved} for an outcome that turned out not
	 * to count.
	 */
	public void refund(Limit limit, String key) {
		try {
			this.buckets.bucket(id(limit, key), allowance(limit)).addTokens(1);
		}
		catch (BucketExceptions.BucketExecutionException ex) {
			throw unreachable(ex);
		}
	}

	private BucketConfiguration allowance(Limit limit) {
		return this.allowances.get(limit);
	}

	private BucketConfiguration allowanceOf(Limit limit) {
		return switch (limit) {
			case UNKNOWN_GUEST_LINKS ->
				configuration(this.settings.unknownLinks().capacity(), this.settings.unknownLinks().period());
			case GUEST_ADMISSIONS ->
				configuration(this.settings.admissions().capacity(), this.settings.admissions().period());
			case SIGN_IN_FAILURES ->
				configuration(this.settings.signInFailures().capacity(), this.settings.signInFailures().period());
			case SIGN_IN_FAILURES_BY_ADDRESS -> configuration(this.settings.signInFailuresByAddress().capacity(),
					this.settings.signInFailuresByAddress().period());
			case LTI_LAUNCHES ->
				configuration(this.settings.ltiLaunches().capacity(), this.settings.ltiLaunches().period());
		};
	}

	private static BucketConfiguration configuration(int capacity, Duration period) {
		return BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(capacity).refillGreedy(capacity, period))
			.build();
	}

	private static String id(Limit limit, String key) {
		return Tokens.hash(limit.name() + ":" + key);
	}

	/**
	 * Removes full buckets every {@code guestpass.rate-limit-cleanup}, first after 3
	 * minutes.
	 */
	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::removeFullBuckets, this.cleanup, Duration.ofMinutes(3)));
	}

	/**
	 * Removes the buckets that have refilled completely, as if never used, so the table
	 * does not grow with every guest address ever seen. Each node may run it: Bucket4j
	 * deletes in small batches.
	 */
	public int removeFullBuckets() {
		int removed = 0;
		int batch;
		do {
			batch = this.buckets.removeExpired(1000);
			removed += batch;
		}
		while (batch == 1000);
		return removed;
	}

	// The buckets' store failed under Bucket4j's own JDBC calls: say so in Spring's
	// words.
	private static DataAccessResourceFailureException unreachable(RuntimeException ex) {
		return new DataAccessResourceFailureException("The rate limits' buckets cannot be reached", ex);
	}

	private static boolean isPostgres(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
	}

	/**
	 * The limits GuestPass enforces; how much each allows is set in
	 * {@link GuestPassProperties.RateLimitSettings} ({@code guestpass.rate-limits.*}).
	 */
	public enum Limit {

		/** Guest-link requests with a token that matches no link, per client address. */
		UNKNOWN_GUEST_LINKS,
		/**
		 * Admission form posts, per link and client address: one guest cannot lock out
		 * the others, nor use up a limited link's clicks in a burst.
		 */
		GUEST_ADMISSIONS,
		/**
		 * Failed sign-ins, per account (the user name typed, whether or not it exists).
		 */
		SIGN_IN_FAILURES,
		/**
		 * Failed sign-ins, per client address, whatever the account: password spraying.
		 */
		SIGN_IN_FAILURES_BY_ADDRESS,
		/** LTI logins and launches, per client address, whatever their outcome. */
		LTI_LAUNCHES

	}

	/** Whether a request may go on, and if not, when to try again. */
	public record Verdict(boolean allowed, Duration retryAfter) {

		static Verdict of(long nanosToWait) {
			return (nanosToWait <= 0) ? new Verdict(true, Duration.ZERO) : new Verdict(false,
					Duration.ofSeconds(Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L)));
		}

	}

	/** Where the buckets live. */
	private interface Buckets {

		Bucket bucket(String id, BucketConfiguration configuration);

		int removeExpired(int batchSize);

	}

	private static final class DatabaseBuckets implements Buckets {

		private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;

		DatabaseBuckets(DataSource dataSource, TimeMeter time) {
			this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("rate_limit_bucket")
				.idColumn("id")
				.stateColumn("state")
				.expiresAtColumn("expires_at")
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
				.clientClock(time)
				.build();
		}

		@Override
		public Bucket bucket(String id, BucketConfiguration configuration) {
			return this.proxies.builder().build(id, () -> configuration);
		}

		@Override
		public int removeExpired(int batchSize) {
			return this.proxies.removeExpired(batchSize);
		}

	}

	private static final class MemoryBuckets implements Buckets {

		private final TimeMeter time;

		// The least recently used buckets go first once there are too many.
		private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > MOST_BUCKETS_IN_MEMORY;
			}
		});

		MemoryBuckets(TimeMeter time) {
			this.time = time;
		}

		@Override
		public Bucket bucket(String id, BucketConfiguration configuration) {
			return this.buckets.computeIfAbsent(id,
					(ignored) -> Bucket.builder()
						.addLimit(configuration.getBandwidths()[0])
						.withCustomTimePrecision(this.time)
						.build());
		}

		@Override
		public int removeExpired(int batchSize) {
			// Memory holds at most MOST_BUCKETS_IN_MEMORY buckets and drops the least
			// recently used.
			return 0;
		}

	}

	/** Bucket4j's time from the application's clock, so tests can move it. */
	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
