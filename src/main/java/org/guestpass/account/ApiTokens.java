package org.guestpass.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guestpass.system.TextRule;
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
 * {@code Authorization: Bearer gp_…}. A token works only while its account is enabled:
 * each request reads the account again, so disabling it stops its tokens at once on every
 * node, and enabling it again lets those that were not revoked work again.
 */
@Service
public class ApiTokens implements OpaqueTokenIntrospector {

	static final String PREFIX = "gp_";

	/** The longest token name, in characters (code points, so an emoji counts as one). */
	public static final int MAX_NAME_LENGTH = 100;

	/** A token's name, trimmed. */
	public static final TextRule NAME = TextRule.required("a token name", MAX_NAME_LENGTH);

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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
				""").param("accountId", accountId).query(ApiTokens::token).list();
	}

	/** One of the account's tokens, if it has one with this id. */
	@Transactional(readOnly = true)
	public Optional<ApiToken> find(long accountId, long tokenId) {
		return this.jdbc.sql("""
				select id, name, created_at, last_used_at
				  from api_token
				 where id = :id and account_id = :accountId
				""").param("id", tokenId).param("accountId", accountId).query(ApiTokens::token).optional();
	}

	/** How many tokens each account has; accounts without tokens are missing. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> countsByAccount() {
		Map<Long, Integer> counts = new HashMap<>();
		this.jdbc.sql("select account_id, count(*) as tokens from api_token group by account_id").query((rs) -> {
			counts.put(rs.getLong("account_id"), rs.getInt("tokens"));
		});
		return counts;
	}

	/** Revokes one of the account's tokens; false when it has no such token. */
	@Transactional
	public boolean revoke(long accountId, long tokenId) {
		return this.jdbc.sql("delete from api_token where id = :id and account_id = :accountId")
			.param("id", tokenId)
			.param("accountId", accountId)
			.update() == 1;
	}

	/** Revokes every token of the account; how many there were. */
	@Transactional
	public int revokeAll(long accountId) {
		return this.jdbc.sql("delete from api_token where account_id = :accountId")
			.param("accountId", accountId)
			.update();
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
				   and a.disabled_at is null
				""")
			.param("hash", hash)
			.query((rs, row) -> new SignedIn(rs.getLong("id"), rs.getString("username"),
					Role.valueOf(rs.getString("role")), null))
			.optional()
			.orElseThrow(() -> new BadOpaqueTokenException("Unknown API token, or its account is disabled"));
		this.jdbc.sql("update api_token set last_used_at = :now where token_hash = :hash")
			.param("now", Timestamps.utc(this.clock.instant()))
			.param("hash", hash)
			.update();
		return principal;
	}

	private static ApiToken token(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getString("name"), Timestamps.instant(rs, "created_at"),
				Timestamps.instant(rs, "last_used_at"));
	}

	/** A token as listed: never the secret itself. */
	public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt) {
	}

	/** A token just created, with its secret: the only time anyone sees it. */
	public record IssuedToken(long id, String name, String token) {
	}

}
