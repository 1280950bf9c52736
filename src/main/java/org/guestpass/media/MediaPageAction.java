package org.guestpass.media;

import java.util.Optional;

/**
 * An entry another module adds to a media page's "More actions" menu. Implementations
 * decide for themselves whether to offer it to this viewer on this item.
 */
public interface MediaPageAction {

	/** A menu entry: its label and where it leads. */
	record Entry(String label, String href) {
	}

	Optional<Entry> entryFor(MediaItem item, Viewer viewer);

}
