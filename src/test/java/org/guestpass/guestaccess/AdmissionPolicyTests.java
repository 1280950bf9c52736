package org.guestpass.guestaccess;

import java.time.Duration;
import java.time.Instant;

import org.guestpass.settings.SiteModules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which message page a guest sees, decided from the link's state, the site modules and
 * the time.
 */
class AdmissionPolicyTests {

	private static final Instant NOW = Instant.parse("2026-04-16T10:00:00Z");

	private static final SiteModules ALL_ON = new SiteModules(true, true, true);

	@Test
	void anActiveLinkLetsANewGuestIn() {
		assertThat(AdmissionPolicy.forNewGuest(link(), ALL_ON, NOW)).isEmpty();
	}

	@Test
	void anUnknownTokenIsNotValidWhateverTheModules() {
		assertThat(AdmissionPolicy.forNewGuest(null, ALL_ON, NOW)).contains(EntryRefusal.INVALID_LINK);
		assertThat(AdmissionPolicy.forNewGuest(null, new SiteModules(false, false, false), NOW))
			.contains(EntryRefusal.INVALID_LINK);
	}

	@Test
	void anyModuleOffMakesGuestAccessUnavailable() {
		for (SiteModules modules : new SiteModules[] { new SiteModules(false, true, true),
				new SiteModules(true, false, true), new SiteModules(true, true, false) }) {
			assertThat(AdmissionPolicy.forNewGuest(link(), modules, NOW)).contains(EntryRefusal.UNAVAILABLE);
			assertThat(AdmissionPolicy.forAdmittedGuest(link(), modules, NOW)).contains(EntryRefusal.UNAVAILABLE);
		}
	}

	@Test
	void aDeletedItemIsNoLongerAvailable() {
		LinkState deleted = new LinkState(1, 2, null, 0, null, "Title", true, true, true);
		assertThat(AdmissionPolicy.forNewGuest(deleted, ALL_ON, NOW)).contains(EntryRefusal.MEDIA_GONE);
	}

	@Test
	void theSwitchOffTurnsGuestsAway() {
		LinkState off = new LinkState(1, 2, null, 0, null, "Title", false, true, false);
		assertThat(AdmissionPolicy.forNewGuest(off, ALL_ON, NOW)).contains(EntryRefusal.ACCESS_OFF);
		assertThat(AdmissionPolicy.forAdmittedGuest(off, ALL_ON, NOW)).contains(EntryRefusal.ACCESS_OFF);
	}

	@Test
	void aLinkExpiresAtTheInstantOfItsExpiry() {
		Instant expiresAt = NOW.plus(Duration.ofDays(1));
		LinkState day = new LinkState(1, 2, null, 0, expiresAt, "Title", false, true, true);
		assertThat(AdmissionPolicy.forNewGuest(day, ALL_ON, expiresAt.minusNanos(1000))).isEmpty();
		assertThat(AdmissionPolicy.forNewGuest(day, ALL_ON, expiresAt)).contains(EntryRefusal.EXPIRED);
		assertThat(AdmissionPolicy.forAdmittedGuest(day, ALL_ON, expiresAt)).contains(EntryRefusal.EXPIRED);
	}

	@Test
	void aUsedUpLinkRefusesNewGuestsButNotTheOnesItAdmitted() {
		LinkState usedUp = new LinkState(1, 2, 2, 2, null, "Title", false, true, true);
		assertThat(AdmissionPolicy.forNewGuest(usedUp, ALL_ON, NOW)).contains(EntryRefusal.USED_UP);
		assertThat(AdmissionPolicy.forAdmittedGuest(usedUp, ALL_ON, NOW)).isEmpty();
		LinkState oneLeft = new LinkState(1, 2, 2, 1, null, "Title", false, true, true);
		assertThat(AdmissionPolicy.forNewGuest(oneLeft, ALL_ON, NOW)).isEmpty();
	}

	@Test
	void theOwnersSwitchIsToldBeforeExpiryAndLimit() {
		LinkState offExpiredUsedUp = new LinkState(1, 2, 1, 1, NOW.minusSeconds(1), "Title", false, true, false);
		assertThat(AdmissionPolicy.forNewGuest(offExpiredUsedUp, ALL_ON, NOW)).contains(EntryRefusal.ACCESS_OFF);
	}

	@Test
	void everyRefusalHasTheStatusOfItsMessagePage() {
		assertThat(EntryRefusal.INVALID_LINK.status().value()).isEqualTo(404);
		assertThat(EntryRefusal.ACCESS_OFF.status().value()).isEqualTo(403);
		assertThat(EntryRefusal.EXPIRED.status().value()).isEqualTo(410);
		assertThat(EntryRefusal.USED_UP.status().value()).isEqualTo(410);
		assertThat(EntryRefusal.MEDIA_GONE.status().value()).isEqualTo(410);
		assertThat(EntryRefusal.UNAVAILABLE.status().value()).isEqualTo(503);
	}

	private static LinkState link() {
		return new LinkState(1, 2, null, 0, null, "Title", false, true, true);
	}

}
