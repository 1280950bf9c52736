package org.guestpass.guestaccess;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuestLinkStatusTests {

	private static final Instant NOW = Instant.parse("2026-04-16T10:00:00Z");

	@Test
	void aLinkWithinItsLimitAndLifetimeFollowsTheSwitch() {
		assertThat(GuestLinkStatus.of(3, 2, NOW.plusSeconds(60), true, NOW)).isEqualTo(GuestLinkStatus.active);
		assertThat(GuestLinkStatus.of(3, 2, NOW.plusSeconds(60), false, NOW)).isEqualTo(GuestLinkStatus.inactive);
		assertThat(GuestLinkStatus.of(null, 1000, null, true, NOW)).isEqualTo(GuestLinkStatus.active);
	}

	@Test
	void expiredAndUsedUpStayWhateverTheSwitch() {
		assertThat(GuestLinkStatus.of(null, 0, NOW, true, NOW)).isEqualTo(GuestLinkStatus.expired);
		assertThat(GuestLinkStatus.of(null, 0, NOW, false, NOW)).isEqualTo(GuestLinkStatus.expired);
		assertThat(GuestLinkStatus.of(2, 2, null, true, NOW)).isEqualTo(GuestLinkStatus.used_up);
		assertThat(GuestLinkStatus.of(2, 2, null, false, NOW)).isEqualTo(GuestLinkStatus.used_up);
	}

}
