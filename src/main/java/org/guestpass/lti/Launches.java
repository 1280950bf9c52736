package org.guestpass.lti;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jwt.SignedJWT;
import org.guestpass.account.PlatformUser;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.Outcome;
import org.guestpass.system.TextLength;
import org.guestpass.system.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The LTI 1.3 launch (1EdTech Security Framework 1.0): a platform's login is answered
 * with an authentication request that carries a single-use state and nonce, and the
 * launch that comes back is checked in full before anyone is let in. Each check that
 * fails is a {@link LaunchRefusal} of its own; the log line of a refusal holds its
 * reference, never a token.
 */
@Service
public class Launches {

	private static final Logger log = LoggerFactory.getLogger(Launches.class);

	private static final String VERSION = "1.3.0";

	private static final Set<String> MESSAGE_TYPES = Set.of(Launch.RESOURCE_LINK, Launch.DEEP_LINKING);

	private final Platforms platforms;

	private final LoginRepository logins;

	private final PlatformKeys keys;

	private final Clock clock;

	private final Duration loginLifetime;

	private final Duration clockSkew;

	private final boolean httpLoopback;

	Launches(Platforms platforms, LoginRepository logins, PlatformKeys keys, Clock clock,
			GuestPassProperties properties) {
		this.platforms = platforms;
		this.logins = logins;
		this.keys = keys;
		this.clock = clock;
		this.loginLifetime = properties.lti().loginLifetime();
		this.clockSkew = properties.lti().clockSkew();
		this.httpLoopback = properties.lti().allowHttpLoopback();
	}

	/**
	 * Answers a platform's login: the authentication request to send the browser to, with
	 * a new state bound to this browser (by the hash of its login cookie) and a new
	 * nonce, which one launch within the login lifetime may use. The target link must be
	 * one of GuestPass's own addresses ({@code launchUrl}'s origin).
	 */
	@Transactional
	public Outcome<AuthenticationRequest> login(LoginRequest login, String browser, String launchUrl) {
		if (!login.isComplete()) {
			return Outcome.refused(LaunchRefusal.LOGIN_INCOMPLETE);
		}
		Optional<Platform> platform = (login.clientId() != null && !login.clientId().isBlank())
				? this.platforms.find(login.issuer(), login.clientId()) : this.platforms.findOnly(login.issuer());
		if (platform.isEmpty()) {
			return Outcome.refused(LaunchRefusal.PLATFORM_UNKNOWN);
		}
		// Any scheme GuestPass itself is served on: the origin must be its own.
		if (!PlatformUrls.isValid(login.targetLinkUri(), true)
				|| !PlatformUrls.origin(login.targetLinkUri()).equals(PlatformUrls.origin(launchUrl))) {
			return Outcome.refused(LaunchRefusal.TARGET_LINK_FOREIGN);
		}
		Instant now = this.clock.instant();
		// Logins no launch answered in time, and nonces past their tokens' expiry, go.
		this.logins.deleteStartedBefore(now.minus(this.loginLifetime));
		this.logins.deleteNoncesExpiredBefore(now.minus(this.clockSkew));
		String state = Tokens.generate();
		String nonce = Tokens.generate();
		this.logins.insert(Tokens.hash(state), platform.get().id(), nonce, login.targetLinkUri(), Tokens.hash(browser),
				now);
		return Outcome.done(new AuthenticationRequest(platform.get(), state, nonce, launchUrl, login));
	}

