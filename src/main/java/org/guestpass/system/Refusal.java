package org.guestpass.system;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * Why GuestPass said no: the one contract every module's refusal enum implements, so that
 * adding a refusal means adding one constant. {@link Problems#refused} turns it into the
 * API's problem detail and {@link HtmlRefusals} into a form's field error or an error
 * page; no controller maps a refusal to a status of its own.
 */
public interface Refusal {

	/**
	 * The refusal's stable name, unique across GuestPass, as the audit trail records it;
	 * but {@code not_permitted} (403), which each module's refusal of what a caller's
	 * credentials do not allow answers with its own message.
	 */
	String code();

	/** The HTTP status a request refused for this reason answers with. */
	HttpStatus status();

	/** The form field or request field the refusal concerns, if it concerns one. */
	Optional<String> field();

	/** What the person who asked reads, in the product's words. */
	String message();

	/**
	 * When asking again may succeed, for a refusal that is the server's being busy rather
	 * than the request's fault: both mappers send it as {@code Retry-After}. None by
	 * default.
	 */
	default Optional<Duration> retryAfter() {
		return Optional.empty();
	}

	/**
	 * Whether the API reports this refusal as one invalid field of the request
	 * ({@code validation_failed} with an {@code errors} list) rather than as a problem of
	 * its own code: by default, when it concerns a field.
	 */
	default boolean isInvalidField() {
		return field().isPresent();
	}

}
