package org.guestpass.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.guestpass.system.TextLength;
import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PlatformAccountRepository {

	private final JdbcClient jdbc;

	PlatformAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account of an identity, if it has one. */
	Optional<Long> accountOf(String identityHash) {
		return this.jdbc.sql("select account_id from account_identity where identity_hash = :hash")
			.param("hash", identityHash)
			.query(Long.class)
			.optional();
	}

	/**
	 * Links a new account to an identity: false when another launch of the same person
	 * linked one first (the primary key decides).
	 */
	boolean link(String identityHash, PlatformUser user, long accountId, Instant now) {
		return this.jdbc.sql("""
				insert into account_identity (identity_hash, issuer, client_id, subject, account_id, display_name,
				                              email, created_at, last_launch_at)
				values (:hash, :issuer, :clientId, :subject, :accountId, :name, :email, :now, :now)
				on conflict do nothing
				""")
			.param("hash", identityHash)
			.param("issuer", user.issuer())
			.param("clientId", user.clientId())
			.param("subject", user.subject())
			.param("accountId", accountId)
			.param("name", TextLength.truncate(user.name(), PlatformUser.MAX_NAME))
			.param("email", TextLength.truncate(user.email(), PlatformUser.MAX_EMAIL))
			.param("now", Timestamps.utc(now))
			.update() > 0;
	}

	/** Keeps the name and email the platform shared at this launch. */
	void touch(String identityHash, PlatformUser user, Instant now) {
		this.jdbc.sql("""
				update account_identity
				   set display_name = :name, email = :email, last_launch_at = :now
				 where identity_hash = :hash
				""")
			.param("hash", identityHash)
			.param("name", TextLength.truncate(user.name(), PlatformUser.MAX_NAME))
			.param("email", TextLength.truncate(user.email(), PlatformUser.MAX_EMAIL))
			.param("now", Timestamps.utc(now))
			.update();
	}

	/** The name the platform shared for an account, if it is one from a platform. */
	Optional<String> displayName(long accountId) {
		return this.jdbc.sql("select display_name from account_identity where account_id = :id")
			.param("id", accountId)
			.query(String.class)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

}
