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
import java.util.UUID;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The database ceiling of an admission: the SQL statements GuestPass issues for one guest
 * who opens a link and submits the form, in the same transactions and with the same
 * texts, sent straight through JDBC from a HikariCP pool as large as GuestPass's, each
 * transaction on a connection of its own from the pool, as GuestPass's transaction
 * managers and Bucket4j take them. What GuestPass adds on top of this is its own cost:
 * HTTP, Spring, Thymeleaf, the CSRF and rate-limit bookkeeping in Java.
 * <p>
 * One admission is fourteen transactions, every one opened with {@code BEGIN} (none runs
 * in autocommit): on opening the link, a miss reserved for the client address (Bucket4j
 * creates the address's bucket: three transactions), the link read, the miss given back
 * since the token matched, and the new server-side session saved with its CSRF token
 * (Spring Session JDBC); on posting the form, the session read, a miss reserved again
 * (the bucket exists now: one transaction), the link's click limit read (one statement in
 * autocommit: it sets the address's allowance), one admission reserved for the link and
 * address (a new bucket: three), the admission itself, the miss given back, and the
 * session's last access saved.
 * <p>
 * The statements were read off PostgreSQL's statement log ({@code log_statement = all},
 * with the virtual transaction id in {@code log_line_prefix}) during admissions of new
 * guests from new addresses, after the first one (which also shows HikariCP's validation
 * of idle connections); {@link #STATEMENTS} lists them for the report. When GuestPass's
 * SQL changes, read the log again and change this class with it.
 */
final class AdmissionCeiling implements AutoCloseable {

	/** The transactions of one admission, as the report lists them. */
	static final List<String> STATEMENTS = List.of(
			"Every transaction below begins with BEGIN (T4: BEGIN READ ONLY); only the click limit's read runs in autocommit.",
			"GET /g/{token} — a miss reserved for the client address before the lookup (Bucket4j creates the address's bucket):",
			"  T1  select state from rate_limit_bucket where id = ? for update; insert into rate_limit_bucket (id, state) values (?, null) on conflict (id) do nothing; commit",
			"  T2  select state from rate_limit_bucket where id = ? for update; rollback",
			"  T3  select state from rate_limit_bucket where id = ? for update; update rate_limit_bucket set state = ?, expires_at = ? where id = ?; commit",
			"GET /g/{token} — the link (read-only transaction):",
			"  T4  select … from guest_link join media left join guest_access where token_hash = ?; select … from site_settings where id = 1; commit",
			"GET /g/{token} — the token matched a link, so the miss is given back:",
			"  T5  select state from rate_limit_bucket where id = ? for update; update rate_limit_bucket set state = ?, expires_at = ? where id = ?; commit",
			"GET /g/{token} — Spring Session saves the new session with its CSRF token:",
			"  T6  insert into spring_session (…) values (…); insert into spring_session_attributes (…) values (…); commit",
			"POST /g/{token} — Spring Session reads the session (the CSRF check):",
			"  T7  select … from spring_session s left join spring_session_attributes sa on … where s.session_id = ?; commit",
			"POST /g/{token} — a miss reserved for the address again (its bucket exists now):", "  T8  as T5",
			"POST /g/{token} — the link's click limit, which sets the address's allowance (autocommit):",
			"      select max_clicks from guest_link where token_hash = ?",
			"POST /g/{token} — one admission reserved for the link and address (Bucket4j creates that bucket):",
			"  T9–T11  as T1–T3", "POST /g/{token} — the admission (one transaction):",
			"  T12 select … from guest_link … where token_hash = ?; select … from site_settings where id = 1;",
			"      update guest_link set clicks = clicks + 1 where id = ? and (limit, expiry, guest access, item, modules);",
			"      insert into guest_session (…) values (…) returning id; insert into audit_event (…) values (…); commit",
			"POST /g/{token} — the token matched, so the miss is given back:", "  T13 as T5",
			"POST /g/{token} — Spring Session saves the session's last access:",
			"  T14 update spring_session set session_id = ?, last_access_time = ?, max_inactive_interval = ?, expiry_time = ?, principal_name = ? where primary_id = ?; commit");

	private static final String BUCKET_LOCK = "SELECT state as state FROM rate_limit_bucket WHERE id = ? FOR UPDATE";

	private static final String BUCKET_CREATE = "INSERT INTO rate_limit_bucket(id, state) VALUES(?, null) ON CONFLICT(id) DO NOTHING";

	private static final String BUCKET_SAVE = "UPDATE rate_limit_bucket SET state=?,expires_at=? WHERE id=?";

	/**
	 * The state of a bucket of misses (10 in 30 minutes) as Bucket4j wrote it in the
	 * statement log: a state of the same size goes back each time, whatever it counts.
	 */
	private static final byte[] MISSES_STATE = HexFormat.of()
		.parseHex("00000001000000010000000100000001000000000000000a000000000000000a000001a3185c5000000000000000000a"
				+ "008000000000000000000000000003000000010000000318ed43ce197c43500000000000000009000000000000000000"
				+ "0000010000000000000001");

	/**
	 * The state of a bucket of admissions (per link and address), as the log had it when
	 * that was 10 a minute: the state has the same size whatever the allowance.
	 */
	private static final byte[] ADMISSIONS_STATE = HexFormat.of()
		.parseHex("00000001000000010000000100000001000000000000000a000000000000000a0000000df8475800000000000000000a"
				+ "008000000000000000000000000003000000010000000318ed43ce1e2e8c780000000000000009000000000000000000"
				+ "0000010000000000000001");

	/**
	 * How long a bucket stays after a write, as Bucket4j computes it (until it is full
	 * again): one miss of 10 in 30 minutes takes 3 minutes to come back, one admission of
	 * the 500 a minute that a benchmark link allows an address (a fifth of its clicks, at
	 * most 500) 120 milliseconds, and a bucket whose miss was given back is full at once.
	 */
	private static final long MISS_HELD_MILLIS = 180_000;

	private static final long ADMISSION_HELD_MILLIS = 120;

	private static final String SESSION_CREATE = """
			INSERT INTO SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			""";

	private static final String SESSION_ATTRIBUTE_CREATE = """
			INSERT INTO SPRING_SESSION_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			VALUES (?, ?, ?)
			""";

	private static final String SESSION_FIND = """
			SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
			FROM SPRING_SESSION S
			LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
			WHERE S.SESSION_ID = ?
			""";

	private static final String SESSION_SAVE = """
			UPDATE SPRING_SESSION
			SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ?
			WHERE PRIMARY_ID = ?
			""";

	/** GuestPass's sessions last 8 hours ({@code spring.session.timeout}). */
	private static final int SESSION_SECONDS = 8 * 60 * 60;

	private static final String CSRF_ATTRIBUTE = "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN";

	/**
	 * The session's CSRF token as Spring Session wrote it in the statement log: a
	 * serialized DefaultCsrfToken.
	 */
	private static final byte[] CSRF_TOKEN = HexFormat.of()
		.parseHex("aced0005737200366f72672e737072696e676672616d65776f726b2e73656375726974792e7765622e637372662e4465"
				+ "6661756c7443737266546f6b656e5aefb7c82fa2fbd50200034c000a6865616465724e616d657400124c6a6176612f6c"
				+ "616e672f537472696e673b4c000d706172616d657465724e616d6571007e00014c0005746f6b656e71007e0001787074"
				+ "000c582d435352462d544f4b454e7400055f6373726674002437323233663034312d363032652d343437622d38373733"
				+ "2d613332393835336637333036");

	private static final String LINK_STATE = """
			select l.id, l.media_id, l.max_clicks, l.clicks, l.expires_at, m.title, m.deleted_at, m.type,
			       coalesce(ga.enabled, false) as enabled
			  from guest_link l
			  join media m on m.id = l.media_id
			  left join guest_access ga on ga.media_id = l.media_id
			 where l.token_hash = ?""";

	private static final String CLICK_LIMIT = "select max_clicks from guest_link where token_hash = ?";

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
			                  and m.type in (?, ?, ?))
			   and exists (select 1
			                 from site_settings s
			                where s.id = 1
			                  and (s.invitetomedia or not ?)
			                  and (s.theming or not ?)
			                  and (s.mediapage or not ?))
			""";

	/**
	 * What GuestPass binds into {@link #COUNT_CLICK}: the types that support guest access
	 * ({@code MediaType.guestAccessible()}) and the modules it needs
	 * ({@code SiteModules.GUEST_ACCESS_NEEDS}), in that order.
	 */
	private static final List<String> GUEST_ACCESSIBLE_TYPES = List.of("video", "live_session", "room");

	private static final boolean[] MODULES_NEEDED = { true, true, true };

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

	/**
	 * One client of the ceiling: admission after admission, each by a new guest on a link
	 * the supplier picks.
	 */
	Load.Client client(Supplier<String> tokens) {
		return () -> {
			admit(tokens.get(), Guests.next());
			return 0;
		};
	}

	/**
	 * Everything the database does for one admission of a new guest from a new address.
	 */
	void admit(String token, int guest) throws SQLException {
		String address = Guests.address(guest);
		String linkHash = sha256(token);
		String missKey = sha256("UNKNOWN_GUEST_LINKS:" + address);
		// GET /g/{token}: T1–T3 reserve a miss, T4 reads the link, T5 gives the miss
		// back, T6 saves the session
		reserveInNewBucket(missKey, MISSES_STATE, MISS_HELD_MILLIS);
		transaction(true, (connection) -> {
			linkState(connection, linkHash);
			modules(connection);
		});
		writeBucket(missKey, MISSES_STATE, 0);
		String primaryId = UUID.randomUUID().toString();
		String sessionId = UUID.randomUUID().toString();
		createSession(primaryId, sessionId);
		// POST /g/{token}: T7 reads the session, T8 reserves a miss, the click limit is
		// read, T9–T11
		// reserve an admission, T12 admits, T13 gives the miss back, T14 saves the
		// session
		long lastAccess = findSession(sessionId);
		writeBucket(missKey, MISSES_STATE, MISS_HELD_MILLIS);
		clickLimit(linkHash);
		reserveInNewBucket(sha256("GUEST_ADMISSIONS:" + linkHash + "@" + address), ADMISSIONS_STATE,
				ADMISSION_HELD_MILLIS);
		transaction(false, (connection) -> {
			long[] link = linkState(connection, linkHash);
			modules(connection);
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			try (PreparedStatement click = connection.prepareStatement(COUNT_CLICK)) {
				click.setLong(1, link[0]);
				click.setObject(2, now);
				int parameter = 3;
				for (String type : GUEST_ACCESSIBLE_TYPES) {
					click.setString(parameter++, type);
				}
				for (boolean needed : MODULES_NEEDED) {
					click.setBoolean(parameter++, needed);
				}
				if (click.executeUpdate() != 1) {
					throw new SQLException("The link " + token + " took no click");
				}
			}
			long guestSessionId;
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
					guestSessionId = keys.getLong(1);
				}
			}
			try (PreparedStatement audit = connection.prepareStatement(INSERT_AUDIT)) {
				audit.setObject(1, now);
				audit.setString(2, "guest #" + guestSessionId);
				audit.setString(3, "admission");
				audit.setLong(4, link[1]);
				audit.setLong(5, link[0]);
				audit.setString(6, "admitted");
				audit.setNull(7, java.sql.Types.VARCHAR);
				audit.executeUpdate();
			}
		});
		writeBucket(missKey, MISSES_STATE, 0);
		saveSession(primaryId, sessionId, lastAccess);
	}

	/**
	 * One transaction on a connection of its own from the pool, as Spring's transaction
	 * manager runs it: autocommit off (so the driver sends {@code BEGIN}, or
	 * {@code BEGIN READ ONLY}), the work, commit.
	 */
	private void transaction(boolean readOnly, Work work) throws SQLException {
		try (Connection connection = this.pool.getConnection()) {
			if (readOnly) {
				connection.setReadOnly(true);
			}
			connection.setAutoCommit(false);
			work.on(connection);
			connection.commit();
			connection.setAutoCommit(true);
			if (readOnly) {
				connection.setReadOnly(false);
			}
		}
	}

	/**
	 * Bucket4j's three transactions for a key it has not seen, each on a connection of
	 * its own: create the row; find it empty and roll back (the command goes back for the
	 * limit's configuration); take one and save the state.
	 */
	private void reserveInNewBucket(String key, byte[] state, long heldMillis) throws SQLException {
		transaction(false, (connection) -> {
			lockBucket(connection, key);
			try (PreparedStatement create = connection.prepareStatement(BUCKET_CREATE)) {
				create.setString(1, key);
				create.executeUpdate();
			}
		});
		try (Connection connection = this.pool.getConnection()) {
			connection.setAutoCommit(false);
			lockBucket(connection, key);
			connection.rollback();
			connection.setAutoCommit(true);
		}
		writeBucket(key, state, heldMillis);
	}

	/**
	 * Bucket4j's one transaction on a bucket that exists, to take from it or give back to
	 * it: lock the row, save the new state with the time it expires (when the bucket is
	 * full again).
	 */
	private void writeBucket(String key, byte[] state, long heldMillis) throws SQLException {
		transaction(false, (connection) -> {
			lockBucket(connection, key);
			try (PreparedStatement save = connection.prepareStatement(BUCKET_SAVE)) {
				save.setBytes(1, state);
				save.setLong(2, System.currentTimeMillis() + heldMillis);
				save.setString(3, key);
				save.executeUpdate();
			}
		});
	}

	private static void lockBucket(Connection connection, String key) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement(BUCKET_LOCK)) {
			lock.setString(1, key);
			try (ResultSet rs = lock.executeQuery()) {
				while (rs.next()) {
					rs.getBytes("state");
				}
			}
		}
	}

	/**
	 * Spring Session saving a new session with one attribute, the CSRF token, in one
	 * transaction.
	 */
	private void createSession(String primaryId, String sessionId) throws SQLException {
		long now = System.currentTimeMillis();
		transaction(false, (connection) -> {
			try (PreparedStatement session = connection.prepareStatement(SESSION_CREATE)) {
				session.setString(1, primaryId);
				session.setString(2, sessionId);
				session.setLong(3, now);
				session.setLong(4, now);
				session.setInt(5, SESSION_SECONDS);
				session.setLong(6, now + SESSION_SECONDS * 1000L);
				session.setString(7, null);
				session.executeUpdate();
			}
			try (PreparedStatement attribute = connection.prepareStatement(SESSION_ATTRIBUTE_CREATE)) {
				attribute.setString(1, primaryId);
				attribute.setString(2, CSRF_ATTRIBUTE);
				attribute.setBytes(3, CSRF_TOKEN);
				attribute.executeUpdate();
			}
		});
	}

	/**
	 * Spring Session reading the session and its attributes by id, in one transaction;
	 * the time of this access.
	 */
	private long findSession(String sessionId) throws SQLException {
		long now = System.currentTimeMillis();
		transaction(false, (connection) -> {
			try (PreparedStatement find = connection.prepareStatement(SESSION_FIND)) {
				find.setString(1, sessionId);
				try (ResultSet rs = find.executeQuery()) {
					if (!rs.next()) {
						throw new SQLException("No session has the id " + sessionId);
					}
					do {
						rs.getString(1);
						rs.getString(2);
						rs.getLong(3);
						rs.getLong(4);
						rs.getInt(5);
						rs.getString(6);
						rs.getBytes(7);
					}
					while (rs.next());
				}
			}
		});
		return now;
	}

	/**
	 * Spring Session saving the session's last access at the end of the request, in one
	 * transaction.
	 */
	private void saveSession(String primaryId, String sessionId, long lastAccess) throws SQLException {
		transaction(false, (connection) -> {
			try (PreparedStatement save = connection.prepareStatement(SESSION_SAVE)) {
				save.setString(1, sessionId);
				save.setLong(2, lastAccess);
				save.setInt(3, SESSION_SECONDS);
				save.setLong(4, lastAccess + SESSION_SECONDS * 1000L);
				save.setString(5, null);
				save.setString(6, primaryId);
				save.executeUpdate();
			}
		});
	}

	/**
	 * The link's click limit, read in autocommit as GuestPass reads it before reserving
	 * an admission.
	 */
	private void clickLimit(String hash) throws SQLException {
		try (Connection connection = this.pool.getConnection();
				PreparedStatement query = connection.prepareStatement(CLICK_LIMIT)) {
			query.setString(1, hash);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					rs.getObject(1);
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

	/** What one transaction does on its connection. */
	private interface Work {

		void on(Connection connection) throws SQLException;

	}

}
