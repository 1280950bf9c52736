package org.guestpass.guestaccess;

import org.guestpass.system.NumberRule;

/**
 * What an owner asks for when creating a link. The name is normalised and checked on
 * construction.
 *
 * @param name 1 to {@value TextRules#MAX_NAME} characters after normalising and trimming
 * @param maxClicks how many admissions the link allows, or null for unlimited
 * @param durationDays how many days the link lives, or null for never expiring; the
 * service holds them to the site's {@code GuestLinkPolicy#durationRule()}
 */
public record NewGuestLink(String name, Integer maxClicks, Integer durationDays) {

	public static final int MOST_CLICKS = 1_000_000;

	/**
	 * How many admissions a link may allow: from 1 to {@value #MOST_CLICKS}, or
	 * unlimited.
	 */
	public static final NumberRule CLICKS = NumberRule.optional(null, 1, MOST_CLICKS);

	public NewGuestLink {
		name = TextRules.normalizeName(name);
		if (!TextRules.isValidName(name)) {
			throw new IllegalArgumentException(TextRules.LINK_NAME.message());
		}
		if (!CLICKS.admits(maxClicks)) {
			throw new IllegalArgumentException(CLICKS.message());
		}
	}

	/** Whether the name would be accepted, so forms can say so next to the field. */
	public static boolean isValidName(String name) {
		return TextRules.isValidName(TextRules.normalizeName(name));
	}

}
