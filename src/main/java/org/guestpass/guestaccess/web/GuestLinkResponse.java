package org.guestpass.guestaccess.web;

import java.time.Instant;

import org.guestpass.guestaccess.GuestLink;
import org.guestpass.guestaccess.GuestLinkStatus;

/**
 * A guest link in the JSON API. {@code url} is null when the link can no longer be copied
 * (the server secret changed since it was created); the link itself still works.
 */
record GuestLinkResponse(long id, String name, String url, Integer maxClicks, int clicks, Integer durationDays,
		Instant expiresAt, Instant createdAt, GuestLinkStatus status) {

	static GuestLinkResponse of(GuestLink link, GuestLinkUrls urls) {
		return new GuestLinkResponse(link.id(), link.name(), urls.urlOf(link.token()), link.maxClicks(), link.clicks(),
				link.durationDays(), link.expiresAt(), link.createdAt(), link.status());
	}

}
