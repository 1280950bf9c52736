package org.guestpass.lti;

import java.util.Locale;
import java.util.Optional;

import org.guestpass.system.Refusal;

import org.springframework.http.HttpStatus;

/**
 * Why a platform's registration or GuestPass's keys were refused; a registration that
 * does not exist is {@link org.guestpass.system.CommonRefusal#NOT_FOUND}.
 */
public enum LtiRefusal implements Refusal {

	PLATFORM_NAME_INVALID(HttpStatus.BAD_REQUEST, "name", Platforms.NAME.message()),
	ISSUER_INVALID(HttpStatus.BAD_REQUEST, "issuer", PlatformUrls.message("issuer")),
	CLIENT_ID_INVALID(HttpStatus.BAD_REQUEST, "clientId", Platforms.CLIENT_ID.message()),
	DEPLOYMENT_ID_INVALID(HttpStatus.BAD_REQUEST, "deploymentIds",
			"Enter each deployment ID on a line of its own, of 1 to " + Platforms.MAX_ID + " characters, at most "
					+ Platforms.MAX_DEPLOYMENTS + " of them."),
	AUTHORIZATION_URL_INVALID(HttpStatus.BAD_REQUEST, "authorizationUrl",
			PlatformUrls.message("authentication request URL")),
	TOKEN_URL_INVALID(HttpStatus.BAD_REQUEST, "tokenUrl", PlatformUrls.message("access token URL")),
	JWKS_URL_INVALID(HttpStatus.BAD_REQUEST, "jwksUrl", PlatformUrls.message("public keyset URL")),
	/**
	 * Another registration has the same issuer and client id: a launch could not tell
	 * them apart.
	 */
	PLATFORM_EXISTS(HttpStatus.CONFLICT, "clientId",
			"A platform with this issuer and client ID is already registered."),
	/** The newest key signs: make a new one before retiring it. */
	SIGNING_KEY(HttpStatus.CONFLICT, "", "This key signs GuestPass's messages. Add a new key before retiring it.");

	private final HttpStatus status;

	private final String field;

	private final String message;

	LtiRefusal(HttpStatus status, String field, String message) {
		this.status = status;
		this.field = field;
		this.message = message;
	}

	@Override
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Optional<String> field() {
		return this.field.isEmpty() ? Optional.empty() : Optional.of(this.field);
	}

	@Override
	public String message() {
		return this.message;
	}

	/**
	 * A registration that already exists is a conflict of its own code, shown next to the
	 * client id; the others are invalid fields.
	 */
	@Override
	public boolean isInvalidField() {
		return this != PLATFORM_EXISTS && field().isPresent();
	}

}
