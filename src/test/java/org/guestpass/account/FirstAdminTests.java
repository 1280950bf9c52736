package org.guestpass.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guestpass.BoundProperties;
import org.guestpass.audit.Actor;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * The first admin of a new site: created once, with a configured or a generated password,
 * the generated one kept where only the operator can read it.
 */
class FirstAdminTests {

	@TempDir
	Path temp;

	Path dataDir;

	Accounts accounts;

	@BeforeEach
	void site() {
		this.dataDir = this.temp.resolve("data");
		this.accounts = mock(Accounts.class);
		given(this.accounts.create(anyString(), anyString(), any(Role.class), any(Actor.class)))
			.willReturn(Outcome.done(new Account(1, "admin", Role.admin, GuestLinkPermission.policy,
					Instant.parse("2026-01-01T00:00:00Z"))));
	}

	@Test
	void createsAdminWithAGeneratedPasswordKeptInAnOwnerOnlyFile() throws IOException {
		firstAdmin(null).run(null);

		ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
		then(this.accounts).should().create(eq("admin"), password.capture(), eq(Role.admin), eq(Actor.system()));
		assertThat(password.getValue()).hasSizeGreaterThanOrEqualTo(PasswordRule.MIN_CHARACTERS)
			.matches("[A-Za-z0-9_-]+");
		Path file = this.dataDir.resolve("admin-password.txt");
		assertThat(file).exists();
		assertThat(Files.readString(file, StandardCharsets.UTF_8).strip()).isEqualTo(password.getValue());
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void eachSiteGetsItsOwnGeneratedPassword() {
		firstAdmin(" ").run(null);
		Path other = this.temp.resolve("other");
		new FirstAdmin(this.accounts, properties(other, null)).run(null);

		ArgumentCaptor<String> passwords = ArgumentCaptor.forClass(String.class);
		then(this.accounts).should(times(2))
			.create(eq("admin"), passwords.capture(), eq(Role.admin), eq(Actor.system()));
		assertThat(passwords.getAllValues().get(0)).isNotEqualTo(passwords.getAllValues().get(1));
	}

	@Test
	void doesNothingWhenAnAdminExists() {
		given(this.accounts.anyAdmin()).willReturn(true);

		firstAdmin(null).run(null);

		then(this.accounts).should(never()).create(anyString(), anyString(), any(Role.class), any(Actor.class));
		assertThat(this.dataDir.resolve("admin-password.txt")).doesNotExist();
	}

	@Test
	void usesTheConfiguredPasswordAsIsAndWritesNoFile() {
		firstAdmin("configured-password-1").run(null);

		then(this.accounts).should().create("admin", "configured-password-1", Role.admin, Actor.system());
		assertThat(this.dataDir.resolve("admin-password.txt")).doesNotExist();
	}

	@Test
	void refusesToStartWithAConfiguredPasswordThatIsTooShort() {
		assertThatThrownBy(() -> firstAdmin("tiny-secret")).isInstanceOf(FirstAdmin.AdminPasswordRefused.class)
			.hasMessage("GUESTPASS_ADMIN_PASSWORD is too short for a password")
			.hasMessageNotContaining("tiny-secret");
		then(this.accounts).should(never()).create(anyString(), anyString(), any(Role.class), any(Actor.class));
		assertThat(this.dataDir.resolve("admin-password.txt")).doesNotExist();
	}

	@Test
	void refusesToStartWithAConfiguredPasswordOverSeventyTwoBytesEvenWhenAnAdminExists() {
		given(this.accounts.anyAdmin()).willReturn(true);

		for (String tooLong : List.of("a".repeat(73), "é".repeat(37), "😀".repeat(19))) {
			assertThatThrownBy(() -> firstAdmin(tooLong)).as(tooLong)
				.isInstanceOf(FirstAdmin.AdminPasswordRefused.class)
				.hasMessage("GUESTPASS_ADMIN_PASSWORD is too long for a password");
		}
		then(this.accounts).should(never()).create(anyString(), anyString(), any(Role.class), any(Actor.class));
	}

	@Test
	void acceptsAConfiguredPasswordOfExactlySeventyTwoBytes() {
		String accented = "é".repeat(36);

		firstAdmin(accented).run(null);

		then(this.accounts).should().create("admin", accented, Role.admin, Actor.system());
	}

	private FirstAdmin firstAdmin(String configuredPassword) {
		return new FirstAdmin(this.accounts, properties(this.dataDir, configuredPassword));
	}

	private static GuestPassProperties properties(Path dataDir, String adminPassword) {
		Map<String, String> settings = new HashMap<>();
		settings.put("guestpass.data-dir", dataDir.toString());
		settings.put("guestpass.storage-dir", dataDir.resolve("media").toString());
		if (adminPassword != null) {
			settings.put("guestpass.admin-password", adminPassword);
		}
		return BoundProperties.of(settings);
	}

}
