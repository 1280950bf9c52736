package org.guestpass.guestaccess;

import java.time.Instant;

/**
 * A guest link as its owner sees it. {@code token} is null when it cannot be recovered
 * (the server secret changed since the link was made).
 */
public record GuestLink(long id, long mediaId, String name, String token, Integer maxClicks, int clicks,
		Integer durationDays, Instant expiresAt, Instant createdAt, GuestLinkStatus status) {
}
