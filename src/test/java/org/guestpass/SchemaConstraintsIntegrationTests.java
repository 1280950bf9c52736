package org.guestpass;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.Awaitility;
import org.guestpass.Fixtures.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema's rules outlive the connections that made them. Flyway migrates on one of
 * the pool's connections, and the pool replaces every connection within its maximum
 * lifetime (30 minutes): H2 2.4.240 then failed every write that a check constraint with
 * a list of values guards ("Check constraint invalid"), so a fresh install on the
 * embedded default could not add a user, an item or a link half an hour after it started.
 * Every row of every table with a check constraint is written again here on connections
 * none of which existed when the schema was made.
 */
@IntegrationTest
class SchemaConstraintsIntegrationTests {

	/**
	 * Tables whose check constraints GuestPass declares; each must hold a row to check.
	 */
	private static final Set<String> CONSTRAINED = Set.of("account", "site_settings", "media", "guest_access",
			"guest_link");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void everyCheckConstraintHoldsOnConnectionsOpenedAfterTheSchemaWasMade() throws Exception {
		Person owner = this.fixtures.member(this.port);
		owner.sharedLink("{\"name\":\"Examiner\",\"maxClicks\":5,\"durationDays\":7}");
		owner.createLinked("Office hours", "room");
		List<String> tables = this.jdbc.sql("""
				select distinct lower(table_name) from information_schema.table_constraints
				 where constraint_type = 'CHECK' and lower(table_schema) = lower(current_schema)
				""").query(String.class).list();
		assertThat(tables).as("tables with check constraints").containsAll(CONSTRAINED);

		replaceEveryConnection();

		for (String table : CONSTRAINED) {
			String column = this.jdbc.sql("""
					select lower(column_name) from information_schema.columns
					 where lower(table_name) = :table and lower(table_schema) = lower(current_schema)
					 order by ordinal_position
					""").param("table", table).query(String.class).list().get(0);
			int rewritten = this.jdbc.sql("update " + table + " set " + column + " = " + column).update();
			assertThat(rewritten).as("rows of " + table + " checked again").isPositive();
		}
		this.fixtures.member(this.port).sharedLink("{\"name\":\"Later\",\"maxClicks\":3}");
	}

	/**
	 * Evicts the pool's connections and waits until none of the database sessions that
	 * were open before is left.
	 */
	private void replaceEveryConnection() throws Exception {
		Set<String> before = sessions();
		this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> {
			Set<String> now = sessions();
			now.retainAll(before);
			return now.isEmpty();
		});
	}

	private Set<String> sessions() {
		String query = TestDatabases.isPostgres()
				? "select cast(pid as varchar) from pg_stat_activity where datname = current_database()"
				: "select cast(session_id as varchar) from information_schema.sessions";
		return new TreeSet<>(this.jdbc.sql(query).query(String.class).list());
	}

}
