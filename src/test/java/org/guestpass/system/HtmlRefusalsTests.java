package org.guestpass.system;

import org.guestpass.guestaccess.ManagementRefusal;
import org.guestpass.settings.GuestLinkPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' one mapper from a refusal to a form error or an error page.
 */
class HtmlRefusalsTests {

	@Test
	void theFourthLinkIsAnErrorOfTheWholeForm() {
		BindingResult errors = errors();

		HtmlRefusals.reject(ManagementRefusal.LINK_LIMIT_REACHED, errors);

		assertThat(errors.getFieldErrors()).isEmpty();
		assertThat(errors.getGlobalErrors()).singleElement().satisfies((error) -> {
			assertThat(error.getCode()).isEqualTo("link_limit_reached");
			assertThat(error.getDefaultMessage()).isEqualTo("This item already has as many guest links as allowed.");
		});
	}

	@Test
	void aRefusalOfAFieldIsShownNextToIt() {
		BindingResult errors = errors();

		HtmlRefusals.reject(ManagementRefusal.DURATION_TOO_LONG.worded(GuestLinkPolicy.durationRule(30).message()),
				errors);

		assertThat(errors.getGlobalErrors()).isEmpty();
		assertThat(errors.getFieldError("durationDays")).satisfies((error) -> {
			assertThat(error.getCode()).isEqualTo("duration_too_long");
			assertThat(error.getDefaultMessage())
				.isEqualTo("Enter a whole number of days from 1 to 30, or leave it empty.");
		});
	}

	@Test
	void aRefusalThatNoFormCanShowIsItsErrorPageWithItsStatus() {
		ResponseStatusException page = HtmlRefusals.page(ManagementRefusal.MODULE_DISABLED);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(page.getReason()).isEqualTo(ManagementRefusal.MODULE_DISABLED.message());
		assertThat(HtmlRefusals.page(ManagementRefusal.NOT_PERMITTED).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private static BindingResult errors() {
		return new BeanPropertyBindingResult(new Form("", ""), "form");
	}

	/** A form with the fields of the create-link form. */
	public record Form(String name, String durationDays) {
	}

}
