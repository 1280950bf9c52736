package org.guestpass.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The database ceiling of an admission: the SQL statements GuestPass issues for one guest who opens
 * a link and submits the form, in the same transactions and with the same texts, sent straight
 * through JDBC from a HikariCP pool as large as GuestPass's. What GuestPass adds on top of this is
 * its own cost: HTTP, Spring, Thymeleaf, the CSRF and rate-limit bookkeeping in Java.
 * <p>
 * The statements were read off PostgreSQL's statement log ({@code log_statement = all}) during one
 * admission of a new guest from a new address; {@link #STATEMENTS} lists them for the report. When
 * GuestPass's SQL changes, read the log again and change this class with it.
 */
final class AdmissionCeiling implements AutoCloseable {

	/** The transactions of one admission, as the report lists them. */
	static final List<String> STATEMENTS = List.of(
			"GET /g/{token} — rate limit check, per client address (an address with no bucket has used nothing):",
			"  S1  select exists (select 1 from rate_limit_bucket where id = ?)",
			"GET /g/{token} — the link (read-only transaction):",
			"  T2  select … from guest_link join media left join guest_access where token_hash = ?; select … from site_settings where id = 1; commit",
			"POST /g/{token} — the same check per address, then one admission used per link and address (Bucket4j creates its bucket):",
			"  S3  as S1",
			"  T4  select state from rate_limit_bucket where id = ? for update; insert into rate_limit_bucket … on conflict do nothing; commit",
			"  T5  select state from rate_limit_bucket where id = ? for update; rollback",
			"  T6  select state from rate_limit_bucket where id = ? for update; update rate_limit_bucket set state = ?, expires_at = ? where id = ?; commit",
			"POST /g/{token} — the admission (one transaction):",
			"  T7  select … from guest_link … where token_hash = ?; select … from site_settings where id = 1;",
			"      update guest_link set clicks = clicks + 1 where id = ? and (limit, expiry, guest access, item, modules);",
			"      insert into guest_session (…) values (…) returning id; insert into audit_event (…) values (…); commit");

	private static final String BUCKET_LOCK = "SELECT state as state FROM rate_limit_bucket WHERE id = ? FOR UPDATE";

	private static final String BUCKET_CREATE = "INSERT INTO rate_limit_bucket(id, state) VALUES(?, null) ON CONFLICT(id) DO NOTHING";

	private static final String BUCKET_SAVE = "UPDATE rate_limit_bucket SET state=?, expires_at=? WHERE id=?";

	private static final String BUCKET_EXISTS = "select exists (select 1 from rate_limit_bucket where id = ?)";

	/** A bucket's state as Bucket4j wrote it in the statement log: the same size goes back each time. */
	private static final byte[] BUCKET_STATE = HexFormat.of()
		.parseHex("00000001000000010000000100000001000000000000000a000000000000000a000001a3185c5000000000000000000a"
				+ "008000000000000000000000000003000000010000000318ec68a9e4d4bbf0000000000000000a000000000000000000"
				+ "0000010000000000000000");

	private static final String LINK_STATE = """
			select l.id, l.media_id, l.max_clicks, l.clicks, l.expires_at, m.title, m.deleted_at, m.type,
			       coalesce(ga.enabled, false) as enabled
			  from guest_link l
			  join media m on m.id = l.media_id
			  left join guest_access ga on ga.media_id = l.media_id
			 where l.token_hash = ?""";

	private static final String MODULES = """
			select invitetomedia, theming, mediapage
			  from site_settings
			 where id = 1
			""";

	private static final String COUNT_CLICK = """
			update guest_link
			   set clicks = clicks + 1
			 where id = ?
			   and (max_clicks is null or clicks < max_clicks)
			   and (expires_at is null or expires_at > ?)
			   and exists (select 1
			                 from guest_access ga
			                 join media m on m.id = ga.media_id
			                where ga.media_id = guest_link.media_id
			                  and ga.enabled
			                  and m.deleted_at is null
			                  and m.type <> 'channel_room')
			   and exists (select 1
			                 from site_settings s
			                where s.id = 1 and s.invitetomedia and s.theming and s.mediapage)
			""";

	private static final String INSERT_SESSION = """
			insert into guest_session (session_hash, link_id, media_id, guest_name, guest_email, created_at,
			                           expires_at)
			values (?, ?, ?, ?, ?, ?, ?)
			""";

	private static final String INSERT_AUDIT = """
			insert into audit_event (occurred_at, actor, action, media_id, link_id, outcome, detail)
			values (?, ?, ?, ?, ?, ?, ?)
			""";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final HikariDataSource pool;

	AdmissionCeiling(Database database, int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.url());
		config.setUsername(database.user());
		config.setPassword(database.password());
		config.setMaximumPoolSize(poolSize);
		config.setConnectionTimeout(3000);
		config.setPoolName("ceiling");
		this.pool = new HikariDataSource(config);
	}

	/** One client of the ceiling: admission after admission, each by a new guest on a link the supplier picks. */
	Load.Client client(Supplier<String> tokens) {
		return () -> {
			admit(tokens.get(), Guests.next());
			return 0;
		};
	}

	/** Everything the database does for one admission of a new guest from a new address. */
	void admit(String token, int guest) throws SQLException {
		String address = Guests.address(guest);
		String linkHash = sha256(token);
		String addressKey = sha256("UNKNOWN_GUEST_LINKS:" + address);
		// GET /g/{token}
		bucketExists(addressKey);
		try (Connection connection = this.pool.getConnection()) {
			connection.setReadOnly(true);
			connection.setAutoCommit(false);
			linkState(connection, linkHash);
			modules(connection);
			connection.commit();
			connection.setAutoCommit(true);
			connection.setReadOnly(false);
		}
		// POST /g/{token}
		bucketExists(addressKey);
		newBucket(sha256("GUEST_ADMISSIONS:" + linkHash + "@" + address));
		try (Connection connection = this.pool.getConnection()) {
			connection.setAutoCommit(false);
			long[] link = linkState(connection, linkHash);
			modules(connection);
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			try (PreparedStatement click = connection.prepareStatement(COUNT_CLICK)) {
				click.setLong(1, link[0]);
				click.setObject(2, now);
				if (click.executeUpdate() != 1) {
					throw new SQLException("The link " + token + " took no click");
				}
			}
			long sessionId;
			try (PreparedStatement session = connection.prepareStatement(INSERT_SESSION, new String[] { "id" })) {
				session.setString(1, sha256(newSessionToken()));
				session.setLong(2, link[0]);
				session.setLong(3, link[1]);
				session.setString(4, "Guest " + guest);
				session.setString(5, "guest-" + guest + "@example.org");
				session.setObject(6, now);
				session.setObject(7, now.plusHours(12));
				session.executeUpdate();
				try (ResultSet keys = session.getGeneratedKeys()) {
					keys.next();
					sessionId = keys.getLong(1);
				}
			}
			try (PreparedStatement audit = connection.prepareStatement(INSERT_AUDIT)) {
				audit.setObject(1, now);
				audit.setString(2, "guest #" + sessionId);
				audit.setString(3, "admission");
				audit.setLong(4, link[1]);
				audit.setLong(5, link[0]);
				audit.setString(6, "admitted");
				audit.setNull(7, java.sql.Types.VARCHAR);
				audit.executeUpdate();
			}
			connection.commit();
			connection.setAutoCommit(true);
		}
	}

	/** Bucket4j's three transactions for a key it has not seen: create the row, find it empty, save the state. */
	private void newBucket(String key) throws SQLException {
		try (Connection connection = this.pool.getConnection()) {
			connection.setAutoCommit(false);
			lockBucket(connection, key);
			try (PreparedStatement create = connection.prepareStatement(BUCKET_CREATE)) {
				create.setString(1, key);
				create.executeUpdate();
			}
			connection.commit();
			lockBucket(connection, key);
			connection.rollback();
			lockBucket(connection, key);
			try (PreparedStatement save = connection.prepareStatement(BUCKET_SAVE)) {
				save.setBytes(1, BUCKET_STATE);
				save.setLong(2, System.currentTimeMillis() + 6_000);
				save.setString(3, key);
				save.executeUpdate();
			}
			connection.commit();
			connection.setAutoCommit(true);
		}
	}

	/** GuestPass's check of a limit: one read, in autocommit, whether the key has a bucket at all. */
	private void bucketExists(String key) throws SQLException {
		try (Connection connection = this.pool.getConnection();
				PreparedStatement exists = connection.prepareStatement(BUCKET_EXISTS)) {
			exists.setString(1, key);
			try (ResultSet rs = exists.executeQuery()) {
				rs.next();
				rs.getBoolean(1);
			}
		}
	}

	private static void lockBucket(Connection connection, String key) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement(BUCKET_LOCK)) {
			lock.setString(1, key);
			try (ResultSet rs = lock.executeQuery()) {
				while (rs.next()) {
					rs.getBytes(1);
				}
			}
		}
	}

	/** The link's id and item id. */
	private static long[] linkState(Connection connection, String hash) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(LINK_STATE)) {
			query.setString(1, hash);
			try (ResultSet rs = query.executeQuery()) {
				if (!rs.next()) {
					throw new SQLException("No link has the hash " + hash);
				}
				long[] link = { rs.getLong("id"), rs.getLong("media_id") };
				rs.getObject("max_clicks");
				rs.getInt("clicks");
				rs.getObject("expires_at", OffsetDateTime.class);
				rs.getString("title");
				rs.getObject("deleted_at");
				rs.getString("type");
				rs.getBoolean("enabled");
				return link;
			}
		}
	}

	private static void modules(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(MODULES); ResultSet rs = query.executeQuery()) {
			rs.next();
			rs.getBoolean(1);
			rs.getBoolean(2);
			rs.getBoolean(3);
		}
	}

	private static String newSessionToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.pool.close();
	}

}
