package org.guestpass.system;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the JSON API into a problem detail with a stable {@code code};
 * never an exception message or a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final String UNREADABLE_INSTANT = "Enter a time such as 2030-03-01T09:30:00Z.";

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
			.sorted(Comparator.comparing(Problems.FieldError::field))
			.toList();
		return ResponseEntity.badRequest()
			.body(Problems.problem(HttpStatus.BAD_REQUEST, Problems.VALIDATION_FAILED, Problems.INVALID_FIELDS,
					errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = databind.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: String.valueOf(reference.getIndex()))
				.collect(Collectors.joining("."));
			return ResponseEntity.badRequest()
				.body(Problems.problem(HttpStatus.BAD_REQUEST, Problems.VALIDATION_FAILED, Problems.INVALID_FIELDS,
						List.of(new Problems.FieldError(field, wrongFormat(databind)))));
		}
		return ResponseEntity.badRequest()
			.body(Problems.problem(HttpStatus.BAD_REQUEST, "malformed_request", "The request body is not valid JSON."));
	}

	/**
	 * What to write instead of a value of the wrong type or format: a time is shown as
	 * one is written.
	 */
	private static String wrongFormat(DatabindException ex) {
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() == Instant.class) {
			return UNREADABLE_INSTANT;
		}
		return "has the wrong type or format";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		// A path id that is not a number names nothing that exists.
		return Problems.notFound();
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "upload_too_large",
					"The file is larger than this server accepts."));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> brokenUpload(MultipartException ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		if (cause instanceof Error) {
			// Not the client's fault (say, a multipart threshold that buffers uploads in
			// a small heap).
			log.error("An upload failed on the server's side: {}", cause.getClass().getName());
		}
		return Problems.response(HttpStatus.BAD_REQUEST, "malformed_request", "The upload could not be read.");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) throws Exception {
		if (ex instanceof ErrorResponse) {
			return handleException(ex, request);
		}
		if (DatabaseUnavailable.isDatabaseUnreachable(ex)) {
			// Let the filter answer 503 for the whole request, the same way for pages and
			// the API.
			throw ex;
		}
		log.error("Unexpected error while handling an API request", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
					"Something went wrong on our side. Please try again."));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			problem.setProperty("code", codeFor(statusCode));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static String codeFor(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.name().toLowerCase() : "error";
	}

}
