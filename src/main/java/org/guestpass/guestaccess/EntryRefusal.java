package org.guestpass.guestaccess;

/**
 * Why a guest cannot get in: each reason has its own message page and HTTP status.
 */
public enum EntryRefusal {

	INVALID_LINK(404, "This link isn't valid",
			"Check that you copied the whole link, or ask the person who shared it for a new one."),
	ACCESS_OFF(403, "The owner has turned off guest access",
			"Guest access to this media is switched off. Ask the person who shared the link if they can turn it on again."),
	EXPIRED(410, "This link has expired",
			"The link was only valid for a limited time. Ask the person who shared it for a new link."),
	USED_UP(410, "This link has reached its limit",
			"The link has been used as many times as its owner allowed. Ask the person who shared it for a new link."),
	MEDIA_GONE(410, "This media is no longer available",
			"The media behind this link was removed. Ask the person who shared the link if it is available elsewhere."),
	UNAVAILABLE(503, "Guest access isn't available right now",
			"Guest access is switched off on this site for the moment. Please try again later or ask the person who shared the link."),
	SESSION_ENDED(403, "Your guest access has ended", "Open the guest link you were given again to continue."),
	TOO_MANY_ATTEMPTS(429, "Too many attempts", "Please wait a few minutes, then open the link you were given again.");

	private final int status;

	private final String title;

	private final String advice;

	EntryRefusal(int status, String title, String advice) {
		this.status = status;
		this.title = title;
		this.advice = advice;
	}

	public int status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public String advice() {
		return this.advice;
	}

	/** The name used in the audit trail. */
	public String code() {
		return name().toLowerCase();
	}

}
