package org.guestpass.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * GuestPass settings, bound from {@code guestpass.*} properties and {@code GUESTPASS_*}
 * environment variables.
 *
 * @param dataDir where the embedded default keeps its database, media files and generated
 * secrets
 * @param storageDir where media files are stored (a folder every node shares in
 * production); the data folder's media folder when empty
 * @param baseUrl the public URL used in copied guest links; when empty, taken from the
 * request
 * @param adminPassword the first admin's password; when empty, one is generated and
 * printed once
 * @param secret the server secret that protects guest link tokens; when empty, generated
 * into the data folder on first start
 * @param guestSessionLifetime how long a guest's admission lasts at most (never past the
 * link's expiry)
 * @param guestSessionIdle how long a guest's admission lasts without a page load
 * @param timeZone the site's time zone, for times typed into forms and shown without
 * JavaScript; the server's own zone when empty
 * @param rateLimits how many attempts each client, account and link is allowed
 * @param rateLimitCleanup how often each node removes the rate-limit buckets that are
 * full again (on PostgreSQL)
 * @param maxUploadSize the largest video upload
 * @param deletedMediaGrace how long a deleted item's files stay in storage before they
 * are removed
 * @param deletedMediaCheck how often each node looks for deleted items whose files can go
 * @param guestDataRetention how long guests' names and emails are kept after their link
 * ended (deleted, expired, or its item deleted)
 * @param guestDataRetentionCheck how often each node erases the guest data past its
 * retention
 * @param frameAncestors the origins allowed to show GuestPass in a frame: https origins
 * or 'self', separated by spaces or commas, or 'none'
 * @param demo demo mode: on a site without media, adds the member demo and one sample
 * item of each kind
 * @param demoPassword the demo member's password
 * @param lti the LMS integration (LTI 1.3)
 */
