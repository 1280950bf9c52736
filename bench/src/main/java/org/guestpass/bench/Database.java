package org.guestpass.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL that GuestPass and the database ceiling share: an embedded one (zonky's
 * binaries), or a given one, where the run works in a schema of its own and drops it at
 * the end.
 */
final class Database implements AutoCloseable {

	private final String url;

	private final String user;

	private final String password;

	private final EmbeddedPostgres embedded;

	private final String schema;

	private Database(String url, String user, String password, EmbeddedPostgres embedded, String schema) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.embedded = embedded;
		this.schema = schema;
	}

	static Database start(Settings settings, Path workDir) throws IOException, SQLException {
		if (settings.databaseUrl() != null) {
			String schema = "guestpass_bench_"
					+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
			try (Connection connection = DriverManager.getConnection(settings.databaseUrl(), settings.databaseUser(),
					settings.databasePassword()); Statement statement = connection.createStatement()) {
				statement.execute("create schema " + schema);
			}
			String url = settings.databaseUrl() + (settings.databaseUrl().contains("?") ? "&" : "?") + "currentSchema="
					+ schema;
			System.out.println("Database: the given PostgreSQL, in a new schema " + schema);
			return new Database(url, settings.databaseUser(), settings.databasePassword(), null, schema);
		}
		Path log = workDir.resolve("postgresql.log");
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setOutputRedirector(ProcessBuilder.Redirect.to(log.toFile()))
			.setPGStartupWait(java.time.Duration.ofSeconds(60));
		if (settings.durable()) {
			// zonky's defaults (fsync and synchronous_commit off) suit tests; production
			// keeps both on.
			builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
		}
		EmbeddedPostgres postgres = builder.start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database guestpass");
		}
		System.out.println("Database: an embedded PostgreSQL on port " + postgres.getPort() + " (log: " + log + ")");
		return new Database(postgres.getJdbcUrl("postgres", "guestpass").replace("?user=postgres", ""), "postgres", "",
				postgres, null);
	}

	String url() {
		return this.url;
	}

	String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

	/** The server's version and the settings that matter most for these figures. */
	Map<String, String> describe() throws SQLException {
		Map<String, String> described = new LinkedHashMap<>();
		described.put("kind", (this.embedded != null) ? "embedded (zonky)" : "given");
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			try (ResultSet version = statement.executeQuery("show server_version")) {
				version.next();
				described.put("server_version", version.getString(1));
			}
			try (ResultSet rs = statement.executeQuery("""
					select name, setting, unit from pg_settings
					 where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections', 'work_mem',
					                'full_page_writes', 'wal_level', 'max_wal_size')
					 order by name
					""")) {
				while (rs.next()) {
					String unit = rs.getString(3);
					String scale = "";
					if (unit != null) {
						scale = Character.isDigit(unit.charAt(0)) ? " × " + unit : " " + unit;
					}
					described.put(rs.getString(1), rs.getString(2) + scale);
				}
			}
		}
		return described;
	}

	@Override
	public void close() throws IOException, SQLException {
		if (this.embedded != null) {
			this.embedded.close();
		}
		else if (this.schema != null && !"1".equals(System.getenv("BENCH_KEEP_SCHEMA"))) {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("drop schema " + this.schema + " cascade");
			}
		}
	}

}
