package org.guestpass.guestaccess;

import java.util.List;

import org.guestpass.media.MediaItem;
import org.guestpass.settings.GuestLinkPolicy;
import org.guestpass.system.NumberRule;

/**
 * The state of guest access for one item: the item, its switch, how many links it may
 * have, and its links.
 */
public record GuestAccessView(MediaItem item, boolean enabled, int maxLinks, int maxDurationDays,
		List<GuestLink> links) {

	public long mediaId() {
		return this.item.id();
	}

	/** The number of days a new link of this item may last. */
	public NumberRule durationRule() {
		return GuestLinkPolicy.durationRule(this.maxDurationDays);
	}

	public boolean canCreateLink() {
		return this.enabled && this.links.size() < this.maxLinks;
	}

}