@ConfigurationProperties("guestpass")
@Validated
public record GuestPassProperties(@DefaultValue("./data") @NotNull Path dataDir, Path storageDir, URI baseUrl,
		String adminPassword, String secret,
		@DefaultValue("12h") @NotNull @DurationMin(seconds = 1) Duration guestSessionLifetime,
		@DefaultValue("2h") @NotNull @DurationMin(seconds = 1) Duration guestSessionIdle, ZoneId timeZone,
		@DefaultValue @Valid @NotNull RateLimitSettings rateLimits,
		@DefaultValue("10m") @NotNull @DurationMin(seconds = 1) Duration rateLimitCleanup,
		@DefaultValue("2GB") @NotNull DataSize maxUploadSize,
		@DefaultValue("7d") @NotNull @DurationMin(nanos = 0) Duration deletedMediaGrace,
		@DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration deletedMediaCheck,
		@DefaultValue("30d") @NotNull @DurationMin(nanos = 0) Duration guestDataRetention,
		@DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration guestDataRetentionCheck,
		@DefaultValue("'none'") @NotBlank String frameAncestors, @DefaultValue("false") boolean demo,
		@DefaultValue("guestpass-demo") @NotBlank String demoPassword, @DefaultValue @Valid @NotNull Lti lti) {

	public GuestPassProperties {
		if (storageDir == null || storageDir.toString().isBlank()) {
			storageDir = (dataDir != null) ? dataDir.resolve("media") : null;
		}
		if (timeZone == null) {
			timeZone = ZoneId.systemDefault();
		}
		if (baseUrl != null && baseUrl.toString().isBlank()) {
			baseUrl = null;
		}
		if (lti != null && (lti.keyDir() == null || lti.keyDir().toString().isBlank()) && dataDir != null) {
			lti = new Lti(dataDir.resolve("lti-keys"), lti.loginLifetime(), lti.clockSkew(), lti.allowHttpLoopback());
		}
	}

	/**
	 * The LMS integration (LTI 1.3).
	 *
	 * @param keyDir where GuestPass keeps the key pairs it signs with (published at
	 * {@code /lti/jwks}); the data folder's {@code lti-keys} when empty, and a folder
	 * every node shares in production
	 * @param loginLifetime how long a platform has to answer a login with its launch: a
	 * login's state and nonce are refused after it
	 * @param clockSkew how far a platform's clock may be from GuestPass's when its
	 * id_token's times are checked
	 * @param allowHttpLoopback whether a platform on this machine may use plain
	 * {@code http://} (for a test or development platform); every other platform must use
	 * {@code https://}
	 */
	public record Lti(Path keyDir,
			@DefaultValue("5m") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 5) Duration loginLifetime,
			@DefaultValue("1m") @NotNull @DurationMin(nanos = 0) @DurationMax(minutes = 5) Duration clockSkew,
			@DefaultValue("false") boolean allowHttpLoopback) {

	}

	/**
	 * The rate limits: each allows a number of attempts per key, given back gradually
	 * over its period (a bucket that refills one attempt at a time).
	 *
	 * @param unknownLinks guest-link requests whose token matches no link, per client
	 * address
	 * @param admissions admission form posts, per link and client address
	 * @param signInFailures failed sign-ins per account (the user name typed, whether or
	 * not it exists)
	 * @param signInFailuresByAddress failed sign-ins per client address, whatever the
	 * account (password spraying)
	 * @param ltiLaunches LTI logins and launches per client address
	 */
	public record RateLimitSettings(@DefaultValue @Valid @NotNull UnknownLinks unknownLinks,
			@DefaultValue @Valid @NotNull Admissions admissions,
			@DefaultValue @Valid @NotNull SignInFailures signInFailures,
			@DefaultValue @Valid @NotNull SignInFailuresByAddress signInFailuresByAddress,
			@DefaultValue @Valid @NotNull LtiLaunches ltiLaunches) {

	}

	/**
	 * Guest-link requests with a token that matches no link, per client address. Every
	 * request reserves one before its token is looked up (and a token that matches gives
	 * it back), so this is also how many link requests of one address are looked up at
	 * the same instant.
	 *
	 * @param capacity how many misses an address may have
	 * @param period how long the misses take to be given back in full
	 */
	public record UnknownLinks(@DefaultValue("10") @Positive int capacity,
			@DefaultValue("30m") @NotNull @DurationMin(seconds = 1) Duration period) {

	}

	/**
	 * Admission form posts per link and client address, whatever their outcome. A link
	 * without a click limit allows {@code capacity} per period, enough for a lecture hall
	 * behind one address; a link with a click limit allows one address a share of its
	 * clicks ({@code share-of-clicks} percent, at least {@code minimum}, at most
	 * {@code capacity}), so that no one client uses up a limited link in a burst.
	 *
	 * @param capacity posts per period for a link without a click limit, and the most for
	 * any link
	 * @param period how long the posts take to be given back in full
	 * @param shareOfClicks the percentage of a limited link's clicks that one address may
	 * post per period
	 * @param minimum the fewest posts per period one address may make to a limited link
	 */
	public record Admissions(@DefaultValue("500") @Positive int capacity,
			@DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration period,
			@DefaultValue("20") @Min(1) @Max(100) int shareOfClicks, @DefaultValue("10") @Positive int minimum) {

		/** The posts per period one address may make to a link with this click limit. */
		public int allowedFor(Integer maxClicks) {
			if (maxClicks == null) {
				return this.capacity;
			}
			long share = ((long) maxClicks * this.shareOfClicks + 99) / 100;
			return (int) Math.min(this.capacity, Math.max(this.minimum, share));
		}

	}

	/**
	 * Failed sign-ins per account: the user name typed, whether or not it exists.
	 *
	 * @param capacity how many failures an account may have
	 * @param period how long the failures take to be given back in full
	 */
	public record SignInFailures(@DefaultValue("5") @Positive int capacity,
			@DefaultValue("15m") @NotNull @DurationMin(seconds = 1) Duration period) {

	}

	/**
	 * Failed sign-ins per client address, whatever the account: password spraying.
	 *
	 * @param capacity how many failures an address may have
	 * @param period how long the failures take to be given back in full
	 */
	public record SignInFailuresByAddress(@DefaultValue("30") @Positive int capacity,
			@DefaultValue("15m") @NotNull @DurationMin(seconds = 1) Duration period) {

	}

	/**
	 * LTI logins and launches per client address, whatever their outcome: a whole class
	 * behind one school address opens GuestPass at once (two requests each), a flood of
	 * made-up launches does not.
	 *
	 * @param capacity how many requests an address may make
	 * @param period how long they take to be given back in full
	 */
	public record LtiLaunches(@DefaultValue("600") @Positive int capacity,
			@DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration period) {

	}

}
