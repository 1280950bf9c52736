package org.guestpass.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.guestpass.audit.Actor;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.Outcome;
import org.guestpass.system.OwnerOnlyFiles;
import org.guestpass.system.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin, {@code admin}, when the site has none: with
 * {@code GUESTPASS_ADMIN_PASSWORD}, or with a generated password that is printed once and
 * kept in {@code admin-password.txt} in the data folder, readable only by its owner. A
 * configured password that breaks {@link PasswordRule} stops start-up before the server
 * listens, whether or not an admin exists yet, with a plain explanation
 * ({@link AdminPasswordFailureAnalyzer}).
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	static final String USERNAME = "admin";

	private final Accounts accounts;

	private final GuestPassProperties properties;

	FirstAdmin(Accounts accounts, GuestPassProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
		if (!isBlank(properties.adminPassword())) {
			PasswordRule.check(properties.adminPassword()).ifPresent((violation) -> {
				throw new AdminPasswordRefused(violation);
			});
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.anyAdmin()) {
			return;
		}
		String configured = this.properties.adminPassword();
		boolean generated = isBlank(configured);
		String password = generated ? Tokens.generate().substring(0, 24) : configured;
		Outcome<Account> creation = this.accounts.create(USERNAME, password, Role.admin, Actor.system());
		if (creation.refusal() == AccountRefusal.USERNAME_TAKEN && this.accounts.anyAdmin()) {
			// Another node starting at the same moment created it first.
			return;
		}
		if (creation.isRefused()) {
			throw new IllegalStateException("Cannot create the first admin: " + creation.refusal().code());
		}
		if (generated) {
			Path file = this.properties.dataDir().resolve("admin-password.txt");
			keep(file, password);
			// Printed once, on purpose: the operator needs it to sign in for the first
			// time.
			System.out.printf(
					"%n  GuestPass created the first admin.%n  User name: %s%n  Password:  %s%n"
							+ "  (also kept in %s, readable only by you)%n%n",
					USERNAME, password, file.toAbsolutePath().normalize());
		}
		else {
			log.info("Created the first admin '{}' with the password from GUESTPASS_ADMIN_PASSWORD", USERNAME);
		}
	}

	private static boolean isBlank(String password) {
		return password == null || password.isBlank();
	}

	private static void keep(Path file, String password) {
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
			OwnerOnlyFiles.write(file, password);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	/**
	 * {@code GUESTPASS_ADMIN_PASSWORD} breaks the password rule; the message never holds
	 * the password.
	 */
	static final class AdminPasswordRefused extends IllegalStateException {

		private final PasswordRule.Violation violation;

		AdminPasswordRefused(PasswordRule.Violation violation) {
			super("GUESTPASS_ADMIN_PASSWORD is "
					+ ((violation == PasswordRule.Violation.TOO_SHORT) ? "too short" : "too long") + " for a password");
			this.violation = violation;
		}

		PasswordRule.Violation violation() {
			return this.violation;
		}

	}

}
