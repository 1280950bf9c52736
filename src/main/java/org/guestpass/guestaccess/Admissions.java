package org.guestpass.guestaccess;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditAction;
import org.guestpass.audit.AuditLog;
import org.guestpass.media.MediaItem;
import org.guestpass.media.MediaLibrary;
import org.guestpass.settings.SiteSettings;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.Outcome;
import org.guestpass.system.Tokens;

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
				return new Entry.Admitted(link.get().mediaId(), null);
			}
		}
		Optional<EntryRefusal> refusal = AdmissionPolicy.forNewGuest(link.orElse(null), this.settings.modules(), now);
		if (refusal.isPresent()) {
			return new Entry.Refused(refusal.get());
		}
		return new Entry.Form(link.get().mediaTitle());
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
	public Entry admit(String token, String sessionToken, String guestName, String guestEmail) {
		Optional<LinkState> link = stateOf(token);
		Instant now = this.clock.instant();
		if (link.isPresent() && holdsSessionFor(link.get(), sessionToken, now)
				&& AdmissionPolicy.forAdmittedGuest(link.get(), this.settings.modules(), now).isEmpty()) {
			return new Entry.Admitted(link.get().mediaId(), null);
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
				this.audit.record(Actor.guest(), AuditAction.ADMISSION, link.get().mediaId(), link.get().linkId(),
						refusal.get().code(), null);
			}
			else {
				this.audit.record(Actor.guest(), AuditAction.ADMISSION, null, null, refusal.get().code(), null);
			}
			return new Entry.Refused(refusal.get());
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
		this.audit.record(Actor.guestSession(sessionId), AuditAction.ADMISSION, admitted.mediaId(), admitted.linkId(),
				AuditLog.ADMITTED, null);
		return new Entry.Admitted(admitted.mediaId(), new NewSession(newSession, expiresAt));
	}

	/**
	 * Checks an admitted guest's page load, which also keeps their session from going
	 * idle: their session must be valid for this item, and the link and item must still
	 * let guests in.
	 */
	@Transactional
	public Outcome<GuestView> checkPage(String sessionToken, long mediaId) {
		Outcome<GuestView> outcome = check(sessionToken, mediaId);
		Instant now = this.clock.instant();
		if (!outcome.isRefused() && (outcome.value().lastSeenAt() == null
				|| outcome.value().lastSeenAt().isBefore(now.minus(SEEN_RECENTLY)))) {
			this.sessions.touch(outcome.value().sessionId(), now);
		}
		return outcome;
	}

	/**
	 * Checks a request for an admitted guest's content (the player's), as
	 * {@link #checkPage} does.
	 */
	@Transactional(readOnly = true)
	public Outcome<GuestView> check(String sessionToken, long mediaId) {
		Instant now = this.clock.instant();
		Optional<GuestSessionRepository.GuestSession> session = sessionOf(sessionToken)
			.filter((found) -> found.mediaId() == mediaId);
		if (session.isEmpty()) {
			return Outcome.refused(EntryRefusal.SESSION_ENDED);
		}
		// What happened to the link explains more than "your access ended", so it is told
		// first.
		Optional<LinkState> link = this.links.findStateById(session.get().linkId());
		Optional<EntryRefusal> refusal = AdmissionPolicy.forAdmittedGuest(link.orElse(null), this.settings.modules(),
				now);
		if (refusal.isPresent()) {
			return Outcome.refused(refusal.get());
		}
		if (!session.get().isValidAt(now, this.properties.guestSessionIdle())) {
			return Outcome.refused(EntryRefusal.SESSION_ENDED);
		}
		Optional<MediaItem> item = this.media.findIncludingDeleted(mediaId).filter((found) -> !found.isDeleted());
		if (item.isEmpty()) {
			return Outcome.refused(EntryRefusal.MEDIA_GONE);
		}
		return Outcome
			.done(new GuestView(item.get(), session.get().guestName(), session.get().id(), session.get().lastSeenAt()));
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

	/**
	 * Where a guest opening a link, or sending its form, goes: the entry form for an
	 * item, their item (with a new session when they were just admitted), or a refusal's
	 * message page.
	 */
	public sealed interface Entry {

		/**
		 * Why the guest was not let in, or null when they were shown the form or let in.
		 */
		default EntryRefusal refusal() {
			return (this instanceof Refused refused) ? refused.refusal() : null;
		}

		/** The entry form for the link's item. */
		record Form(String mediaTitle) implements Entry {
		}

		/**
		 * Let in: to the item, with the secret for their cookie when they were just
		 * admitted, without when they already held a session for the link.
		 */
		record Admitted(long mediaId, NewSession session) implements Entry {
		}

		/** Not let in, for this reason. */
		record Refused(EntryRefusal refusal) implements Entry {
		}

	}

	/** A guest session just begun: the secret for the guest's cookie, and its end. */
	public record NewSession(String token, Instant expiresAt) {
	}

	/** An admitted guest's page: the item and the name they gave. */
	public record GuestView(MediaItem item, String guestName, long sessionId, Instant lastSeenAt) {
	}

}
