package org.guestpass.lti;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.guestpass.system.Refusal;

import org.springframework.http.HttpStatus;

/**
 * Why an LTI login or launch was refused, in words an LMS administrator can act on: the
 * launch page shows them with a reference to the log line that holds the details (never a
 * token).
 */
public enum LaunchRefusal implements Refusal {

	LOGIN_INCOMPLETE(HttpStatus.BAD_REQUEST,
			"The LMS started the launch without its issuer (iss), login_hint or target_link_uri. Check the tool's "
					+ "login URL in the LMS: it is GuestPass's /lti/login."),
	PLATFORM_UNKNOWN(HttpStatus.BAD_REQUEST,
			"GuestPass does not know this LMS. A GuestPass admin registers it under LMS platforms, with the issuer "
					+ "and client ID the LMS shows for GuestPass."),
	TARGET_LINK_FOREIGN(HttpStatus.BAD_REQUEST,
			"The LMS asked to open an address outside GuestPass. Check the tool's target link URI in the LMS: it "
					+ "is GuestPass's /lti/launch."),
	STATE_UNKNOWN(HttpStatus.BAD_REQUEST,
			"This launch was not started by GuestPass, or it was already used. Open GuestPass again from the LMS."),
	STATE_EXPIRED(HttpStatus.BAD_REQUEST,
			"The LMS took too long to answer the login. Open GuestPass again from the LMS."),
	STATE_OTHER_BROWSER(HttpStatus.BAD_REQUEST,
			"This launch was started in another browser or window, or this browser refused GuestPass's cookie. "
					+ "Open GuestPass again from the LMS, or in a new window."),
	TOKEN_MISSING(HttpStatus.BAD_REQUEST,
			"The LMS sent no id_token. Check that the tool's redirect URI in the LMS is GuestPass's /lti/launch."),
	SIGNATURE_INVALID(HttpStatus.UNAUTHORIZED,
			"The launch is not signed by a key of the LMS's public keyset. Check the public keyset (JWKS) URL in "
					+ "the platform's registration."),
	ISSUER_MISMATCH(HttpStatus.UNAUTHORIZED,
			"The launch names another issuer than the LMS the login came from. Check the issuer in the platform's "
					+ "registration."),
	AUDIENCE_MISMATCH(HttpStatus.UNAUTHORIZED,
			"The launch is meant for another tool than this registration's client ID. Check the client ID in the "
					+ "platform's registration."),
	TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED,
			"The launch had expired when it arrived. Check that the clocks of the LMS and of GuestPass are right."),
	TOKEN_NOT_YET_VALID(HttpStatus.UNAUTHORIZED,
			"The launch was issued in the future. Check that the clocks of the LMS and of GuestPass are right."),
	NONCE_MISMATCH(HttpStatus.UNAUTHORIZED,
			"The launch does not answer the login GuestPass sent. Open GuestPass again from the LMS."),
	NONCE_REPLAYED(HttpStatus.UNAUTHORIZED, "This launch was already used once. Open GuestPass again from the LMS."),
	VERSION_UNSUPPORTED(HttpStatus.BAD_REQUEST, "GuestPass speaks LTI 1.3.0; the LMS sent another version."),
	MESSAGE_UNSUPPORTED(HttpStatus.BAD_REQUEST,
			"GuestPass opens resource links and deep linking requests; the LMS sent another kind of message. Check "
					+ "the placements of GuestPass in the LMS."),
	/** Deep linking is verified, but its item picker is not built yet. */
	DEEP_LINKING_UNAVAILABLE(HttpStatus.BAD_REQUEST,
			"Placing GuestPass items in course pages is not available yet. Open GuestPass from the course "
					+ "navigation and share a guest link instead."),
	DEPLOYMENT_UNKNOWN(HttpStatus.FORBIDDEN,
			"This deployment of GuestPass in the LMS is not allowed. A GuestPass admin adds its deployment ID to "
					+ "the platform's registration."),
	TARGET_LINK_MISMATCH(HttpStatus.BAD_REQUEST,
			"The signed target link of the launch is not the one the login asked for. Open GuestPass again from "
					+ "the LMS."),
	CLAIM_INVALID(HttpStatus.BAD_REQUEST,
			"The launch lacks a claim LTI 1.3 requires, or holds it in another form. Check the LMS's LTI settings."),
	/** Retryable, after the wait the answer names: one address launched too often. */
	TOO_MANY_LAUNCHES(HttpStatus.TOO_MANY_REQUESTS,
			"GuestPass was opened from your network too many times in a short while. Wait a minute and open it again "
					+ "from the LMS."),
	/** Retryable: the platform's key endpoint did not answer. */
	PLATFORM_KEYS_UNREACHABLE(HttpStatus.SERVICE_UNAVAILABLE,
			"GuestPass could not fetch the LMS's public keys. Try again in a minute; if it persists, check the "
					+ "public keyset (JWKS) URL in the platform's registration.");

	private final HttpStatus status;

	private final String message;

	LaunchRefusal(HttpStatus status, String message) {
		this.status = status;
		this.message = message;
	}

	@Override
	public String code() {
		return "lti_" + name().toLowerCase(Locale.ROOT);
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Optional<String> field() {
		return Optional.empty();
	}

	@Override
	public String message() {
		return this.message;
	}

	@Override
	public Optional<Duration> retryAfter() {
		if (this != PLATFORM_KEYS_UNREACHABLE) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofSeconds(60));
	}

}
