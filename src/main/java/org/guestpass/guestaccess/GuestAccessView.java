package org.guestpass.guestaccess;

import java.util.List;

/**
 * The state of guest access for one item: its switch, how many links it may have, and its
 * links.
 */
public record GuestAccessView(long mediaId, boolean enabled, int maxLinks, int maxDurationDays, List<GuestLink> links) {

	public boolean canCreateLink() {
		return this.enabled && this.links.size() < this.maxLinks;
	}

}
