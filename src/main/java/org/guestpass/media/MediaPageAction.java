package org.guestpass.media;

import java.util.Optional;

/**
 * An entry another module adds to a media page's "More actions" menu. Implementations
 * decide for themselves whether to offer it to this viewer on this item. Without
 * JavaScript the entry is a link to its page; with it, that page's part marked data-panel
 * (named by its aria-labelledby heading) opens in a dialog over the media page, so an
 * entry needs no wiring in the media page's template or script.
 */
public interface MediaPageAction {

	Optional<Entry> entryFor(MediaItem item, Viewer viewer);

	/** A menu entry: its label and where it leads. */
	record Entry(String label, String href) {
	}

}
