package org.guestpass.guestaccess;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.guestpass.account.Account;
import org.guestpass.account.Accounts;
import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditAction;
import org.guestpass.audit.AuditLog;
import org.guestpass.media.MediaItem;
import org.guestpass.media.MediaLibrary;
import org.guestpass.media.Viewer;
import org.guestpass.settings.GuestLinkPolicy;
import org.guestpass.settings.SiteSettings;
import org.guestpass.system.NumberRule;
import org.guestpass.system.Outcome;
import org.guestpass.system.Refusal;
import org.guestpass.system.ServerSecret;
import org.guestpass.system.Tokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's side of guest access: the per-item switch and the item's guest links.
 */
@Service
public class GuestAccess {

	private final MediaLibrary media;

	private final Accounts accounts;

	private final SiteSettings settings;

	private final GuestAccessRepository access;

	private final GuestLinkRepository links;

	private final GuestSessionRepository sessions;

	private final ServerSecret secret;

	private final AuditLog audit;

	private final Clock clock;

	GuestAccess(MediaLibrary media, Accounts accounts, SiteSettings settings, GuestAccessRepository access,
			GuestLinkRepository links, GuestSessionRepository sessions, ServerSecret secret, AuditLog audit,
			Clock clock) {
		this.media = media;
		this.accounts = accounts;
		this.settings = settings;
		this.access = access;
		this.links = links;
		this.sessions = sessions;
		this.secret = secret;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether "Manage guest access" is offered to this viewer on this item. */
	@Transactional(readOnly = true)
	public boolean isOffered(MediaItem item, Viewer viewer) {
		return checkItem(item, viewer, this.settings.policy()).isEmpty();
	}

	/**
	 * The item's guest access as its manager sees it, item included, so that a page needs
	 * no second look-up of the item.
	 */
	@Transactional(readOnly = true)
	public Outcome<GuestAccessView> view(long mediaId, Viewer viewer) {
		GuestLinkPolicy policy = this.settings.policy();
		Optional<MediaItem> item = this.media.find(mediaId, viewer);
		Optional<ManagementRefusal> refusal = item.isEmpty() ? Optional.of(ManagementRefusal.NOT_FOUND)
				: checkItem(item.get(), viewer, policy);
		if (refusal.isPresent()) {
			return Outcome.refused(refusal.get());
		}
		return Outcome.done(currentView(item.get(), policy));
	}

	/** Turns guest access for the item on or off; every link follows at once. */
	@Transactional
	public Outcome<GuestAccessView> setEnabled(long mediaId, boolean enabled, Viewer viewer) {
		GuestLinkPolicy policy = this.settings.policy();
		Optional<MediaItem> item = this.media.find(mediaId, viewer);
		Optional<ManagementRefusal> refusal = item.isEmpty() ? Optional.of(ManagementRefusal.NOT_FOUND)
				: checkItem(item.get(), viewer, policy);
		if (refusal.isPresent()) {
			return Outcome.refused(refusal.get());
		}
		Instant now = this.clock.instant();
		this.access.ensure(mediaId, now);
		this.access.setEnabled(mediaId, enabled, now);
		this.audit.record(Actor.user(viewer.username()),
				enabled ? AuditAction.GUEST_ACCESS_ENABLED : AuditAction.GUEST_ACCESS_DISABLED, mediaId, null,
				AuditLog.OK, null);
		return Outcome.done(currentView(item.get(), policy));
	}

	/**
	 * The rule a link's days keep: from 1 to the site's longest duration, or none. Forms
	 * read the days by it; {@link #createLink} holds a link to it.
	 */
	public NumberRule durationRule() {
		return this.settings.policy().durationRule();
	}

	/**
	 * Creates a link, if the item's switch is on, it has fewer links than the policy
	 * allows, and its days keep the site's {@link #durationRule()} (refused as
	 * {@link ManagementRefusal#DURATION_TOO_LONG} in the rule's words). Two racing
	 * creates cannot both take the last slot.
	 */
	@Transactional
	public Outcome<GuestLink> createLink(long mediaId, NewGuestLink request, Viewer viewer) {
		GuestLinkPolicy policy = this.settings.policy();
		Optional<Refusal> refusal = check(mediaId, viewer, policy).map(Refusal.class::cast);
		if (refusal.isEmpty() && !policy.durationRule().admits(request.durationDays())) {
			// In the words that name the site's longest duration.
			refusal = Optional.of(ManagementRefusal.DURATION_TOO_LONG.worded(policy.durationRule().message()));
		}
		Instant now = this.clock.instant();
		if (refusal.isEmpty() && viewer.courseEndsAt() != null && this.settings.lms().courseEndCeiling()) {
			CourseEnds course = CourseEnds.of(viewer.courseEndsAt(), now, policy.maxDurationDays());
			if (!course.admits(request.durationDays())) {
				refusal = Optional.of(ManagementRefusal.DURATION_PAST_COURSE_END.worded(course.message()));
			}
		}
		if (refusal.isEmpty()) {
			this.access.ensure(mediaId, now);
			if (!this.access.reserveSlot(mediaId, policy.maxLinksPerItem(), now)) {
				refusal = Optional.of(this.access.isEnabled(mediaId).orElse(false)
						? ManagementRefusal.LINK_LIMIT_REACHED : ManagementRefusal.GUEST_ACCESS_DISABLED);
			}
		}
		if (refusal.isPresent()) {
			if (refusal.get() != ManagementRefusal.NOT_FOUND) {
				this.audit.record(Actor.user(viewer.username()), AuditAction.LINK_CREATED, mediaId, null,
						refusal.get().code(), null);
			}
			return Outcome.refused(refusal.get());
		}
		String token = Tokens.generate();
		Instant expiresAt = (request.durationDays() == null) ? null : now.plus(Duration.ofDays(request.durationDays()));
		long linkId = this.links.insert(mediaId, request.name(), Tokens.hash(token), this.secret.seal(token),
				request.maxClicks(), request.durationDays(), expiresAt, viewer.accountId(), now);
		this.audit.record(Actor.user(viewer.username()), AuditAction.LINK_CREATED, mediaId, linkId, AuditLog.OK,
				request.name());
		return Outcome.done(new GuestLink(linkId, mediaId, request.name(), token, request.maxClicks(), 0,
				request.durationDays(), expiresAt, now, GuestLinkStatus.active));
	}

	/** Deletes a link for good: its token never works again. */
	@Transactional
	public Outcome<Long> deleteLink(long mediaId, long linkId, Viewer viewer) {
		Optional<ManagementRefusal> refusal = check(mediaId, viewer, this.settings.policy());
		if (refusal.isPresent()) {
			return Outcome.refused(refusal.get());
		}
		if (!this.links.delete(mediaId, linkId)) {
			return Outcome.refused(ManagementRefusal.LINK_NOT_FOUND);
		}
		this.access.releaseSlot(mediaId, this.clock.instant());
		this.sessions.linkEnded(linkId, this.clock.instant());
		this.audit.record(Actor.user(viewer.username()), AuditAction.LINK_DELETED, mediaId, linkId, AuditLog.OK, null);
		return Outcome.done(linkId);
	}

	private Optional<ManagementRefusal> check(long mediaId, Viewer viewer, GuestLinkPolicy policy) {
		return this.media.find(mediaId, viewer)
			.map((item) -> checkItem(item, viewer, policy))
			.orElse(Optional.of(ManagementRefusal.NOT_FOUND));
	}

	/**
	 * The rules that decide whether this viewer may manage guest access of this item, in
	 * order.
	 */
	private Optional<ManagementRefusal> checkItem(MediaItem item, Viewer viewer, GuestLinkPolicy policy) {
		if (!item.type().supportsGuestAccess()) {
			return Optional.of(ManagementRefusal.UNSUPPORTED_MEDIA_TYPE);
		}
		Optional<Account> account = this.accounts.find(viewer.accountId());
		if (account.isEmpty() || !ManagePermission.permits(account.get(), policy)) {
			return Optional.of(ManagementRefusal.NOT_PERMITTED);
		}
		if (!this.settings.modules().guestAccessAvailable()) {
			return Optional.of(ManagementRefusal.MODULE_DISABLED);
		}
		return Optional.empty();
	}

	private GuestAccessView currentView(MediaItem item, GuestLinkPolicy policy) {
		long mediaId = item.id();
		boolean enabled = this.access.isEnabled(mediaId).orElse(false);
		Instant now = this.clock.instant();
		List<GuestLink> items = this.links.findByMedia(mediaId)
			.stream()
			.map((link) -> new GuestLink(link.id(), link.mediaId(), link.name(), unseal(link.tokenSealed()),
					link.maxClicks(), link.clicks(), link.durationDays(), link.expiresAt(), link.createdAt(),
					GuestLinkStatus.of(link.maxClicks(), link.clicks(), link.expiresAt(), enabled, now)))
			.toList();
		return new GuestAccessView(item, enabled, policy.maxLinksPerItem(), policy.maxDurationDays(), items);
	}

	private String unseal(String sealed) {
		try {
			return this.secret.unseal(sealed);
		}
		catch (RuntimeException ex) {
			// Sealed under an earlier server secret: the link still works, but cannot be
			// copied again.
			return null;
		}
	}

}
