package org.guestpass.account;

/**
 * A person as an LMS knows them: the platform's issuer, the client id GuestPass has there
 * and the person's id on it, which together name one GuestPass account, and the name and
 * email the platform shares, if it does. The client id is part of the name so that no
 * other registration of the same issuer (another school on hosted Canvas, or a platform
 * an admin added with other keys) can speak for the same person.
 *
 * @param issuer the platform's issuer
 * @param clientId the client id of the registration the launch came through
 * @param subject the person's id on the platform ({@code sub}), at most 255 characters
 * @param name their name, if shared
 * @param email their email, if shared
 */
public record PlatformUser(String issuer, String clientId, String subject, String name, String email) {

	/** The most characters of a person's id on their platform. */
	public static final int MAX_SUBJECT = 255;

	/** The most characters of the name kept; a longer one is cut. */
	public static final int MAX_NAME = 200;

	/** The most characters of the email kept; a longer one is cut. */
	public static final int MAX_EMAIL = 254;

}
