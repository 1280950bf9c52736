package org.guestpass.account;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.guestpass.GuestPassApplication;
import org.guestpass.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GuestPass started as an operator starts it, with a {@code GUESTPASS_ADMIN_PASSWORD}
 * that breaks the password rule: it stops before it listens, and says why in one
 * paragraph instead of a stack trace, without the password.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordStartUpIntegrationTests {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	@TempDir
	Path dataDir;

	@Test
	void aPasswordOverSeventyTwoBytesStopsStartUpWithAPlainExplanation(CapturedOutput output) {
		String password = "the-operator-typed-a-very-long-sentence-" + "é".repeat(20);

		assertThatThrownBy(() -> start(password)).hasRootCauseInstanceOf(FirstAdmin.AdminPasswordRefused.class);

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("The setting GUESTPASS_ADMIN_PASSWORD (guestpass.admin-password) is too long. Every"
					+ " password, the first admin's too, follows one rule, in bytes of UTF-8 because BCrypt reads no"
					+ " more than 72: At least 12 characters and at most 72 bytes: a letter or digit without an accent"
					+ " takes 1 byte, an accented letter 2, an emoji 4.")
			.contains("Set GUESTPASS_ADMIN_PASSWORD to a password that follows this rule, or leave it unset and"
					+ " GuestPass generates one for the first admin.")
			.doesNotContain(password)
			.doesNotContain("Tomcat started");
		assertNoStackTrace(output.getAll());
	}

	@Test
	void aPasswordUnderTwelveCharactersStopsStartUpWithAPlainExplanation(CapturedOutput output) {
		assertThatThrownBy(() -> start("elevenchars")).hasRootCauseInstanceOf(FirstAdmin.AdminPasswordRefused.class);

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("The setting GUESTPASS_ADMIN_PASSWORD (guestpass.admin-password) is too short.")
			.doesNotContain("elevenchars");
		assertNoStackTrace(output.getAll());
	}

	private void start(String adminPassword) throws Exception {
		String url = "jdbc:h2:mem:guestpass_start_up_" + DATABASES.incrementAndGet()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		Files.createDirectories(this.dataDir);
		List<String> arguments = List.of("--" + TestDatabases.OWN_DATABASE + "=true", "--spring.datasource.url=" + url,
				"--spring.datasource.username=sa", "--spring.datasource.password=",
				"--guestpass.data-dir=" + this.dataDir, "--guestpass.admin-password=" + adminPassword,
				"--server.port=0", "--spring.main.banner-mode=off");
		new SpringApplicationBuilder(GuestPassApplication.class).run(arguments.toArray(String[]::new)).close();
	}

	private static void assertNoStackTrace(String output) {
		assertThat(output.lines().filter((line) -> line.startsWith("\tat ") || line.startsWith("Caused by:")))
			.as("stack trace lines")
			.isEmpty();
	}

}
