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

	/**
	 * This refusal in words that name what only the moment knows, such as the site's own
	 * limit ("… from 1 to 365 …"): the same code, status and field, so that both mappers
	 * show it as they show this one.
	 */
	default Refusal worded(String message) {
		return new Worded(kind(), message);
	}

	/** The refusal this one is, worded or not: compare refusals by it. */
	default Refusal kind() {
		return this;
	}

	/**
	 * A refusal in words of the moment's.
	 *
	 * @param kind the refusal it is
	 * @param message what the person who asked reads
	 */
	record Worded(Refusal kind, String message) implements Refusal {

		@Override
		public String code() {
			return this.kind.code();
		}

		@Override
		public HttpStatus status() {
			return this.kind.status();
		}

		@Override
		public Optional<String> field() {
			return this.kind.field();
		}

		@Override
		public Optional<Duration> retryAfter() {
			return this.kind.retryAfter();
		}

		@Override
		public boolean isInvalidField() {
			return this.kind.isInvalidField();
		}

	}

}
