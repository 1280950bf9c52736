package org.guestpass.system;

import java.util.HashMap;
import java.util.List;

import org.guestpass.guestaccess.ManagementRefusal;
import org.guestpass.guestaccess.NewGuestLink;
import org.guestpass.settings.GuestLinkPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.validation.MapBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one way a typed whole number is read and refused, and the one sentence that says
 * so.
 */
class NumberRuleTests {

	private final NumberRule optionalDays = NumberRule.optional("days", 1, 365);

	private final NumberRule requiredCount = NumberRule.required(null, 1, 3);

	@Test
	void theSentenceNamesTheUnitTheBoundsAndWhetherTheFieldMayBeEmpty() {
		assertThat(this.optionalDays.message())
			.isEqualTo("Enter a whole number of days from 1 to 365, or leave it empty.");
		assertThat(this.requiredCount.message()).isEqualTo("Enter a whole number from 1 to 3.");
		assertThat(GuestLinkPolicy.DURATION_DAYS.message()).isEqualTo("Enter a whole number of days from 1 to 3650.");
		assertThat(NewGuestLink.CLICKS.message())
			.isEqualTo("Enter a whole number from 1 to 1000000, or leave it empty.");
	}

	@Test
	void readsTheNumbersWithinTheBoundsAndNothingElse() {
		assertThat(this.optionalDays.read("1").orNull()).isEqualTo(1);
		assertThat(this.optionalDays.read(" 365 ").orNull()).isEqualTo(365);
		assertThat(this.optionalDays.read("007").orNull()).isEqualTo(7);
		List<String> broken = List.of("0", "366", "-3", "+3", "1.5", "1e3", "abc", "٣", "３", "99999999999999999999",
				"2147483648");
		for (String text : broken) {
			NumberRule.Read read = this.optionalDays.read(text);
			assertThat(read.broken()).as(text).isTrue();
			assertThat(read.value()).as(text).isEmpty();
		}
	}

	@Test
	void anEmptyFieldIsNoNumberWhenOptionalAndBrokenWhenRequired() {
		for (String empty : new String[] { null, "", "   " }) {
			assertThat(this.optionalDays.read(empty).broken()).isFalse();
			assertThat(this.optionalDays.read(empty).orNull()).isNull();
			assertThat(this.requiredCount.read(empty).broken()).isTrue();
		}
		assertThat(this.optionalDays.admits(null)).isTrue();
		assertThat(this.requiredCount.admits(null)).isFalse();
	}

	@Test
	void aBrokenNumberIsItsFieldsErrorInTheRulesWords() {
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "form");

		assertThat(this.requiredCount.read("4", "links", errors)).isNull();
		assertThat(this.requiredCount.read("2", "other", errors)).isEqualTo(2);

		assertThat(errors.getFieldErrorCount()).isOne();
		assertThat(errors.getFieldError("links").getDefaultMessage()).isEqualTo(this.requiredCount.message());
	}

	@Test
	void aWordedRefusalIsTheSameRefusalInOtherWords() {
		Refusal worded = ManagementRefusal.DURATION_TOO_LONG.worded(this.optionalDays.message());

		assertThat(worded.kind()).isSameAs(ManagementRefusal.DURATION_TOO_LONG);
		assertThat(worded.worded("again").kind()).isSameAs(ManagementRefusal.DURATION_TOO_LONG);
		assertThat(worded.code()).isEqualTo("duration_too_long");
		assertThat(worded.status()).isEqualTo(ManagementRefusal.DURATION_TOO_LONG.status());
		assertThat(worded.field()).contains("durationDays");
		assertThat(worded.isInvalidField()).isFalse();
		assertThat(worded.message()).isEqualTo(this.optionalDays.message());
	}

}
