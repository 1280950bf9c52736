package org.guestpass.lti;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditAction;
import org.guestpass.audit.AuditLog;
import org.guestpass.system.CommonRefusal;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.Outcome;
import org.guestpass.system.TextLength;
import org.guestpass.system.TextRule;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The LMS platforms registered with GuestPass. Only admins reach these (the security
 * configuration keeps {@code /admin/**} and {@code /api/v1/admin/**} to them), and a
 * launch names its platform by issuer and client id.
 */
@Service
public class Platforms {

	/** The most characters of a client id or a deployment id. */
	public static final int MAX_ID = 255;

	/** The most characters of a platform's issuer or endpoint. */
	public static final int MAX_URL = PlatformUrls.MAX;

	static final int MAX_DEPLOYMENTS = 100;

	/** What admins call a platform. */
	public static final TextRule NAME = TextRule.required("a name", 100);

	/** The client id a platform gave GuestPass. */
	public static final TextRule CLIENT_ID = TextRule.required("the client ID", MAX_ID);

	private final PlatformRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	private final boolean httpLoopback;

	Platforms(PlatformRepository repository, AuditLog audit, Clock clock, GuestPassProperties properties) {
		this.httpLoopback = properties.lti().allowHttpLoopback();
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Platform> list() {
		return this.repository.findAll();
	}

	public Optional<Platform> find(long id) {
		return this.repository.findById(id);
	}

	/** The registration a launch or login names by its issuer and client id. */
	public Optional<Platform> find(String issuer, String clientId) {
		if (issuer == null || clientId == null) {
			return Optional.empty();
		}
		return this.repository.findByClient(issuer, clientId);
	}

	/**
	 * The registration of a login that names only its issuer: the one registration of
	 * that issuer, or none when there are several (the login must then name its client).
	 */
	public Optional<Platform> findOnly(String issuer) {
		List<Platform> platforms = (issuer != null) ? this.repository.findByIssuer(issuer) : List.of();
		return (platforms.size() == 1) ? Optional.of(platforms.get(0)) : Optional.empty();
	}

	@Transactional
	public Outcome<Platform> add(PlatformDraft draft, Actor actor) {
		Optional<LtiRefusal> invalid = check(draft);
		if (invalid.isPresent()) {
			return Outcome.refused(invalid.get());
		}
		if (this.repository.existsOther(draft.issuer(), draft.clientId(), null)) {
			return Outcome.refused(LtiRefusal.PLATFORM_EXISTS);
		}
		long id;
		try {
			id = this.repository.insert(draft, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			// Registered by another request at the same moment.
			return Outcome.refused(LtiRefusal.PLATFORM_EXISTS);
		}
		this.audit.record(actor, AuditAction.LTI_PLATFORM_ADDED, null, null, AuditLog.OK, described(draft));
		return Outcome.done(this.repository.findById(id).orElseThrow());
	}

	@Transactional
	public Outcome<Platform> change(long id, PlatformDraft draft, Actor actor) {
		if (this.repository.findById(id).isEmpty()) {
			return Outcome.refused(CommonRefusal.NOT_FOUND);
		}
		Optional<LtiRefusal> invalid = check(draft);
		if (invalid.isPresent()) {
			return Outcome.refused(invalid.get());
		}
		if (this.repository.existsOther(draft.issuer(), draft.clientId(), id)) {
			return Outcome.refused(LtiRefusal.PLATFORM_EXISTS);
		}
		try {
			if (!this.repository.update(id, draft, this.clock.instant())) {
				return Outcome.refused(CommonRefusal.NOT_FOUND);
			}
		}
		catch (DuplicateKeyException ex) {
			return Outcome.refused(LtiRefusal.PLATFORM_EXISTS);
		}
		this.audit.record(actor, AuditAction.LTI_PLATFORM_CHANGED, null, null, AuditLog.OK, described(draft));
		return Outcome.done(this.repository.findById(id).orElseThrow());
	}

	/** Removes a registration: its platform can no longer launch GuestPass. */
	@Transactional
	public Outcome<Platform> remove(long id, Actor actor) {
		Optional<Platform> platform = this.repository.findById(id);
		if (platform.isEmpty() || !this.repository.delete(id)) {
			return Outcome.refused(CommonRefusal.NOT_FOUND);
		}
		this.audit.record(actor, AuditAction.LTI_PLATFORM_REMOVED, null, null, AuditLog.OK,
				described(platform.get().name(), platform.get().issuer(), platform.get().clientId()));
		return Outcome.done(platform.get());
	}

	/** The refusal of a registration's name, if it breaks its rule. */
	static Optional<LtiRefusal> checkName(String name) {
		String stripped = (name != null) ? name.strip() : null;
		if (stripped == null || !NAME.admits(stripped) || !TextLength.isWellFormed(stripped)) {
			return Optional.of(LtiRefusal.PLATFORM_NAME_INVALID);
		}
		return Optional.empty();
	}

	/** The first field of the draft that breaks its rule, in the form's order. */
	private Optional<LtiRefusal> check(PlatformDraft draft) {
		Optional<LtiRefusal> badName = checkName(draft.name());
		if (badName.isPresent()) {
			return badName;
		}
		if (!PlatformUrls.isValid(draft.issuer(), this.httpLoopback)) {
			return Optional.of(LtiRefusal.ISSUER_INVALID);
		}
		if (!isIdentifier(draft.clientId())) {
			return Optional.of(LtiRefusal.CLIENT_ID_INVALID);
		}
		if (draft.deploymentIds().size() > MAX_DEPLOYMENTS
				|| !draft.deploymentIds().stream().allMatch(Platforms::isIdentifier)) {
			return Optional.of(LtiRefusal.DEPLOYMENT_ID_INVALID);
		}
		if (!PlatformUrls.isValid(draft.authorizationUrl(), this.httpLoopback)) {
			return Optional.of(LtiRefusal.AUTHORIZATION_URL_INVALID);
		}
		if (!PlatformUrls.isValid(draft.tokenUrl(), this.httpLoopback)) {
			return Optional.of(LtiRefusal.TOKEN_URL_INVALID);
		}
		if (!PlatformUrls.isValid(draft.jwksUrl(), this.httpLoopback)) {
			return Optional.of(LtiRefusal.JWKS_URL_INVALID);
		}
		return Optional.empty();
	}

	/** An id a platform gives: printable, without spaces, of 1 to 255 characters. */
	private static boolean isIdentifier(String id) {
		return id != null && CLIENT_ID.admits(id) && id.codePoints().allMatch((c) -> c > 0x20 && c != 0x7f)
				&& TextLength.isWellFormed(id);
	}

	private static String described(PlatformDraft draft) {
		return described(draft.name(), draft.issuer(), draft.clientId());
	}

	private static String described(String name, String issuer, String clientId) {
		return name + " (" + issuer + ", client " + clientId + ")";
	}

}
