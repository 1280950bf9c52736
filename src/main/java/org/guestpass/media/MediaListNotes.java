package org.guestpass.media;

import java.util.List;
import java.util.Map;

/**
 * A short note another module adds to items in the media library, such as the state of
 * their guest access. One call for the whole list.
 */
public interface MediaListNotes {

	/** The note for each item that has one, by item id. */
	Map<Long, String> notesFor(List<MediaItem> items);

}
