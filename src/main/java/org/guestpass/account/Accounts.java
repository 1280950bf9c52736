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

	public static final int MIN_PASSWORD_LENGTH = 12;

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	Accounts(AccountRepository repository, PasswordEncoder passwords, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	/** Why an account could not be created. */
	public enum Refusal {

		USERNAME_INVALID, USERNAME_TAKEN, PASSWORD_TOO_SHORT

	}

	/** The new account, or why there is none. */
	public record Creation(Account account, Refusal refusal) {
	}

	@Transactional
	public Creation create(String username, String password, Role role, String actor) {
		String normalized = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		if (!USERNAME.matcher(normalized).matches()) {
			return new Creation(null, Refusal.USERNAME_INVALID);
		}
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			return new Creation(null, Refusal.PASSWORD_TOO_SHORT);
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

	@Transactional
	public Optional<Account> change(long id, Role role, GuestLinkPermission guestLinks, String actor) {
		if (this.repository.update(id, role, guestLinks) == 0) {
			return Optional.empty();
		}
		this.audit.record(actor, "account_changed", null, null, "ok",
				"account " + id + ": role=" + role + ", guestLinks=" + guestLinks);
		return this.repository.findById(id);
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
