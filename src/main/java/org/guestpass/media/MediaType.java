package org.guestpass.media;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of media item.
 */
public enum MediaType {

	video, live_session, room, channel_room;

	/** Guest access is not supported for channel rooms. */
	public boolean supportsGuestAccess() {
		return this != channel_room;
	}

	/**
	 * The types that support guest access, as stored (their names), for SQL that checks
	 * the rule in the database.
	 */
	public static List<String> guestAccessible() {
		return Arrays.stream(values()).filter(MediaType::supportsGuestAccess).map(MediaType::name).toList();
	}

	/**
	 * Whether the item is a link to somewhere else (a stream or a room) rather than a
	 * stored file.
	 */
	public boolean isLinked() {
		return this != video;
	}

}
