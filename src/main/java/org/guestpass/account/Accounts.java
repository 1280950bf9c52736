package org.guestpass.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditAction;
import org.guestpass.audit.AuditLog;
import org.guestpass.system.CommonRefusal;
import org.guestpass.system.Outcome;
import org.guestpass.system.Tokens;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local accounts: creating them, finding them, signing them in, and what admins do to
 * them (role, guest link permission, disabling, password resets, revoking their API
 * tokens).
 */
@Service
public class Accounts implements UserDetailsService {

	/** User names: 3 to 50 lower-case letters, digits, dots, dashes and underscores. */
	public static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,50}");

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	private final ApiTokens tokens;

	private final AuditLog audit;

	private final SignInSessions sessions;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final PlatformAccountRepository platformAccounts;

	Accounts(AccountRepository repository, PasswordEncoder passwords, ApiTokens tokens, AuditLog audit,
			SignInSessions sessions, Clock clock, PlatformTransactionManager transactionManager,
			PlatformAccountRepository platformAccounts) {
		this.platformAccounts = platformAccounts;
		this.transactions = new TransactionTemplate(transactionManager);
		this.repository = repository;
		this.passwords = passwords;
		this.tokens = tokens;
		this.audit = audit;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * Creates an account with a password that follows {@link PasswordRule}. The password
	 * is hashed before the transaction begins: a hash takes a tenth of a second of CPU,
	 * which a held database connection would make every other request wait for.
	 */
	public Outcome<Account> create(String username, String password, Role role, Actor actor) {
		String normalized = (username != null) ? username.trim().toLowerCase(Locale.ROOT) : "";
		if (!USERNAME.matcher(normalized).matches()) {
			return Outcome.refused(AccountRefusal.USERNAME_INVALID);
		}
		Optional<PasswordRule.Violation> weak = PasswordRule.check(password);
		if (weak.isPresent()) {
			return Outcome.refused(weak.get());
		}
		String hash = this.passwords.encode(password);
		return this.transactions.execute((status) -> {
			Optional<Long> id = this.repository.insertIfNameIsFree(normalized, hash, role, this.clock.instant());
			if (id.isEmpty()) {
				return Outcome.<Account>refused(AccountRefusal.USERNAME_TAKEN);
			}
			this.audit.record(actor, AuditAction.ACCOUNT_CREATED, null, null, AuditLog.OK, normalized + " as " + role);
			return Outcome.done(this.repository.findById(id.get()).orElseThrow());
		});
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(long id) {
		return this.repository.findById(id);
	}

	@Transactional(readOnly = true)
	public List<Account> all() {
		return this.repository.findAll();
	}

	/**
	 * Changes an account's role and guest link permission; see
	 * {@link #change(long, Role, GuestLinkPermission, Boolean, String)}.
	 */
	@Transactional
	public Outcome<Account> change(long id, Role role, GuestLinkPermission guestLinks, Actor actor) {
		return change(id, role, guestLinks, null, actor);
	}

	/**
	 * Changes an account's role and guest link permission, and disables or enables it
	 * when {@code enabled} is not null, but never leaves the site without an enabled
	 * admin: it must keep someone who can manage it. The enabled admins are locked first,
	 * so two admins demoting or disabling each other at the same moment cannot both
	 * succeed. A new role, or disabling, ends the account's sign-in sessions, so it
	 * applies at once; disabling also stops its API tokens. Refusals are recorded in the
	 * audit trail.
	 */
	@Transactional
	public Outcome<Account> change(long id, Role role, GuestLinkPermission guestLinks, Boolean enabled, Actor actor) {
		return apply(id, (current) -> new Wanted(role, guestLinks, (enabled != null) ? enabled : current.isEnabled()),
				true, actor);
	}

	/**
	 * Disables the account: it can no longer sign in (the sign-in page says only that the
	 * user name or password is not right), its sign-in sessions end and its API tokens
	 * are refused, on every node, at once. Never the site's last enabled admin. Disabling
	 * a disabled account ends its sessions again.
	 */
	@Transactional
	public Outcome<Account> disable(long id, Actor actor) {
		return apply(id, (current) -> new Wanted(current.role(), current.guestLinks(), false), false, actor);
	}

	/**
	 * Enables a disabled account: it can sign in again, and its API tokens that were not
	 * revoked work again.
	 */
	@Transactional
	public Outcome<Account> enable(long id, Actor actor) {
		return apply(id, (current) -> new Wanted(current.role(), current.guestLinks(), true), false, actor);
	}

	private Outcome<Account> apply(long id, Function<Account, Wanted> wanting, boolean settings, Actor actor) {
		List<Long> enabledAdmins = this.repository.lockEnabledAdmins();
		Optional<Account> found = this.repository.findById(id);
		if (found.isEmpty()) {
			return Outcome.refused(CommonRefusal.NOT_FOUND);
		}
		Account current = found.get();
		Wanted wanted = wanting.apply(current);
		boolean staysAnEnabledAdmin = wanted.role() == Role.admin && wanted.enabled();
		if (current.isAdmin() && current.isEnabled() && !staysAnEnabledAdmin
				&& enabledAdmins.stream().allMatch((admin) -> admin == id)) {
			this.audit.record(actor, settings ? AuditAction.ACCOUNT_CHANGED : AuditAction.ACCOUNT_DISABLED, null, null,
					AccountRefusal.LAST_ADMIN.code(), current.described() + ": stays "
							+ ((wanted.role() == Role.admin) ? "enabled" : "admin") + ", as the only enabled admin");
			return Outcome.refused(AccountRefusal.LAST_ADMIN);
		}
		if (settings) {
			this.repository.update(id, wanted.role(), wanted.guestLinks());
			this.audit.record(actor, AuditAction.ACCOUNT_CHANGED, null, null, AuditLog.OK,
					"account " + id + ": role=" + wanted.role() + ", guestLinks=" + wanted.guestLinks());
		}
		if (!wanted.enabled()) {
			this.repository.disable(id, this.clock.instant());
			this.audit.record(actor, AuditAction.ACCOUNT_DISABLED, null, null, AuditLog.OK,
					current.described() + ": signed out everywhere, API tokens refused");
		}
		else if (!current.isEnabled()) {
			this.repository.enable(id);
			this.audit.record(actor, AuditAction.ACCOUNT_ENABLED, null, null, AuditLog.OK, current.described());
		}
		if (current.role() != wanted.role() || !wanted.enabled()) {
			this.sessions.endSessionsOf(current.username());
		}
		return Outcome.done(this.repository.findById(id).orElseThrow());
	}

	/**
	 * Replaces the account's password with one an admin typed, which must follow
	 * {@link PasswordRule}, and ends the account's sign-in sessions. The password is
	 * never recorded: the audit trail says only who reset whose password.
	 */
	public Outcome<Account> resetPassword(long id, String password, Actor actor) {
		Optional<PasswordRule.Violation> weak = PasswordRule.check(password);
		String hash = weak.isPresent() ? null : this.passwords.encode(password);
		return this.transactions.execute((status) -> {
			Optional<Account> found = this.repository.findById(id);
			if (found.isEmpty()) {
				return Outcome.<Account>refused(CommonRefusal.NOT_FOUND);
			}
			if (weak.isPresent()) {
				return Outcome.<Account>refused(weak.get());
			}
			this.repository.updatePasswordHash(id, hash);
			this.audit.record(actor, AuditAction.PASSWORD_RESET, null, null, AuditLog.OK,
					found.get().described() + ": signed out everywhere");
			this.sessions.endSessionsOf(found.get().username());
			return Outcome.done(found.get());
		});
	}

	/** The account's API tokens, newest last; empty when there is no such account. */
	@Transactional(readOnly = true)
	public Optional<List<ApiTokens.ApiToken>> tokensOf(long id) {
		return this.repository.findById(id).map((account) -> this.tokens.list(id));
	}

	/** How many API tokens each account has; accounts without tokens are missing. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> tokenCounts() {
		return this.tokens.countsByAccount();
	}

	/**
	 * Revokes every API token of the account, at once; how many it had, or empty when
	 * there is no such account.
	 */
	@Transactional
	public Optional<Integer> revokeTokens(long id, Actor actor) {
		return this.repository.findById(id).map((account) -> {
			int revoked = this.tokens.revokeAll(id);
			this.audit.record(actor, AuditAction.API_TOKENS_REVOKED, null, null, AuditLog.OK,
					account.described() + ": " + revoked + ((revoked == 1) ? " token" : " tokens"));
			return revoked;
		});
	}

	/**
	 * Revokes one API token of the account; the token revoked, or empty when the account
	 * has no such token.
	 */
	@Transactional
	public Optional<ApiTokens.ApiToken> revokeToken(long id, long tokenId, Actor actor) {
		Optional<Account> account = this.repository.findById(id);
		Optional<ApiTokens.ApiToken> token = account.flatMap((found) -> this.tokens.find(id, tokenId));
		if (token.isEmpty() || !this.tokens.revoke(id, tokenId)) {
			return Optional.empty();
		}
		this.audit.record(actor, AuditAction.API_TOKEN_REVOKED, null, null, AuditLog.OK,
				account.get().described() + ": token " + tokenId + " (" + token.get().name() + ")");
		return token;
	}

	/**
	 * The account signing in with this user name. A disabled account is not found,
	 * exactly as an unknown user name: Spring Security then still checks the password
	 * against a dummy hash, so neither the answer nor its timing tells that the account
	 * exists.
	 */
	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		String normalized = (username != null) ? username.trim().toLowerCase(Locale.ROOT) : "";
		return this.repository.findCredentials(normalized)
			.filter((found) -> found.account().isEnabled())
			.map((found) -> new SignedIn(found.account().id(), found.account().username(), found.account().role(),
					found.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	/**
	 * Signs in a person from an LMS by their platform identity: their account, made on
	 * their first launch (a member with a random user name and a password nobody knows,
	 * apart from any local account of the same email), with the name and email the
	 * platform shares kept up to date. Two first launches of one person at the same
	 * moment make one account. A disabled account is refused.
	 */
	public Outcome<SignedIn> signInFromPlatform(PlatformUser user) {
		String identity = Tokens.hash(user.issuer() + "\n" + user.clientId() + "\n" + user.subject());
		Optional<Outcome<SignedIn>> signedIn = signInFromPlatform(user, identity);
		// Empty when the person's other first launch made the account a moment before:
		// the second attempt finds it.
		return signedIn.or(() -> signInFromPlatform(user, identity)).orElseThrow();
	}

	private Optional<Outcome<SignedIn>> signInFromPlatform(PlatformUser user, String identity) {
		String unusable = this.platformAccounts.accountOf(identity).isPresent() ? null
				: this.passwords.encode(Tokens.generate());
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			Optional<Long> accountId = this.platformAccounts.accountOf(identity);
			if (accountId.isPresent()) {
				this.platformAccounts.touch(identity, user, now);
			}
			else {
				String username = "lti-"
						+ Tokens.generate().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").substring(0, 12);
				String hash = (unusable != null) ? unusable : this.passwords.encode(Tokens.generate());
				long created = this.repository.insertIfNameIsFree(username, hash, Role.member, now).orElseThrow();
				if (!this.platformAccounts.link(identity, user, created, now)) {
					status.setRollbackOnly();
					return Optional.<Outcome<SignedIn>>empty();
				}
				this.audit.record(Actor.platform(user.issuer()), AuditAction.ACCOUNT_CREATED, null, null, AuditLog.OK,
						username + " from " + user.issuer());
				accountId = Optional.of(created);
			}
			Account account = this.repository.findById(accountId.get()).orElseThrow();
			if (!account.isEnabled()) {
				return Optional.of(Outcome.<SignedIn>refused(AccountRefusal.PLATFORM_ACCOUNT_DISABLED));
			}
			return Optional.of(Outcome.done(
					new SignedIn(account.id(), account.username(), account.role(), null, displayName(user, account))));
		});
	}

	private static String displayName(PlatformUser user, Account account) {
		return (user.name() != null && !user.name().isBlank()) ? user.name().strip() : account.username();
	}

	boolean anyAdmin() {
		return this.repository.anyAdmin();
	}

	/** What a change asks an account to become. */
	private record Wanted(Role role, GuestLinkPermission guestLinks, boolean enabled) {
	}

}
