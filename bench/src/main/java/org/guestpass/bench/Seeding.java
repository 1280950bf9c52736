package org.guestpass.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Links in bulk, written straight into the database: the API allows three links per item,
 * so the benchmark's thousands (and million) are inserted with one statement each time.
 * Item {@code k} gets links {@code 3k-2 … 3k}; link {@code i} has the token
 * {@code PREFIX + i} padded to the 43 characters of a real token, and the database stores
 * its SHA-256 in hex, as GuestPass does ({@code Tokens.hash}), so the benchmark knows
 * every link's token without keeping a million of them. The copy of the token sealed
 * under the server secret is a placeholder: only the owner's dialog reads it, and it
 * treats an unreadable one as "cannot be copied again".
 */
final class Seeding {

	/** The links the admission scenarios use: a click limit too high to reach. */
	static final String LOAD = "bench-";

	/**
	 * The links of the correctness check: a small click limit that every client races
	 * for.
	 */
	static final String LIMITED = "limit-";

	static final int LOAD_LINK_LIMIT = 100_000_000;

	private Seeding() {
	}

	/** The token of link {@code i} of a series. */
	static String token(String prefix, long i) {
		String number = Long.toString(i);
		return prefix + "0".repeat(43 - prefix.length() - number.length()) + number;
	}

	/**
	 * Adds items {@code fromItem … toItem} (live sessions owned by {@code ownerId}, guest
	 * access on), each with three links of the series {@code prefix}. Returns the number
	 * of links added.
	 */
	static long addItems(Connection connection, long ownerId, String prefix, long fromItem, long toItem, int maxClicks)
			throws SQLException {
		if (toItem < fromItem) {
			return 0;
		}
		String sql = """
				with items as (
				    insert into media (owner_id, title, description, type, source_url, created_at, updated_at)
				    select ?, 'Benchmark item ' || k, k::text, 'live_session', 'https://stream.example.org/live/' || k,
				           now(), now()
				      from generate_series(?::bigint, ?::bigint) as k
				    returning id, description
				), access as (
				    insert into guest_access (media_id, enabled, link_count, updated_at)
				    select id, true, 3, now() from items
				)
				insert into guest_link (media_id, name, token_hash, token_sealed, max_clicks, clicks, created_by,
				                        created_at)
				select items.id, 'Benchmark link ' || i,
				       encode(sha256(convert_to(? || lpad(i::text, ?, '0'), 'UTF8')), 'hex'),
				       'sealed-by-the-benchmark', ?, 0, ?, now()
				  from items,
				       generate_series(3 * (items.description::bigint - 1) + 1, 3 * items.description::bigint) as i
				""";
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			insert.setLong(1, ownerId);
			insert.setLong(2, fromItem);
			insert.setLong(3, toItem);
			insert.setString(4, prefix);
			insert.setInt(5, 43 - prefix.length());
			insert.setInt(6, maxClicks);
			insert.setLong(7, ownerId);
			return insert.executeUpdate();
		}
	}

	static long adminId(Connection connection) throws SQLException {
		return single(connection, "select id from account where username = 'admin'");
	}

	static long linkCount(Connection connection) throws SQLException {
		return single(connection, "select count(*) from guest_link");
	}

	static void analyze(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("analyze");
		}
	}

	/**
	 * Links admitted past their limit, by clicks or by guest sessions: must be none.
	 * Checks every link with a limit, so every admission of the run.
	 */
	static long linksPastTheirLimit(Connection connection) throws SQLException {
		return single(connection, """
				select count(*)
				  from guest_link l
				 where l.max_clicks is not null
				   and (l.clicks > l.max_clicks
				        or (select count(*) from guest_session s where s.link_id = l.id) > l.max_clicks)
				""");
	}

	/**
	 * For the links with this click limit: how many there are, their clicks, and their
	 * guest sessions.
	 */
	static long[] linksClicksAndSessions(Connection connection, int maxClicks) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("""
				select count(*), coalesce(sum(l.clicks), 0),
				       (select count(*) from guest_session s join guest_link sl on sl.id = s.link_id
				         where sl.max_clicks = ?)
				  from guest_link l
				 where l.max_clicks = ?
				""")) {
			query.setInt(1, maxClicks);
			query.setInt(2, maxClicks);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) };
			}
		}
	}

	static long single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
