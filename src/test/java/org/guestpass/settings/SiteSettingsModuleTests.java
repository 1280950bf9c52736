package org.guestpass.settings;

import org.guestpass.MutableClock;
import org.guestpass.SiteAndClockReset;
import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditAction;
import org.guestpass.audit.AuditEvent;
import org.guestpass.audit.AuditLog;
import org.guestpass.settings.GuestLinkPolicy.LowestRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The settings module on its own (Spring Modulith's module test), with the audit trail it
 * records to and no other module: not the system module (its clock is replaced by a
 * {@link MutableClock}), and not as a web application (no MVC, no security). Its service
 * changes the settings for real, on the test database with Flyway's schema, and each
 * change is read back and found in the audit trail, recorded in the service's own
 * transaction (the trail refuses an event outside one), not the test's.
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE, extraIncludes = "audit", webEnvironment = WebEnvironment.NONE)
@Import(SiteSettingsModuleTests.Clocks.class)
@ExtendWith(SiteAndClockReset.class)
@Tag("database")
class SiteSettingsModuleTests {

	@Autowired
	SiteSettings settings;

	@Autowired
	AuditLog audit;

	@Autowired
	MutableClock clock;

	@Test
	void aChangedPolicyIsReadBackAndRecordedAsTheAdminsChange() {
		assertThat(this.settings.policy()).isEqualTo(SiteAndClockReset.DEFAULT_POLICY);
		GuestLinkPolicy adminsOnly = new GuestLinkPolicy(LowestRole.admin, 1, 30);

		this.settings.changePolicy(adminsOnly, Actor.user("ada"));

		assertThat(this.settings.policy()).isEqualTo(adminsOnly);
		assertThat(this.settings.modules()).isEqualTo(SiteAndClockReset.DEFAULT_MODULES);
		assertThat(this.audit.recent(null, 1)).singleElement().satisfies((event) -> {
			assertThat(event.occurredAt()).isEqualTo(this.clock.instant());
			assertThat(event.actor()).isEqualTo("ada");
			assertThat(event.action()).isEqualTo(AuditAction.POLICY_CHANGED.stored());
			assertThat(event.mediaId()).isNull();
			assertThat(event.linkId()).isNull();
			assertThat(event.outcome()).isEqualTo(AuditLog.OK);
			assertThat(event.detail()).isEqualTo("lowestRole=admin, maxLinksPerItem=1, maxDurationDays=30");
		});
	}

	@Test
	void modulesSwitchedOffAreReadBackAndRecordedAndTurnGuestAccessOff() {
		assertThat(this.settings.modules().guestAccessAvailable()).isTrue();

		this.settings.changeModules(new SiteModules(true, false, true), Actor.user("ada"));

		SiteModules modules = this.settings.modules();
		assertThat(modules).isEqualTo(new SiteModules(true, false, true));
		assertThat(modules.guestAccessAvailable()).isFalse();
		assertThat(this.settings.policy()).isEqualTo(SiteAndClockReset.DEFAULT_POLICY);
		assertThat(this.audit.recent(null, 1)).extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::detail)
			.containsExactly(tuple(AuditAction.MODULES_CHANGED.stored(), "ada",
					"invitetomedia=true, theming=false, mediapage=true"));
	}

	/** The clock the system module gives the application, which this test leaves out. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

}