	/**
	 * Checks a launch: its state (known, young enough, started by this browser), its
	 * id_token's signature against the platform's keys, and its claims (issuer, audience
	 * and authorized party, times within the clock skew, the login's nonce, version
	 * 1.3.0, the message type, an allowed deployment, the signed target link against the
	 * login's). The nonce of a token that passed its signature and the login's checks is
	 * used up at once, on every node, so a replayed launch is refused wherever it is
	 * sent; the state is used up by the launch that gets in. No transaction is held while
	 * the platform's keys are fetched.
	 */
	public Outcome<Launch> launch(String state, String idToken, String browser) {
		if (state == null || state.isBlank()) {
			return Outcome.refused(LaunchRefusal.STATE_UNKNOWN);
		}
		String stateHash = Tokens.hash(state);
		Optional<LoginRepository.PendingLogin> found = this.logins.find(stateHash);
		if (found.isEmpty()) {
			return Outcome.refused(LaunchRefusal.STATE_UNKNOWN);
		}
		LoginRepository.PendingLogin login = found.get();
		Instant now = this.clock.instant();
		if (!login.createdAt().plus(this.loginLifetime).isAfter(now)) {
			return Outcome.refused(LaunchRefusal.STATE_EXPIRED);
		}
		if (browser == null || !Tokens.hash(browser).equals(login.browserHash())) {
			return Outcome.refused(LaunchRefusal.STATE_OTHER_BROWSER);
		}
		if (idToken == null || idToken.isBlank()) {
			return Outcome.refused(LaunchRefusal.TOKEN_MISSING);
		}
		Optional<Platform> platform = this.platforms.find(login.platformId());
		if (platform.isEmpty()) {
			return Outcome.refused(LaunchRefusal.PLATFORM_UNKNOWN);
		}
		Optional<SignedJWT> parsed = parse(idToken);
		if (parsed.isEmpty() || !JWSAlgorithm.RS256.equals(parsed.get().getHeader().getAlgorithm())) {
			return Outcome.refused(LaunchRefusal.SIGNATURE_INVALID);
		}
		if (!hasTimes(parsed.get())) {
			return Outcome.refused(LaunchRefusal.CLAIM_INVALID);
		}
		Jwt jwt;
		try {
			jwt = this.keys.verify(platform.get(), idToken);
		}
		catch (BadJwtException ex) {
			return Outcome.refused(LaunchRefusal.SIGNATURE_INVALID);
		}
		catch (JwtException ex) {
			if (isRateLimited(ex)) {
				// A key id the platform's keys fetched a moment ago do not hold: no key
				// signed it.
				return Outcome.refused(LaunchRefusal.SIGNATURE_INVALID);
			}
			log.warn("Could not fetch the public keys of the LTI platform {} ({}): {}", platform.get().name(),
					platform.get().jwksUrl(), ex.getMessage());
			return Outcome.refused(LaunchRefusal.PLATFORM_KEYS_UNREACHABLE);
		}
		Optional<LaunchRefusal> refused = checkToken(jwt, platform.get(), login, now);
		if (refused.isPresent()) {
			return Outcome.refused(refused.get());
		}
		this.logins.deleteNoncesExpiredBefore(now.minus(this.clockSkew));
		if (!this.logins.useNonce(platform.get().id(), login.nonce(), jwt.getExpiresAt().plus(this.clockSkew))) {
			return Outcome.refused(LaunchRefusal.NONCE_REPLAYED);
		}
		if (!this.logins.markUsed(stateHash, now)) {
			return Outcome.refused(LaunchRefusal.STATE_UNKNOWN);
		}
		this.logins.deleteStartedBefore(now.minus(this.loginLifetime));
		return message(jwt, platform.get(), login);
	}

	/** The token's issuer, audience, times and nonce, against the login's platform. */
	private Optional<LaunchRefusal> checkToken(Jwt jwt, Platform platform, LoginRepository.PendingLogin login,
			Instant now) {
		if (!platform.issuer().equals(jwt.getClaimAsString("iss"))) {
			return Optional.of(LaunchRefusal.ISSUER_MISMATCH);
		}
		List<String> audience = (jwt.getAudience() != null) ? jwt.getAudience() : List.of();
		String authorizedParty = jwt.getClaimAsString("azp");
		if (!audience.contains(platform.clientId())
				|| (audience.size() > 1 && !platform.clientId().equals(authorizedParty))
				|| (authorizedParty != null && !platform.clientId().equals(authorizedParty))) {
			return Optional.of(LaunchRefusal.AUDIENCE_MISMATCH);
		}
		if (jwt.getExpiresAt() == null || jwt.getIssuedAt() == null) {
			return Optional.of(LaunchRefusal.CLAIM_INVALID);
		}
		if (!jwt.getExpiresAt().plus(this.clockSkew).isAfter(now)) {
			return Optional.of(LaunchRefusal.TOKEN_EXPIRED);
		}
		if (jwt.getIssuedAt().minus(this.clockSkew).isAfter(now)
				|| (jwt.getNotBefore() != null && jwt.getNotBefore().minus(this.clockSkew).isAfter(now))) {
			return Optional.of(LaunchRefusal.TOKEN_NOT_YET_VALID);
		}
		if (!login.nonce().equals(jwt.getClaimAsString("nonce"))) {
			return Optional.of(LaunchRefusal.NONCE_MISMATCH);
		}
		return Optional.empty();
	}

