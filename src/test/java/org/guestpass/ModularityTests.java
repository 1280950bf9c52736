package org.guestpass;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the feature modules honest: dependencies only in the directions each module's
 * {@code package-info.java} allows (guestaccess → media → account; settings, audit and
 * system for everyone), no cycles, and no module reaching into another's internals.
 */
class ModularityTests {

	@Test
	void modulesDependOnEachOtherOnlyAsAllowed() {
		ApplicationModules.of(GuestPassApplication.class).verify();
	}

}
