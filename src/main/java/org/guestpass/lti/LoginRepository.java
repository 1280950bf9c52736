package org.guestpass.lti;

import java.time.Instant;
import java.util.Optional;

import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LoginRepository {

	private final JdbcClient jdbc;

	LoginRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String stateHash, long platformId, String nonce, String targetLinkUri, String browserHash,
			Instant now) {
		this.jdbc.sql("""
				insert into lti_login (state_hash, platform_id, nonce, target_link_uri, browser_hash, created_at)
				values (:stateHash, :platformId, :nonce, :targetLinkUri, :browserHash, :now)
				""")
			.param("stateHash", stateHash)
			.param("platformId", platformId)
			.param("nonce", nonce)
			.param("targetLinkUri", targetLinkUri)
			.param("browserHash", browserHash)
			.param("now", Timestamps.utc(now))
			.update();
	}

	/** The login of this state, used or not. */
	Optional<PendingLogin> find(String stateHash) {
		return this.jdbc.sql("""
				select platform_id, nonce, target_link_uri, browser_hash, created_at
				  from lti_login
				 where state_hash = :stateHash
				""")
			.param("stateHash", stateHash)
			.query((rs, row) -> new PendingLogin(rs.getLong("platform_id"), rs.getString("nonce"),
					rs.getString("target_link_uri"), rs.getString("browser_hash"),
					Timestamps.instant(rs, "created_at")))
			.optional();
	}

	/**
	 * Marks the login used: false when a launch already used it, on any node (the
	 * update's row count decides).
	 */
	boolean markUsed(String stateHash, Instant now) {
		return this.jdbc.sql("update lti_login set used_at = :now where state_hash = :stateHash and used_at is null")
			.param("now", Timestamps.utc(now))
			.param("stateHash", stateHash)
			.update() > 0;
	}

	/** Forgets logins that no launch answered in time. */
	int deleteStartedBefore(Instant cutoff) {
		return this.jdbc.sql("delete from lti_login where created_at < :cutoff")
			.param("cutoff", Timestamps.utc(cutoff))
			.update();
	}

	/**
	 * Records that a launch used this nonce: false when one already did, on any node (the
	 * primary key decides).
	 */
	boolean useNonce(long platformId, String nonce, Instant expiresAt) {
		return this.jdbc.sql("""
				insert into lti_nonce (platform_id, nonce, expires_at) values (:platformId, :nonce, :at)
				on conflict do nothing
				""")
			.param("platformId", platformId)
			.param("nonce", nonce)
			.param("at", Timestamps.utc(expiresAt))
			.update() > 0;
	}

	int deleteNoncesExpiredBefore(Instant cutoff) {
		return this.jdbc.sql("delete from lti_nonce where expires_at < :cutoff")
			.param("cutoff", Timestamps.utc(cutoff))
			.update();
	}

	/**
	 * A login waiting for its launch.
	 *
	 * @param platformId the platform it was sent to
	 * @param nonce the nonce the launch's id_token must carry
	 * @param targetLinkUri the target link the login asked for
	 * @param browserHash the hash of the browser's login cookie
	 * @param createdAt when it was started
	 */
	record PendingLogin(long platformId, String nonce, String targetLinkUri, String browserHash, Instant createdAt) {
	}

}
