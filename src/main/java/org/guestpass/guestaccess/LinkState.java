package org.guestpass.guestaccess;

import java.time.Instant;

/**
 * A link as admission sees it: the link, its item and the item's switch, read together.
 */
record LinkState(long linkId, long mediaId, Integer maxClicks, int clicks, Instant expiresAt, String mediaTitle,
		boolean mediaDeleted, boolean mediaSupported, boolean switchedOn) {
}
