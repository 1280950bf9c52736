package org.guestpass.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String COLUMNS = "id, username, password_hash, role, guest_links, created_at, disabled_at";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the account unless its user name is taken; its id, or empty when taken. The
	 * unique key decides, so two requests racing for one name cannot both win.
	 */
	Optional<Long> insertIfNameIsFree(String username, String passwordHash, Role role, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		int inserted = this.jdbc.sql("""
				insert into account (username, password_hash, role, guest_links, created_at)
				values (:username, :passwordHash, :role, 'policy', :now)
				on conflict do nothing
				""")
			.param("username", username)
			.param("passwordHash", passwordHash)
			.param("role", role.name())
			.param("now", Timestamps.utc(now))
			.update(key, "id");
		return (inserted == 1) ? Optional.of(key.getKey().longValue()) : Optional.empty();
	}

	Optional<Account> findById(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from account where id = :id")
			.param("id", id)
			.query(AccountRepository::account)
			.optional();
	}

	Optional<Credentials> findCredentials(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from account where username = :username")
			.param("username", username)
			.query((rs, row) -> new Credentials(account(rs, row), rs.getString("password_hash")))
			.optional();
	}

	List<Account> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from account order by username")
			.query(AccountRepository::account)
			.list();
	}

	/** Whether any admin exists, enabled or not. */
	boolean anyAdmin() {
		return this.jdbc.sql("select count(*) from account where role = 'admin'").query(Long.class).single() > 0;
	}

	/**
	 * The ids of the admins who are not disabled, their rows locked until the transaction
	 * ends. A transaction that waited for the lock reads the rows as the other one left
	 * them, so an admin it just disabled or demoted is no longer among them.
	 */
	List<Long> lockEnabledAdmins() {
		return this.jdbc.sql("select id from account where role = 'admin' and disabled_at is null for update")
			.query(Long.class)
			.list();
	}

	int update(long id, Role role, GuestLinkPermission guestLinks) {
		return this.jdbc.sql("update account set role = :role, guest_links = :guestLinks where id = :id")
			.param("id", id)
			.param("role", role.name())
			.param("guestLinks", guestLinks.name())
			.update();
	}

	/**
	 * Disables the account; one disabled already keeps the moment it was first disabled.
	 */
	int disable(long id, Instant now) {
		return this.jdbc.sql("update account set disabled_at = coalesce(disabled_at, :now) where id = :id")
			.param("id", id)
			.param("now", Timestamps.utc(now))
			.update();
	}

	int enable(long id) {
		return this.jdbc.sql("update account set disabled_at = null where id = :id").param("id", id).update();
	}

	int updatePasswordHash(long id, String passwordHash) {
		return this.jdbc.sql("update account set password_hash = :passwordHash where id = :id")
			.param("id", id)
			.param("passwordHash", passwordHash)
			.update();
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
				GuestLinkPermission.valueOf(rs.getString("guest_links")), Timestamps.instant(rs, "created_at"),
				Timestamps.instant(rs, "disabled_at"));
	}

	record Credentials(Account account, String passwordHash) {
	}

}
