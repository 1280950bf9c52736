package org.guestpass.system;

import java.util.Map;

import org.guestpass.BoundProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many admission posts a minute one client address may make to one link: a lecture
 * hall's worth without a click limit, a fifth of the clicks (at least 10) with one.
 */
class AdmissionAllowanceTests {

	private final GuestPassProperties.Admissions defaults = BoundProperties.of(Map.of()).rateLimits().admissions();

	@Test
	void aLinkWithoutAClickLimitAllowsAHallOfFiveHundred() {
		assertThat(this.defaults.allowedFor(null)).isEqualTo(500);
	}

	@Test
	void aSmallLimitedLinkAllowsTenAsBefore() {
		assertThat(this.defaults.allowedFor(1)).isEqualTo(10);
		assertThat(this.defaults.allowedFor(25)).isEqualTo(10);
		assertThat(this.defaults.allowedFor(50)).isEqualTo(10);
	}

	@Test
	void aLargerLimitedLinkAllowsAFifthOfItsClicksRoundedUp() {
		assertThat(this.defaults.allowedFor(51)).isEqualTo(11);
		assertThat(this.defaults.allowedFor(200)).isEqualTo(40);
		assertThat(this.defaults.allowedFor(2500)).isEqualTo(500);
	}

	@Test
	void noLinkAllowsMoreThanTheCapacity() {
		assertThat(this.defaults.allowedFor(1_000_000)).isEqualTo(500);
		assertThat(this.defaults.allowedFor(Integer.MAX_VALUE)).isEqualTo(500);
	}

	@Test
	void eachPartIsASetting() {
		GuestPassProperties.Admissions admissions = BoundProperties
			.of(Map.of("guestpass.rate-limits.admissions.capacity", "800",
					"guestpass.rate-limits.admissions.share-of-clicks", "50",
					"guestpass.rate-limits.admissions.minimum", "3"))
			.rateLimits()
			.admissions();
		assertThat(admissions.allowedFor(null)).isEqualTo(800);
		assertThat(admissions.allowedFor(4)).isEqualTo(3);
		assertThat(admissions.allowedFor(25)).isEqualTo(13);
		assertThat(admissions.allowedFor(5000)).isEqualTo(800);
	}

}
