package org.guestpass.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.guestpass.audit.AuditLog;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local accounts: creating them, finding them, and signing them in.
 */
@Service
public class Accounts implements UserDetailsService {

	/** User names: 3 to 50 lower-case letters, digits, dots, dashes and underscores. */
	public static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,50}");

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final SignInSessions sessions;

	private final Clock clock;

	Accounts(AccountRepository repository, PasswordEncoder passwords, AuditLog audit, SignInSessions sessions,
			Clock clock) {
		this.repository = repository;
		this.passwords = passwords;
		this.audit = audit;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** Why an account could not be created. */
	public enum Refusal {

		USERNAME_INVALID, USERNAME_TAKEN, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG;

		static Refusal of(PasswordRule.Violation violation) {
			return switch (violation) {
				case TOO_SHORT -> PASSWORD_TOO_SHORT;
				case TOO_LONG -> PASSWORD_TOO_LONG;
			};
		}

	}

	/** The new account, or why there is none. */
	public record Creation(Account account, Refusal refusal) {
	}

	/** Creates an account with a password that follows {@link PasswordRule}. */
	@Transactional
	public Creation create(String username, String password, Role role, String actor) {
		String normalized = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		if (!USERNAME.matcher(normalized).matches()) {
			return new Creation(null, Refusal.USERNAME_INVALID);
		}
		Optional<PasswordRule.Violation> weak = PasswordRule.check(password);
		if (weak.isPresent()) {
			return new Creation(null, Refusal.of(weak.get()));
		}
		if (this.repository.existsByUsername(normalized)) {
			return new Creation(null, Refusal.USERNAME_TAKEN);
		}
		long id = this.repository.insert(normalized, this.passwords.encode(password), role, this.clock.instant());
		this.audit.record(actor, "account_created", null, null, "ok", normalized + " as " + role);
		return new Creation(this.repository.findById(id).orElseThrow(), null);
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(long id) {
		return this.repository.findById(id);
	}

	@Transactional(readOnly = true)
	public List<Account> all() {
		return this.repository.findAll();
	}

	/** Why an account was not changed. */
	public enum ChangeRefusal {

		/** No account has this id. */
		NOT_FOUND,
		/** The account is the site's only admin, and the change would take that role away. */
		LAST_ADMIN

	}

	/** The changed account, or why it is unchanged (then {@code account} is as it was, or null if not found). */
	public record Change(Account account, ChangeRefusal refusal) {

		public boolean isRefused() {
			return this.refusal != null;
		}

	}

	/**
	 * Changes an account's role and guest link permission, but never takes the admin role from the
	 * site's only admin: the site must keep someone who can manage it. The admins are locked first,
	 * so two admins demoting each other at the same moment cannot both succeed. A new role ends the
	 * account's sign-in sessions, so it applies at once. Refusals are recorded in the audit trail.
	 */
	@Transactional
	public Change change(long id, Role role, GuestLinkPermission guestLinks, String actor) {
		List<Long> admins = this.repository.lockAdmins();
		Optional<Account> current = this.repository.findById(id);
		if (current.isEmpty()) {
			return new Change(null, ChangeRefusal.NOT_FOUND);
		}
		if (current.get().isAdmin() && role != Role.admin && admins.stream().allMatch((admin) -> admin == id)) {
			this.audit.record(actor, "account_changed", null, null, "last_admin",
					"account " + id + ": stays admin, as the only admin");
			return new Change(current.get(), ChangeRefusal.LAST_ADMIN);
		}
		this.repository.update(id, role, guestLinks);
		this.audit.record(actor, "account_changed", null, null, "ok",
				"account " + id + ": role=" + role + ", guestLinks=" + guestLinks);
		if (current.get().role() != role) {
			this.sessions.endSessionsOf(current.get().username());
		}
		return new Change(this.repository.findById(id).orElseThrow(), null);
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		String normalized = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		return this.repository.findCredentials(normalized)
			.map((found) -> new SignedIn(found.account().id(), found.account().username(), found.account().role(),
					found.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	boolean anyAdmin() {
		return this.repository.anyAdmin();
	}

}
