package org.guestpass.guestaccess;

import java.time.Instant;
import java.util.Optional;

import org.guestpass.settings.SiteModules;

/**
 * Decides whether a link lets a guest in, and if not, which message page they see. The
 * click limit counts admissions, so it is checked for a new admission but not when an
 * admitted guest reloads. The decision that counts a click is repeated by the database in
 * one conditional update; this policy names the reason.
 */
final class AdmissionPolicy {

	private AdmissionPolicy() {
	}

	static Optional<EntryRefusal> forNewGuest(LinkState link, SiteModules modules, Instant now) {
		return refusal(link, modules, now, true);
	}

	static Optional<EntryRefusal> forAdmittedGuest(LinkState link, SiteModules modules, Instant now) {
		return refusal(link, modules, now, false);
	}

	private static Optional<EntryRefusal> refusal(LinkState link, SiteModules modules, Instant now,
			boolean countsClick) {
		if (link == null) {
			return Optional.of(EntryRefusal.INVALID_LINK);
		}
		if (!modules.guestAccessAvailable()) {
			return Optional.of(EntryRefusal.UNAVAILABLE);
		}
		if (link.mediaDeleted() || !link.mediaSupported()) {
			return Optional.of(EntryRefusal.MEDIA_GONE);
		}
		if (!link.switchedOn()) {
			return Optional.of(EntryRefusal.ACCESS_OFF);
		}
		if (link.expiresAt() != null && !now.isBefore(link.expiresAt())) {
			return Optional.of(EntryRefusal.EXPIRED);
		}
		if (countsClick && link.maxClicks() != null && link.clicks() >= link.maxClicks()) {
			return Optional.of(EntryRefusal.USED_UP);
		}
		return Optional.empty();
	}

}
