package org.guestpass.guestaccess;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.guestpass.audit.AuditLog;
import org.guestpass.media.MediaItem;
import org.guestpass.media.MediaLibrary;
import org.guestpass.settings.SiteSettings;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.Tokens;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guest's side: opening a link, being admitted with a name and an email, and every
 * later page load, which is checked again.
 */
@Service
public class Admissions {

	private final GuestLinkRepository links;

	private final GuestSessionRepository sessions;

	private final SiteSettings settings;

	private final MediaLibrary media;

	private final AuditLog audit;

	private final GuestPassProperties properties;

	private final Clock clock;

	Admissions(GuestLinkRepository links, GuestSessionRepository sessions, SiteSettings settings, MediaLibrary media,
			AuditLog audit, GuestPassProperties properties, Clock clock) {
		this.links = links;
		this.sessions = sessions;
		this.settings = settings;
		this.media = media;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * What a guest opening a link sees: the entry form for an item, their item again, or
	 * a refusal.
	 */
	public record Entry(String mediaTitle, Long admittedMediaId, EntryRefusal refusal) {
	}

	/** A guest let in: the secret for their cookie and where to go. */
	public record Admission(String sessionToken, long mediaId, Instant expiresAt, EntryRefusal refusal) {
	}

	/** An admitted guest's page: the item and the name they gave. */
	public record GuestView(MediaItem item, String guestName, long sessionId, Instant lastSeenAt,
			EntryRefusal refusal) {

		static GuestView refused(EntryRefusal refusal) {
			return new GuestView(null, null, 0, null, refusal);
		}

	}

	/**
	 * Opening a link (GET or HEAD) changes nothing. A guest who already holds a valid
	 * session for this link is sent back to their item without being counted again.
	 */
	@Transactional(readOnly = true)
	public Entry open(String token, String sessionToken) {
		Optional<LinkState> link = stateOf(token);
		Instant now = this.clock.instant();
		if (link.isPresent() && holdsSessionFor(link.get(), sessionToken, now)) {
			Optional<EntryRefusal> refusal = AdmissionPolicy.forAdmittedGuest(link.get(), this.settings.modules(), now);
			if (refusal.isEmpty()) {
				return new Entry(link.get().mediaTitle(), link.get().mediaId(), null);
			}
		}
		Optional<EntryRefusal> refusal = AdmissionPolicy.forNewGuest(link.orElse(null), this.settings.modules(), now);
		return new Entry(link.map(LinkState::mediaTitle).orElse(null), null, refusal.orElse(null));
	}

	/**
	 * Admits a guest in one transaction: the click is counted by one conditional update
	 * whose row count decides, and the guest session is written with it. Name and email
	 * must already be normalised and valid.
	 */
	// A page load renews the idle lifetime at most once a minute: the rest would be
	// writes for nothing.
	private static final Duration SEEN_RECENTLY = Duration.ofMinutes(1);

	@Transactional
	public Admission admit(String token, String sessionToken, String guestName, String guestEmail) {
		Optional<LinkState> link = stateOf(token);
		Instant now = this.clock.instant();
		if (link.isPresent() && holdsSessionFor(link.get(), sessionToken, now)
				&& AdmissionPolicy.forAdmittedGuest(link.get(), this.settings.modules(), now).isEmpty()) {
			return new Admission(null, link.get().mediaId(), null, null);
		}
		Optional<EntryRefusal> refusal = AdmissionPolicy.forNewGuest(link.orElse(null), this.settings.modules(), now);
		if (refusal.isEmpty() && !this.links.countClick(link.get().linkId(), now)) {
			// Another admission took the last click, or the link changed, since it was
			// read.
			LinkState current = this.links.findStateById(link.get().linkId()).orElse(null);
			refusal = Optional
				.of(AdmissionPolicy.forNewGuest(current, this.settings.modules(), now).orElse(EntryRefusal.USED_UP));
		}
		if (refusal.isPresent()) {
			if (link.isPresent()) {
				this.audit.record("guest", "admission", link.get().mediaId(), link.get().linkId(), refusal.get().code(),
						null);
			}
			else {
				this.audit.record("guest", "admission", null, null, refusal.get().code(), null);
			}
			return new Admission(null, 0, null, refusal.get());
		}
		LinkState admitted = link.get();
		Instant expiresAt = now.plus(this.properties.guestSessionLifetime());
		if (admitted.expiresAt() != null && admitted.expiresAt().isBefore(expiresAt)) {
			expiresAt = admitted.expiresAt();
		}
		String newSession = Tokens.generate();
		long sessionId = this.sessions.insert(Tokens.hash(newSession), admitted.linkId(), admitted.mediaId(), guestName,
				guestEmail, now, expiresAt);
		// The audit names the guest session, whose name and email are erased after the
		// retention period.
		this.audit.record("guest #" + sessionId, "admission", admitted.mediaId(), admitted.linkId(), "admitted", null);
		return new Admission(newSession, admitted.mediaId(), expiresAt, null);
	}

	/**
	 * Checks an admitted guest's page load, which also keeps their session from going
	 * idle: their session must be valid for this item, and the link and item must still
	 * let guests in.
	 */
	@Transactional
	public GuestView checkPage(String sessionToken, long mediaId) {
		GuestView view = check(sessionToken, mediaId);
		Instant now = this.clock.instant();
		if (view.refusal() == null
				&& (view.lastSeenAt() == null || view.lastSeenAt().isBefore(now.minus(SEEN_RECENTLY)))) {
			this.sessions.touch(view.sessionId(), now);
		}
		return view;
	}

	/**
	 * Checks a request for an admitted guest's content (the player's), as
	 * {@link #checkPage} does.
	 */
	@Transactional(readOnly = true)
	public GuestView check(String sessionToken, long mediaId) {
		Instant now = this.clock.instant();
		Optional<GuestSessionRepository.GuestSession> session = sessionOf(sessionToken)
			.filter((found) -> found.mediaId() == mediaId);
		if (session.isEmpty()) {
			return GuestView.refused(EntryRefusal.SESSION_ENDED);
		}
		// What happened to the link explains more than "your access ended", so it is told
		// first.
		Optional<LinkState> link = this.links.findStateById(session.get().linkId());
		Optional<EntryRefusal> refusal = AdmissionPolicy.forAdmittedGuest(link.orElse(null), this.settings.modules(),
				now);
		if (refusal.isPresent()) {
			return GuestView.refused(refusal.get());
		}
		if (!session.get().isValidAt(now, this.properties.guestSessionIdle())) {
			return GuestView.refused(EntryRefusal.SESSION_ENDED);
		}
		Optional<MediaItem> item = this.media.findIncludingDeleted(mediaId).filter((found) -> !found.isDeleted());
		if (item.isEmpty()) {
			return GuestView.refused(EntryRefusal.MEDIA_GONE);
		}
		return new GuestView(item.get(), session.get().guestName(), session.get().id(), session.get().lastSeenAt(),
				null);
	}

	/**
	 * The click limit of the link behind this token, so that its admissions can be
	 * rationed per client before any is counted: empty when the link has none, or there
	 * is no such link.
	 */
	public Optional<Integer> clickLimit(String token) {
		if (!Tokens.isWellFormed(token)) {
			return Optional.empty();
		}
		return this.links.findMaxClicksByTokenHash(Tokens.hash(token));
	}

	/** The item's file, for an admitted guest's player. */
	public Resource file(MediaItem item) {
		return this.media.file(item);
	}

	private Optional<LinkState> stateOf(String token) {
		if (!Tokens.isWellFormed(token)) {
			return Optional.empty();
		}
		return this.links.findStateByTokenHash(Tokens.hash(token));
	}

	private Optional<GuestSessionRepository.GuestSession> sessionOf(String sessionToken) {
		if (!Tokens.isWellFormed(sessionToken)) {
			return Optional.empty();
		}
		return this.sessions.findByHash(Tokens.hash(sessionToken));
	}

	private boolean holdsSessionFor(LinkState link, String sessionToken, Instant now) {
		return sessionOf(sessionToken)
			.filter((session) -> session.isValidAt(now, this.properties.guestSessionIdle())
					&& session.linkId() == link.linkId())
			.isPresent();
	}

}
