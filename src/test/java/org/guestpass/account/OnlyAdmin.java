package org.guestpass.account;

import java.util.ArrayList;
import java.util.List;

import org.guestpass.Fixtures.Person;
import org.guestpass.audit.Actor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Makes one person the site's only admin for a test, by demoting the others, and puts the
 * shared application's admins back afterwards: every admin a test demoted is an admin
 * again and every admin is enabled again, so the next test finds the admins it expects.
 * Registered with {@code @RegisterExtension} on an {@code IntegrationTest}.
 */
class OnlyAdmin implements BeforeEachCallback, AfterEachCallback {

	private final List<Long> demoted = new ArrayList<>();

	private Accounts accounts;

	private JdbcClient jdbc;

	@Override
	public void beforeEach(ExtensionContext extension) {
		ApplicationContext context = SpringExtension.getApplicationContext(extension);
		this.accounts = context.getBean(Accounts.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.demoted.clear();
	}

	/** Demotes every other admin, enabled or not. */
	void make(Person only) {
		demoteOtherAdmins(only, true);
	}

	/** Demotes every other enabled admin; disabled admins stay admins. */
	void makeTheOnlyEnabled(Person only) {
		demoteOtherAdmins(only, false);
	}

	private void demoteOtherAdmins(Person only, boolean disabledToo) {
		for (Account account : this.accounts.all()) {
			if (account.isAdmin() && account.id() != only.id() && (disabledToo || !isDisabled(account.id()))) {
				this.demoted.add(account.id());
				this.accounts.change(account.id(), Role.member, account.guestLinks(), Actor.user("test"));
			}
		}
	}

	@Override
	public void afterEach(ExtensionContext extension) {
		this.jdbc.sql("update account set disabled_at = null where role = 'admin'").update();
		for (long id : this.demoted) {
			this.accounts.change(id, Role.admin, this.accounts.find(id).orElseThrow().guestLinks(), Actor.user("test"));
		}
		this.demoted.clear();
	}

	private boolean isDisabled(long id) {
		return this.jdbc.sql("select count(*) from account where id = :id and disabled_at is not null")
			.param("id", id)
			.query(Integer.class)
			.single() == 1;
	}

}
