package org.guestpass.system;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one place a {@link Refusal} becomes what a page shows: an error next to the form
 * field it concerns (or above the form when it concerns none), or the error page with the
 * refusal's status. The JSON API's counterpart is {@link Problems#refused(Refusal)}.
 */
public final class HtmlRefusals {

	private HtmlRefusals() {
	}

	/**
	 * Shows the refusal on the form bound to {@code errors}: next to its field, or as the
	 * form's own error when it concerns no field or one the form does not have.
	 */
	public static void reject(Refusal refusal, BindingResult errors) {
		Optional<String> field = refusal.field().filter((name) -> errors.getFieldType(name) != null);
		if (field.isPresent()) {
			errors.rejectValue(field.get(), refusal.code(), refusal.message());
		}
		else {
			errors.reject(refusal.code(), refusal.message());
		}
	}

	/**
	 * Answers the page that shows a refusal with the refusal's status, and its
	 * {@code Retry-After} when it has one.
	 */
	public static void answer(Refusal refusal, HttpServletResponse response) {
		response.setStatus(refusal.status().value());
		refusal.retryAfter()
			.ifPresent((wait) -> response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds())));
	}

	/**
	 * The error page of a refusal that leaves nothing to show on a form, to throw: it
	 * answers with the refusal's status.
	 */
	public static ResponseStatusException page(Refusal refusal) {
		return new ResponseStatusException(refusal.status(), refusal.message());
	}

}
