package org.guestpass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own and a fresh data folder. The
 * system property {@code guestpass.test.database} chooses H2 (in memory, the default) or
 * a real PostgreSQL, started once per test JVM with zonky's embedded binaries, with a new
 * database per context.
 */
public class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String PROPERTY = "guestpass.test.database";

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static EmbeddedPostgres postgres;

	public static boolean isPostgres() {
		return "postgresql".equals(System.getProperty(PROPERTY, "h2"));
	}

	/** Set by a test that starts applications on a database of its own choosing. */
	public static final String OWN_DATABASE = "guestpass.test.own-database";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (context.getEnvironment().getProperty(OWN_DATABASE, Boolean.class, false)) {
			return;
		}
		String name = "guestpass_test_" + COUNTER.incrementAndGet();
		String url = isPostgres() ? createPostgresDatabase(name) : "jdbc:h2:mem:" + name
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		Path dataDir;
		try {
			dataDir = Files.createTempDirectory("guestpass-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase",
					Map.of("spring.datasource.url", url, "spring.datasource.username", isPostgres() ? "postgres" : "sa",
							"spring.datasource.password", "", "guestpass.data-dir", dataDir.toString(),
							"guestpass.storage-dir", dataDir.resolve("media").toString(), "guestpass.admin-password",
							"admin-password-for-tests")));
	}

	/**
	 * A new, empty database on the test JVM's PostgreSQL; its JDBC URL (user postgres, no
	 * password).
	 */
	public static synchronized String createPostgresDatabase(String name) {
		try {
			if (postgres == null) {
				postgres = EmbeddedPostgres.builder().start();
			}
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create database " + name);
			}
			return postgres.getJdbcUrl("postgres", name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the test database " + name, ex);
		}
	}

}
