package org.guestpass.guestaccess;

import java.util.Optional;

import org.guestpass.media.MediaItem;
import org.guestpass.media.MediaPageAction;
import org.guestpass.media.Viewer;

import org.springframework.stereotype.Component;

/**
 * Puts "Manage guest access" in a media page's menu, for a permitted user on a supported
 * item while the site modules are on.
 */
@Component
class ManageGuestAccessAction implements MediaPageAction {

	private final GuestAccess guestAccess;

	ManageGuestAccessAction(GuestAccess guestAccess) {
		this.guestAccess = guestAccess;
	}

	@Override
	public Optional<Entry> entryFor(MediaItem item, Viewer viewer) {
		if (!this.guestAccess.isOffered(item, viewer)) {
			return Optional.empty();
		}
		return Optional.of(new Entry("Manage guest access", "/media/" + item.id() + "/guest-access"));
	}

}
