package org.guestpass.settings;

/**
 * The site's rules for guest links.
 *
 * @param lowestRole the lowest role allowed to manage guest links, unless a user's own
 * override says otherwise
 * @param maxLinksPerItem how many links one item may have (1 to 3)
 * @param maxDurationDays the longest lifetime a link may be given, in days
 */
public record GuestLinkPolicy(LowestRole lowestRole, int maxLinksPerItem, int maxDurationDays) {

	public static final int MOST_LINKS_PER_ITEM = 3;

	public static final int MOST_DURATION_DAYS = 3650;

	public GuestLinkPolicy {
		if (lowestRole == null) {
			throw new IllegalArgumentException("lowestRole is required");
		}
		if (maxLinksPerItem < 1 || maxLinksPerItem > MOST_LINKS_PER_ITEM) {
			throw new IllegalArgumentException("maxLinksPerItem must be between 1 and 3");
		}
		if (maxDurationDays < 1 || maxDurationDays > MOST_DURATION_DAYS) {
			throw new IllegalArgumentException("maxDurationDays must be between 1 and 3650");
		}
	}

	/** The lowest role that may manage guest links. */
	public enum LowestRole {

		member, admin

	}

}
