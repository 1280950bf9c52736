package org.guestpass.system;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/**
 * Which whole numbers one typed number may be, and the one sentence a person reads when
 * it is not: every number field of GuestPass (API, pages, and the message a page shows
 * when the browser's own check fails) says it in these words, built here from the unit
 * and the bounds, such as "Enter a whole number of days from 1 to 365, or leave it
 * empty." for an optional field and "Enter a whole number from 1 to 3." for a required
 * one.
 *
 * @param unit what the number counts, as the sentence names it ("days"), or null
 * @param required whether the field must hold a number
 * @param least the smallest number allowed
 * @param most the largest number allowed
 */
public record NumberRule(String unit, boolean required, int least, int most) {

	/**
	 * A whole number as typed: digits 0 to 9 only (no sign, no other script's digits).
	 */
	private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]{1,18}");

	public NumberRule {
		if (least > most) {
			throw new IllegalArgumentException("least > most");
		}
	}

	/** A number from {@code least} to {@code most} that must be there. */
	public static NumberRule required(String unit, int least, int most) {
		return new NumberRule(unit, true, least, most);
	}

	/** A number from {@code least} to {@code most}, or none. */
	public static NumberRule optional(String unit, int least, int most) {
		return new NumberRule(unit, false, least, most);
	}

	/** What a person reads when the number breaks the rule. */
	public String message() {
		return "Enter a whole number" + ((this.unit != null) ? " of " + this.unit : "") + " from " + this.least + " to "
				+ this.most + (this.required ? "." : ", or leave it empty.");
	}

	/** Whether the number keeps the rule: within the bounds, or none when optional. */
	public boolean admits(Integer value) {
		return (value != null) ? (value >= this.least && value <= this.most) : !this.required;
	}

	/**
	 * Adds the field to a request's invalid fields, in the rule's words, when the value
	 * breaks the rule: the API's counterpart of {@link #read(String, String, Errors)}.
	 */
	public void check(Integer value, String field, List<Problems.FieldError> invalid) {
		if (!admits(value)) {
			invalid.add(new Problems.FieldError(field, message()));
		}
	}

	/**
	 * The number typed, read by the rule: empty when the text is blank (no number) or
	 * holds a number the rule admits, the number then; otherwise {@link Read#broken}.
	 */
	public Read read(String text) {
		if (text == null || text.isBlank()) {
			return this.required ? Read.BROKEN : Read.NONE;
		}
		String digits = text.strip();
		if (!ASCII_DIGITS.matcher(digits).matches()) {
			return Read.BROKEN;
		}
		long value = Long.parseLong(digits);
		return (value <= Integer.MAX_VALUE && admits((int) value)) ? new Read(Optional.of((int) value), false)
				: Read.BROKEN;
	}

	/**
	 * The number typed in a form's field, read by the rule: null when none was typed, or
	 * when it breaks the rule, which is then the field's error in the rule's words.
	 */
	public Integer read(String text, String field, Errors errors) {
		Read read = read(text);
		if (read.broken()) {
			errors.rejectValue(field, "numberRule", message());
		}
		return read.orNull();
	}

	/**
	 * A typed number as read by a rule.
	 *
	 * @param value the number, if one was typed and the rule admits it
	 * @param broken whether what was typed breaks the rule
	 */
	public record Read(Optional<Integer> value, boolean broken) {

		static final Read NONE = new Read(Optional.empty(), false);

		static final Read BROKEN = new Read(Optional.empty(), true);

		/** The number, or null when there is none. */
		public Integer orNull() {
			return this.value.orElse(null);
		}

	}

}
