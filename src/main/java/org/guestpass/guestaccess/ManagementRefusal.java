package org.guestpass.guestaccess;

/**
 * Why an owner's change to guest access was refused; {@code code} is the API's stable
 * problem code.
 */
public enum ManagementRefusal {

	NOT_FOUND("not_found", "No such media item, or it is not yours."),
	NOT_PERMITTED("not_permitted", "You are not permitted to manage guest links."),
	MODULE_DISABLED("module_disabled",
			"Guest access needs the Invitetomedia module and the Theming module with mediapage set to Yes."),
	UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", "Guest access is not supported for channel rooms."),
	GUEST_ACCESS_DISABLED("guest_access_disabled", "Turn on Enable guest access before creating a link."),
	LINK_LIMIT_REACHED("link_limit_reached", "This item already has as many guest links as allowed."),
	LINK_NOT_FOUND("not_found", "No such guest link."),
	DURATION_TOO_LONG("duration_too_long", "The duration is longer than the site allows.");

	private final String code;

	private final String message;

	ManagementRefusal(String code, String message) {
		this.code = code;
		this.message = message;
	}

	public String code() {
		return this.code;
	}

	public String message() {
		return this.message;
	}

}