	/** The LTI message: its version, type, deployment, target link and claims. */
	private Outcome<Launch> message(Jwt jwt, Platform platform, LoginRepository.PendingLogin login) {
		if (!VERSION.equals(jwt.getClaimAsString(Launch.CLAIMS + "version"))) {
			return Outcome.refused(LaunchRefusal.VERSION_UNSUPPORTED);
		}
		String messageType = jwt.getClaimAsString(Launch.CLAIMS + "message_type");
		if (!MESSAGE_TYPES.contains(messageType)) {
			return Outcome.refused(LaunchRefusal.MESSAGE_UNSUPPORTED);
		}
		String deploymentId = jwt.getClaimAsString(Launch.CLAIMS + "deployment_id");
		if (!platform.allowsDeployment(deploymentId)) {
			// Not a secret, and what the admin must add to the registration.
			log.info("LTI launch from {} names the deployment {}, which its registration does not allow",
					platform.name(),
					TextLength.truncate(String.valueOf(deploymentId), Platforms.MAX_ID).replaceAll("\\p{Cntrl}", "_"));
			return Outcome.refused(LaunchRefusal.DEPLOYMENT_UNKNOWN);
		}
		String targetLinkUri = jwt.getClaimAsString(Launch.CLAIMS + "target_link_uri");
		if (Launch.RESOURCE_LINK.equals(messageType) && !Objects.equals(targetLinkUri, login.targetLinkUri())) {
			return Outcome.refused(LaunchRefusal.TARGET_LINK_MISMATCH);
		}
		Outcome<List<String>> roles = roles(jwt);
		if (roles.isRefused() || !hasRequiredClaims(jwt, messageType)) {
			return Outcome.refused(LaunchRefusal.CLAIM_INVALID);
		}
		return Outcome.done(new Launch(platform, deploymentId, jwt.getSubject(), jwt.getClaimAsString("name"),
				jwt.getClaimAsString("email"), roles.value(), messageType,
				(targetLinkUri != null) ? targetLinkUri : login.targetLinkUri(), jwt.getClaims()));
	}

	/** The roles claim: a list of role URIs (empty for an anonymous launch). */
	private static Outcome<List<String>> roles(Jwt jwt) {
		Object roles = jwt.getClaims().get(Launch.CLAIMS + "roles");
		if (!(roles instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
			return Outcome.refused(LaunchRefusal.CLAIM_INVALID);
		}
		return Outcome.done(list.stream().map(String.class::cast).toList());
	}

	/**
	 * The claims each message must have: {@code sub}, and a resource link's
	 * {@code resource_link.id}, or a deep linking request's settings with their return
	 * URL.
	 */
	private boolean hasRequiredClaims(Jwt jwt, String messageType) {
		if (jwt.getSubject() == null || jwt.getSubject().isBlank()
				|| !TextLength.isAtMost(jwt.getSubject(), PlatformUser.MAX_SUBJECT)) {
			return false;
		}
		if (Launch.RESOURCE_LINK.equals(messageType)) {
			return jwt.getClaims().get(Launch.CLAIMS + "resource_link") instanceof Map<?, ?> link
					&& link.get("id") instanceof String id && !id.isBlank();
		}
		return jwt.getClaims()
			.get("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings") instanceof Map<?, ?> settings
				&& settings.get("deep_link_return_url") instanceof String url
				&& PlatformUrls.isValid(url, this.httpLoopback);
	}

	private static boolean isRateLimited(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RateLimitReachedException) {
				return true;
			}
		}
		return false;
	}

	private static Optional<SignedJWT> parse(String token) {
		try {
			return Optional.of(SignedJWT.parse(token));
		}
		catch (ParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether the token says when it was issued and when it expires, the expiry after the
	 * issue: checked before its signature, for the refusal to name the claims rather than
	 * the signature.
	 */
	private static boolean hasTimes(SignedJWT token) {
		try {
			Date issued = token.getJWTClaimsSet().getIssueTime();
			Date expires = token.getJWTClaimsSet().getExpirationTime();
			return issued != null && expires != null && expires.after(issued);
		}
		catch (ParseException ex) {
			return false;
		}
	}

}
