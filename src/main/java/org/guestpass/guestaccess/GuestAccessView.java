package org.guestpass.guestaccess;

import java.util.List;

import org.guestpass.media.MediaItem;

/**
 * The state of guest access for one item: the item, its switch, how many links it may
 * have, and its links.
 */
public record GuestAccessView(MediaItem item, boolean enabled, int maxLinks, int maxDurationDays,
		List<GuestLink> links) {

	public long mediaId() {
		return this.item.id();
	}

	public boolean canCreateLink() {
		return this.enabled && this.links.size() < this.maxLinks;
	}

}
