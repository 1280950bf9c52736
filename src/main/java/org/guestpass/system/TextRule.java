package org.guestpass.system;

/**
 * How long one typed text may be, in characters as {@link TextLength} counts them, and
 * the one sentence a person reads when it is not: every text field of GuestPass (API,
 * pages, and the {@code data-too-long} a page checks before sending) says it in these
 * words, built here from the field's noun and its limit, such as "Enter a title of 1 to
 * 200 characters." for a required field and "Enter a description of at most 2000
 * characters." for an optional one. A form carries the rule so that the page can check it
 * before sending; it never uses {@code maxlength}, which counts UTF-16 units and would
 * stop an emoji name halfway.
 *
 * @param noun what the field holds, with its article, as the sentence names it ("a
 * title", "an email address")
 * @param required whether the text needs at least one character
 * @param maxCharacters the most characters
 */
public record TextRule(String noun, boolean required, int maxCharacters) {

	/** A text of 1 to {@code maxCharacters} characters. */
	public static TextRule required(String noun, int maxCharacters) {
		return new TextRule(noun, true, maxCharacters);
	}

	/** A text that may be empty, of at most {@code maxCharacters} characters. */
	public static TextRule optional(String noun, int maxCharacters) {
		return new TextRule(noun, false, maxCharacters);
	}

	/** What a person reads when the text breaks the rule. */
	public String message() {
		return "Enter " + this.noun + " of " + (this.required ? "1 to " : "at most ") + this.maxCharacters
				+ " characters.";
	}

	/**
	 * Whether the text, as stored (trimmed or normalised by its owner), keeps the rule's
	 * length: not empty when required, and at most {@link #maxCharacters()} characters.
	 */
	public boolean admits(String text) {
		return (!this.required || !text.isEmpty()) && TextLength.isAtMost(text, this.maxCharacters);
	}

}
