package org.guestpass.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.guestpass.system.Timestamps;
import org.guestpass.system.Tokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: shown once when created, stored only as a hash, sent as
 * {@code Authorization: Bearer gp_…}.
 */
@Service
public class ApiTokens implements OpaqueTokenIntrospector {

	static final String PREFIX = "gp_";

	/** The longest token name, in characters (code points, so an emoji counts as one). */
	public static final int MAX_NAME_LENGTH = 100;

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A token as listed: never the secret itself. */
	public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt) {
	}

	/** A token just created, with its secret: the only time anyone sees it. */
	public record IssuedToken(long id, String name, String token) {
	}

	@Transactional
	public IssuedToken issue(long accountId, String name) {
		String token = PREFIX + Tokens.generate();
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into api_token (account_id, name, token_hash, created_at)
				values (:accountId, :name, :hash, :now)
				""")
			.param("accountId", accountId)
			.param("name", name.trim())
			.param("hash", Tokens.hash(token))
			.param("now", Timestamps.utc(this.clock.instant()))
			.update(key, "id");
		return new IssuedToken(key.getKey().longValue(), name.trim(), token);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> list(long accountId) {
		return this.jdbc.sql("""
				select id, name, created_at, last_used_at
				  from api_token
				 where account_id = :accountId
				 order by id
				""")
			.param("accountId", accountId)
			.query((rs, row) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
					Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "last_used_at")))
			.list();
	}

	/** Revokes one of the account's tokens; false when it has no such token. */
	@Transactional
	public boolean revoke(long accountId, long tokenId) {
		return this.jdbc.sql("delete from api_token where id = :id and account_id = :accountId")
			.param("id", tokenId)
			.param("accountId", accountId)
			.update() == 1;
	}

	@Override
	@Transactional
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		if (token == null || !token.startsWith(PREFIX) || !Tokens.isWellFormed(token.substring(PREFIX.length()))) {
			throw new BadOpaqueTokenException("Malformed API token");
		}
		String hash = Tokens.hash(token);
		SignedIn principal = this.jdbc.sql("""
				select a.id, a.username, a.role
				  from api_token t
				  join account a on a.id = t.account_id
				 where t.token_hash = :hash
				""")
			.param("hash", hash)
			.query((rs, row) -> new SignedIn(rs.getLong("id"), rs.getString("username"),
					Role.valueOf(rs.getString("role")), null))
			.optional()
			.orElseThrow(() -> new BadOpaqueTokenException("Unknown API token"));
		this.jdbc.sql("update api_token set last_used_at = :now where token_hash = :hash")
			.param("now", Timestamps.utc(this.clock.instant()))
			.param("hash", hash)
			.update();
		return principal;
	}

}
