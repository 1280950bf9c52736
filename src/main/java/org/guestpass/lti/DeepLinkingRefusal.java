package org.guestpass.lti;

import java.util.Locale;
import java.util.Optional;

import org.guestpass.system.Refusal;

import org.springframework.http.HttpStatus;

/**
 * Why GuestPass could not answer a deep linking request with the items chosen, in words
 * an LMS administrator or a teacher can act on.
 */
public enum DeepLinkingRefusal implements Refusal {

	DEEP_LINKING_NOT_REQUESTED(HttpStatus.BAD_REQUEST,
			"The LMS did not open GuestPass to place items in the course: it sent no deep linking request with a "
					+ "return URL. Add GuestPass from the LMS's editor or its place for external tool content."),
	DEEP_LINKING_RETURN_URL_INSECURE(HttpStatus.BAD_REQUEST,
			"The LMS's deep linking return URL is not an https:// address, and GuestPass sends the chosen items "
					+ "only over TLS. Check the LMS's own address in its settings."),
	DEEP_LINKING_LINKS_NOT_ACCEPTED(HttpStatus.BAD_REQUEST,
			"The LMS does not accept LTI links in this place (ltiResourceLink is not among its accept_types). Add "
					+ "GuestPass from a place that accepts external tool links, such as a module or a page."),
	DEEP_LINKING_ONE_ITEM_ONLY(HttpStatus.BAD_REQUEST,
			"The LMS accepts one item in this place. Choose only one, or add the others one at a time."),
	DEEP_LINKING_NOTHING_CHOSEN(HttpStatus.BAD_REQUEST, "Choose at least one item to place in the course.");

	private final HttpStatus status;

	private final String message;

	DeepLinkingRefusal(HttpStatus status, String message) {
		this.status = status;
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
		return Optional.empty();
	}

	@Override
	public String message() {
		return this.message;
	}

}
