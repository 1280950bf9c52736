package org.guestpass.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guestpass.guestaccess.ManagementRefusal;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's one mapper from a refusal to an RFC 9457 problem.
 */
class ProblemsTests {

	@Test
	void theFourthLinkIsAConflictWithItsOwnCodeAndMessage() {
		ResponseEntity<ProblemDetail> response = Problems.refused(ManagementRefusal.LINK_LIMIT_REACHED);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		ProblemDetail problem = response.getBody();
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getTitle()).isEqualTo("Conflict");
		assertThat(problem.getDetail()).isEqualTo("This item already has as many guest links as allowed.");
		assertThat(problem.getProperties()).containsExactly(Map.entry("code", "link_limit_reached"));
	}

	@Test
	void anythingNotFoundHasTheOneNotFoundCodeAndItsOwnWords() {
		ProblemDetail problem = Problems.problem(ManagementRefusal.LINK_NOT_FOUND);

		assertThat(problem.getStatus()).isEqualTo(404);
		assertThat(problem.getTitle()).isEqualTo("Not Found");
		assertThat(problem.getDetail()).isEqualTo("No such guest link.");
		assertThat(problem.getProperties()).containsExactly(Map.entry("code", "not_found"));
		assertThat(Problems.notFound().getBody().getDetail()).isEqualTo("No such resource, or it is not yours.");
	}

	@Test
	void aRefusedValueIsAFailedValidationThatNamesTheField() {
		ProblemDetail problem = Problems.problem(Test400.TITLE);

		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getDetail()).isEqualTo("The request has invalid fields.");
		assertThat(problem.getProperties()).containsEntry("code", "validation_failed")
			.containsEntry("errors", List.of(new Problems.FieldError("title", "Enter a title.")));
	}

	@Test
	void aRefusalWithACodeOfItsOwnListsItsFieldToo() {
		ProblemDetail problem = Problems.problem(ManagementRefusal.DURATION_TOO_LONG);

		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getDetail()).isEqualTo(ManagementRefusal.DURATION_TOO_LONG.message());
		assertThat(problem.getProperties()).containsEntry("code", "duration_too_long")
			.containsEntry("errors",
					List.of(new Problems.FieldError("durationDays", ManagementRefusal.DURATION_TOO_LONG.message())));
	}

	/** A refusal of one typed value, as media's and accounts' are. */
	private enum Test400 implements Refusal {

		TITLE;

		@Override
		public String code() {
			return "test_title";
		}

		@Override
		public HttpStatus status() {
			return HttpStatus.BAD_REQUEST;
		}

		@Override
		public Optional<String> field() {
			return Optional.of("title");
		}

		@Override
		public String message() {
			return "Enter a title.";
		}

	}

}
