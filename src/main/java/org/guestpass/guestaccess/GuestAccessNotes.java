package org.guestpass.guestaccess;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guestpass.media.MediaItem;
import org.guestpass.media.MediaListNotes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Shows in the media library whether each item's guest access is on, and with how many
 * links.
 */
@Component
class GuestAccessNotes implements MediaListNotes {

	private final JdbcClient jdbc;

	GuestAccessNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, String> notesFor(List<MediaItem> items) {
		Map<Long, String> notes = new HashMap<>();
		if (items.isEmpty()) {
			return notes;
		}
		for (MediaItem item : items) {
			notes.put(item.id(), item.type().supportsGuestAccess() ? "Guest access off" : "No guest access");
		}
		this.jdbc.sql("""
				select media_id, enabled, link_count
				  from guest_access
				 where media_id in (:ids)
				""").param("ids", items.stream().map(MediaItem::id).toList()).query((rs) -> {
			if (rs.getBoolean("enabled")) {
				int links = rs.getInt("link_count");
				notes.put(rs.getLong("media_id"), "Guest access on · " + ((links == 1) ? "1 link" : links + " links"));
			}
		});
		return notes;
	}

}
