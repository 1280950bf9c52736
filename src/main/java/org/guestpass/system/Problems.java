package org.guestpass.system;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem details with the stable {@code code} field every GuestPass API error
 * carries.
 */
public final class Problems {

	private Problems() {
	}

	/** A field that was refused, and why, in words a user can act on. */
	public record FieldError(String field, String message) {
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

	public static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String code, String detail) {
		return ResponseEntity.status(status).body(problem(status, code, detail));
	}

	public static ResponseEntity<ProblemDetail> notFound() {
		return response(HttpStatus.NOT_FOUND, "not_found", "No such resource, or it is not yours.");
	}

	public static ResponseEntity<ProblemDetail> invalidField(String field, String message) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields.",
					List.of(new FieldError(field, message))));
	}

}
