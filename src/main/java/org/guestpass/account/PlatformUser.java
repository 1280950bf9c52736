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

	static final int MAX_NAME = 200;

	static final int MAX_EMAIL = 254;

}
