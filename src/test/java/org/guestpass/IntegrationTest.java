package org.guestpass;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The whole application on a real port, on the database {@link TestDatabases} chooses,
 * with a {@link MutableClock}, counting its {@link PasswordChecks}. Every integration
 * test uses this one configuration, so they share one application context per database;
 * {@link SiteAndClockReset} puts the site's settings and the clock back after each test.
 * A request waits for a database connection as long as a person's browser would (60 s,
 * not the 3 s a node in production waits before it answers 503): tests that count the
 * outcomes of simultaneous requests measure the rules, not how busy the machine is. The
 * fast 503 is tested on its own ({@code DatabaseOutageIntegrationTests}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "guestpass.time-zone=UTC", "spring.datasource.hikari.connection-timeout=60000",
				"guestpass.lti.allow-http-loopback=true" })
@Import({ IntegrationTest.Clocks.class, Fixtures.class, AuditFixtures.class })
@Tag("database")
@ExtendWith(SiteAndClockReset.class)
public @interface IntegrationTest {

	@TestConfiguration(proxyBeanMethods = false)
	class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

		@Bean
		static PasswordChecks passwordChecks() {
			return new PasswordChecks();
		}

	}

}
