package org.guestpass.settings;

import org.guestpass.system.NumberRule;

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

	/** How many links one item may have, as the site's policy sets it. */
	public static final NumberRule LINKS_PER_ITEM = NumberRule.required(null, 1, MOST_LINKS_PER_ITEM);

	/** The longest duration the site's policy may set. */
	public static final NumberRule DURATION_DAYS = NumberRule.required("days", 1, MOST_DURATION_DAYS);

	public GuestLinkPolicy {
		if (lowestRole == null) {
			throw new IllegalArgumentException("lowestRole is required");
		}
		if (!LINKS_PER_ITEM.admits(maxLinksPerItem)) {
			throw new IllegalArgumentException("maxLinksPerItem must be between 1 and 3");
		}
		if (!DURATION_DAYS.admits(maxDurationDays)) {
			throw new IllegalArgumentException("maxDurationDays must be between 1 and 3650");
		}
	}

	/** The lowest role that may manage guest links. */
	public enum LowestRole {

		member, admin

	}

	/**
	 * The number of days a new link may last: any up to the policy's longest, or none.
	 */
	public NumberRule durationRule() {
		return durationRule(this.maxDurationDays);
	}

	/**
	 * The number of days a new link may last on a site whose longest is {@code maxDays}.
	 */
	public static NumberRule durationRule(int maxDays) {
		return NumberRule.optional("days", 1, maxDays);
	}

}
