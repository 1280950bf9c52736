package org.guestpass.guestaccess;

import java.time.Instant;

/**
 * Where a link stands. Expired and used up are final; inactive follows the item's switch
 * (and the site modules), so turning guest access on again revives a link that is
 * neither.
 */
public enum GuestLinkStatus {

	active, inactive, expired, used_up;

	static GuestLinkStatus of(Integer maxClicks, int clicks, Instant expiresAt, boolean switchedOn, Instant now) {
		if (expiresAt != null && !now.isBefore(expiresAt)) {
			return expired;
		}
		if (maxClicks != null && clicks >= maxClicks) {
			return used_up;
		}
		return switchedOn ? active : inactive;
	}

}
