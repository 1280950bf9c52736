package org.guestpass.system;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings are bound and checked at start-up: defaults where nothing is set, and a
 * value out of range stops GuestPass with the setting's name.
 */
class GuestPassPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void withNothingSetEverySettingHasItsDefault() {
		this.runner.run((context) -> {
			GuestPassProperties properties = context.getBean(GuestPassProperties.class);
			assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("data"));
			assertThat(properties.storageDir().normalize()).isEqualTo(Path.of("data/media"));
			assertThat(properties.maxUploadSize()).isEqualTo(DataSize.ofGigabytes(2));
			assertThat(properties.frameAncestors()).isEqualTo("'none'");
			assertThat(properties.demo()).isFalse();
			assertThat(properties.demoPassword()).isEqualTo("guestpass-demo");
			assertThat(properties.rateLimits().unknownLinks().capacity()).isEqualTo(10);
			assertThat(properties.rateLimits().signInFailures().capacity()).isEqualTo(5);
			assertThat(properties.rateLimits().signInFailuresByAddress().capacity()).isEqualTo(30);
			assertThat(properties.rateLimits().admissions().capacity()).isEqualTo(500);
		});
	}

	@Test
	void theStorageFolderFollowsTheDataFolder() {
		this.runner.withPropertyValues("guestpass.data-dir=/srv/guestpass")
			.run((context) -> assertThat(context.getBean(GuestPassProperties.class).storageDir())
				.isEqualTo(Path.of("/srv/guestpass/media")));
	}

	@Test
	void aLimitOfNoAttemptsStopsTheStartWithTheSettingsName() {
		this.runner.withPropertyValues("guestpass.rate-limits.admissions.capacity=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("object 'guestpass'")
				.hasStackTraceContaining("rateLimits.admissions.capacity")
				.hasStackTraceContaining("must be greater than 0");
		});
	}

	@Test
	void aShareAboveAllTheClicksStopsTheStart() {
		this.runner.withPropertyValues("guestpass.rate-limits.admissions.share-of-clicks=101")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void aPeriodOfNoTimeStopsTheStart() {
		this.runner.withPropertyValues("guestpass.rate-limits.sign-in-failures.period=0s")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GuestPassProperties.class)
	static class Settings {

	}

}
