package org.guestpass.media;

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
	 * Whether the item is a link to somewhere else (a stream or a room) rather than a
	 * stored file.
	 */
	public boolean isLinked() {
		return this != video;
	}

}
