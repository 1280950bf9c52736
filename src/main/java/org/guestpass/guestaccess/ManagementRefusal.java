package org.guestpass.guestaccess;

import java.util.Optional;

import org.guestpass.system.Refusal;

import org.springframework.http.HttpStatus;

/**
 * Why an owner's change to guest access was refused. Each refusal's code is the API's
 * stable problem code (anything not found is {@code not_found} there), and the audit
 * trail's outcome.
 */
public enum ManagementRefusal implements Refusal {

	NOT_FOUND("media_not_found", HttpStatus.NOT_FOUND, null, "No such media item, or it is not yours."),
	NOT_PERMITTED("not_permitted", HttpStatus.FORBIDDEN, null, "You are not permitted to manage guest links."),
	MODULE_DISABLED("module_disabled", HttpStatus.CONFLICT, null,
			"Guest access needs the Invitetomedia module and the Theming module with mediapage set to Yes."),
	UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", HttpStatus.CONFLICT, null,
			"Guest access is not supported for channel rooms."),
	GUEST_ACCESS_DISABLED("guest_access_disabled", HttpStatus.CONFLICT, null,
			"Turn on Enable guest access before creating a link."),
	/** The item has as many links as the site's policy allows: the fourth of three. */
	LINK_LIMIT_REACHED("link_limit_reached", HttpStatus.CONFLICT, null,
			"This item already has as many guest links as allowed."),
	LINK_NOT_FOUND("link_not_found", HttpStatus.NOT_FOUND, null, "No such guest link."),
	/**
	 * Refused {@link Refusal#worded worded} by the site's own
	 * {@link org.guestpass.settings.GuestLinkPolicy#durationRule()}, which names its
	 * longest duration.
	 */
	DURATION_TOO_LONG("duration_too_long", HttpStatus.BAD_REQUEST, "durationDays",
			"Enter a whole number of days from 1 to the site's longest duration, or leave it empty."),
	/**
	 * The link would outlast the LMS course it is made from, on a site that holds links
	 * to their course's end; refused {@link Refusal#worded worded} by {@link CourseEnds}.
	 */
	DURATION_PAST_COURSE_END("duration_past_course_end", HttpStatus.BAD_REQUEST, "durationDays",
			"Enter a number of days that ends with the course."),
	/** The link's name, once normalised, breaks {@link TextRules#LINK_NAME}. */
	LINK_NAME_INVALID("link_name_invalid", HttpStatus.BAD_REQUEST, "name", TextRules.LINK_NAME.message());

	private final String code;

	private final HttpStatus status;

	private final String field;

	private final String message;

	ManagementRefusal(String code, HttpStatus status, String field, String message) {
		this.code = code;
		this.status = status;
		this.field = field;
		this.message = message;
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Optional<String> field() {
		return Optional.ofNullable(this.field);
	}

	@Override
	public String message() {
		return this.message;
	}

	/**
	 * The API names each of these refusals by its own code, a field's included, except
	 * the link's name, which is an invalid field of the request as Bean Validation's are.
	 */
	@Override
	public boolean isInvalidField() {
		return this == LINK_NAME_INVALID;
	}

}
