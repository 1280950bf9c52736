package org.guestpass;

/**
 * Text made of characters outside the Basic Multilingual Plane, which
 * {@code String.length()}, Bean Validation's {@code @Size}, HTML's {@code maxlength} and
 * H2's {@code varchar(n)} count as two (a surrogate pair) and a person as one: the values
 * that show whether a length rule and its column agree. All of them are left as they are
 * by NFKC, so a normalised name reads back identical.
 */
public final class Astral {

	/**
	 * An emoji, a CJK ideograph of Extension B and a musical symbol: each one code point,
	 * two UTF-16 units.
	 */
	private static final String[] CHARACTERS = { "😀", "𠀀", "𝄞" };

	private Astral() {
	}

	/** Exactly {@code characters} code points, all outside the BMP. */
	public static String text(int characters) {
		return after("", characters);
	}

	/**
	 * The prefix, then characters outside the BMP up to {@code characters} code points in
	 * all.
	 */
	public static String after(String prefix, int characters) {
		StringBuilder text = new StringBuilder(prefix);
		int count = prefix.codePointCount(0, prefix.length());
		if (count > characters) {
			throw new IllegalArgumentException("The prefix is longer than " + characters + " characters");
		}
		for (int i = 0; count < characters; i++, count++) {
			text.append(CHARACTERS[i % CHARACTERS.length]);
		}
		return text.toString();
	}

}
