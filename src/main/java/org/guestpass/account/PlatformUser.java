package org.guestpass.account;

/**
 * A person as an LMS knows them: the platform's issuer and the person's id there, which
 * together name one GuestPass account, and the name and email the platform shares, if it
 * does.
 *
 * @param issuer the platform's issuer
 * @param subject the person's id on the platform ({@code sub}), at most 255 characters
 * @param name their name, if shared
 * @param email their email, if shared
 */
public record PlatformUser(String issuer, String subject, String name, String email) {

	/** The most characters of a person's id on their platform. */
	public static final int MAX_SUBJECT = 255;

	/** The most characters of the name kept; a longer one is cut. */
	public static final int MAX_NAME = 200;

	/** The most characters of the email kept; a longer one is cut. */
	public static final int MAX_EMAIL = 254;

}
