package org.guestpass.guestaccess;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.guestpass.system.TextLength;
import org.guestpass.system.TextRule;

/**
 * What typed text must look like: names are NFKC-normalised and trimmed, and may not
 * contain control, zero-width or bidi-override characters, nor half a surrogate pair;
 * emails must be plausible. Lengths are counted in characters (code points), as
 * {@link TextLength} does.
 */
public final class TextRules {

	/** The most characters of a guest's name and of a link's name. */
	public static final int MAX_NAME = 100;

	/** The most characters of a guest's email. */
	public static final int MAX_EMAIL = 254;

	/** The most characters of an email's part before the {@code @}. */
	public static final int MAX_LOCAL_PART = 64;

	/** A guest's name, as the entry form asks for it. */
	public static final TextRule GUEST_NAME = TextRule.required("a name", MAX_NAME);

	/**
	 * A guest's email: how long it may be (what it must look like is
	 * {@link #isValidEmail}).
	 */
	public static final TextRule GUEST_EMAIL = TextRule.required("an email address", MAX_EMAIL);

	/** A guest link's name. */
	public static final TextRule LINK_NAME = TextRule.required("a link name", MAX_NAME);

	// UNICODE_CHARACTER_CLASS: \s also matches no-break and ideographic spaces, not only
	// ASCII ones.
	private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+",
			Pattern.UNICODE_CHARACTER_CLASS);

	private TextRules() {
	}

	/** The name as stored: NFKC-normalised and trimmed. */
	public static String normalizeName(String name) {
		return (name != null) ? Normalizer.normalize(name, Normalizer.Form.NFKC).strip() : "";
	}

	/**
	 * Whether a normalised name is 1 to {@value #MAX_NAME} characters of visible,
	 * well-behaved text.
	 */
	public static boolean isValidName(String normalized) {
		return GUEST_NAME.admits(normalized) && normalized.codePoints().noneMatch(TextRules::isForbidden);
	}

	public static String normalizeEmail(String email) {
		return (email != null) ? email.strip() : "";
	}

	/** Whether a normalised email has at most {@value #MAX_EMAIL} characters. */
	public static boolean isShortEnoughEmail(String normalized) {
		return TextLength.isAtMost(normalized, GUEST_EMAIL.maxCharacters());
	}

	/**
	 * Whether a normalised email is plausible: at most {@value #MAX_EMAIL} characters, of
	 * which at most {@value #MAX_LOCAL_PART} before the {@code @}.
	 */
	public static boolean isValidEmail(String normalized) {
		int at = normalized.lastIndexOf('@');
		return isShortEnoughEmail(normalized) && at > 0
				&& TextLength.isAtMost(normalized.substring(0, at), MAX_LOCAL_PART)
				&& EMAIL.matcher(normalized).matches() && normalized.codePoints().noneMatch(TextRules::isForbidden);
	}

	private static boolean isForbidden(int codePoint) {
		return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.SURROGATE
				|| (codePoint >= 0x200B && codePoint <= 0x200F) || (codePoint >= 0x202A && codePoint <= 0x202E)
				|| (codePoint >= 0x2066 && codePoint <= 0x2069) || codePoint == 0xFEFF || codePoint == 0x2028
				|| codePoint == 0x2029 || codePoint == 0x061C;
	}

}
