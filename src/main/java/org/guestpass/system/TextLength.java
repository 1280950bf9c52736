package org.guestpass.system;

/**
 * The one way GuestPass counts text: in Unicode code points, the characters a person
 * reads, where an emoji is one. {@code String.length()}, Bean Validation's {@code @Size},
 * HTML's {@code maxlength} and H2's {@code varchar(n)} count UTF-16 units instead, in
 * which a character outside the Basic Multilingual Plane takes two; so a column that
 * holds a rule's n characters is declared with {@link #UTF16_UNITS_PER_CHARACTER} × n
 * (PostgreSQL's varchar counts characters and needs only n). Half of a surrogate pair on
 * its own is no character at all ({@link #isWellFormed}). A field's length rule, with the
 * words that state it, is a {@link TextRule}.
 */
public final class TextLength {

	/** The most UTF-16 units one character takes (a surrogate pair). */
	public static final int UTF16_UNITS_PER_CHARACTER = 2;

	private TextLength() {
	}

	/** How many characters (code points) the text has; a lone surrogate counts as one. */
	public static int of(String text) {
		return text.codePointCount(0, text.length());
	}

	/** Whether the text has at most {@code max} characters. */
	public static boolean isAtMost(String text, int max) {
		// A string of at most max UTF-16 units has at most max characters: no need to
		// count.
		return text.length() <= max || of(text) <= max;
	}

	/**
	 * Whether every surrogate in the text is half of a pair. A lone one (which a JSON
	 * string can carry as an escape) counts as one code point, but PostgreSQL's driver
	 * stores it as "?" while H2 keeps it: typed text that is not well-formed is refused,
	 * so that it reads back the same on both.
	 */
	public static boolean isWellFormed(String text) {
		return text.codePoints().noneMatch((codePoint) -> Character.getType(codePoint) == Character.SURROGATE);
	}

	/**
	 * The text cut to its first {@code max} characters, never between the two halves of a
	 * pair.
	 */
	public static String truncate(String text, int max) {
		if (text == null || isAtMost(text, max)) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max));
	}

}
