package org.guestpass.lti;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.guestpass.system.Refusal;

import org.springframework.http.HttpStatus;

/**
 * Why a Dynamic Registration could not be made, in words an LMS administrator can act on.
 */
public enum RegistrationRefusal implements Refusal {

	INCOMPLETE(HttpStatus.BAD_REQUEST,
			"The LMS opened the registration without its openid_configuration address. Start the registration "
					+ "again from the LMS."),
	CONFIGURATION_UNREACHABLE(HttpStatus.SERVICE_UNAVAILABLE,
			"GuestPass could not fetch the LMS's configuration. Try again in a minute; the registration token may "
					+ "also have expired, in which case start again from the LMS."),
	CONFIGURATION_INVALID(HttpStatus.BAD_REQUEST,
			"The LMS's configuration lacks its issuer or one of its endpoints (authorization, token, keyset, "
					+ "registration), or names one that is not an https:// address."),
	ISSUER_MISMATCH(HttpStatus.BAD_REQUEST,
			"The LMS's configuration names an issuer on another host than the configuration's own address, so "
					+ "GuestPass cannot tell it is the LMS it claims to be."),
	PLATFORM_REFUSED(HttpStatus.BAD_REQUEST,
			"The LMS refused GuestPass's registration, or answered without a client ID. Start the registration "
					+ "again from the LMS; its registration token may have expired."),
	/**
	 * The platform registered GuestPass, but the registration could not be kept; refused
	 * {@link Refusal#worded worded} with the ids the platform gave.
	 */
	NOT_KEPT(HttpStatus.CONFLICT,
			"The LMS registered GuestPass, but GuestPass could not keep the registration. Add it under LMS platforms "
					+ "with the client ID the LMS shows."),
	/** The confirmation page was not opened in this session, or was already used. */
	EXPIRED(HttpStatus.BAD_REQUEST,
			"This registration was already sent, or was started in another window. Start it again from the LMS.");

	private final HttpStatus status;

	private final String message;

	RegistrationRefusal(HttpStatus status, String message) {
		this.status = status;
		this.message = message;
	}

	@Override
	public String code() {
		return "registration_" + name().toLowerCase(Locale.ROOT);
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
		if (this != CONFIGURATION_UNREACHABLE) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofSeconds(60));
	}

}
