package org.guestpass.system;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem details with the stable {@code code} field every GuestPass API error
 * carries; {@link #refused(Refusal)} is the one place a {@link Refusal} becomes a
 * problem.
 */
public final class Problems {

	/** The code of a request with fields that were refused, listed in {@code errors}. */
	static final String VALIDATION_FAILED = "validation_failed";

	static final String INVALID_FIELDS = "The request has invalid fields.";

	private Problems() {
	}

	public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		HttpStatus known = HttpStatus.resolve(status.value());
		if (known != null) {
			problem.setTitle(known.getReasonPhrase());
		}
		problem.setProperty("code", code);
		return problem;
	}

	public static ProblemDetail problem(HttpStatusCode status, String code, String detail, List<FieldError> errors) {
		ProblemDetail problem = problem(status, code, detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * The problem of a refusal, with the refusal's status and message as its detail. Its
	 * {@code code} is the refusal's, except that anything not found is {@code not_found}
	 * (the API never tells "no such thing" from "not yours" or from which thing it was)
	 * and a refusal of one field's value is {@code validation_failed} with that field in
	 * {@code errors}, as Bean Validation's are. A refusal with its own code that concerns
	 * a field lists it in {@code errors} too.
	 */
	public static ProblemDetail problem(Refusal refusal) {
		if (refusal.status() == HttpStatus.NOT_FOUND) {
			return problem(HttpStatus.NOT_FOUND, CommonRefusal.NOT_FOUND.code(), refusal.message());
		}
		List<FieldError> errors = refusal.field()
			.map((field) -> new FieldError(field, refusal.message()))
			.stream()
			.toList();
		if (refusal.isInvalidField()) {
			return problem(refusal.status(), VALIDATION_FAILED, INVALID_FIELDS, errors);
		}
		ProblemDetail problem = problem(refusal.status(), refusal.code(), refusal.message());
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	/**
	 * The response to a refused request: {@link #problem(Refusal)} with its status, and
	 * its {@code Retry-After} when it has one.
	 */
	public static ResponseEntity<ProblemDetail> refused(Refusal refusal) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(refusal.status());
		refusal.retryAfter()
			.ifPresent((wait) -> response.header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds())));
		return response.body(problem(refusal));
	}

	/**
	 * The response to a request whose fields were refused, as Bean Validation's refusals
	 * are: 400 {@code validation_failed} with the fields in {@code errors}, by name.
	 */
	public static ResponseEntity<ProblemDetail> invalid(List<FieldError> errors) {
		List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, VALIDATION_FAILED, INVALID_FIELDS, sorted));
	}

	public static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String code, String detail) {
		return ResponseEntity.status(status).body(problem(status, code, detail));
	}

	public static ResponseEntity<ProblemDetail> notFound() {
		return refused(CommonRefusal.NOT_FOUND);
	}

	/** A field that was refused, and why, in words a user can act on. */
	public record FieldError(String field, String message) {
	}

}
