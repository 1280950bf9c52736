package org.guestpass.guestaccess;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NewGuestLinkTests {

	@Test
	void trimsAndNormalisesTheName() {
		assertThat(new NewGuestLink("  Ｗebinar invite\t", null, null).name()).isEqualTo("Webinar invite");
	}

	@Test
	void refusesWhatBreaksTheRules() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NewGuestLink(" ", null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new NewGuestLink("x".repeat(101), null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new NewGuestLink("ok", 0, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new NewGuestLink("ok", -1, null));
	}

	@Test
	void leavesTheDaysToTheSitesRule() {
		// GuestAccess.createLink refuses days outside the site's duration rule
		// (GuestLinkIntegrationTests).
		assertThat(new NewGuestLink("ok", null, 0).durationDays()).isZero();
	}

	@Test
	void acceptsTheLongestNameAndTheSmallestLimits() {
		NewGuestLink link = new NewGuestLink("x".repeat(100), 1, 1);
		assertThat(link.maxClicks()).isEqualTo(1);
		assertThat(link.durationDays()).isEqualTo(1);
	}

}
