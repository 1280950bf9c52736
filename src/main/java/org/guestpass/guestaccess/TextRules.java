package org.guestpass.guestaccess;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What typed text must look like: names are NFKC-normalised and trimmed, and may not contain
 * control, zero-width or bidi-override characters; emails must be plausible.
 */
public final class TextRules {

	public static final int MAX_NAME = 100;

	public static final int MAX_EMAIL = 254;

	private static final int MAX_LOCAL_PART = 64;

	// UNICODE_CHARACTER_CLASS: \s also matches no-break and ideographic spaces, not only ASCII ones.
	private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+",
			Pattern.UNICODE_CHARACTER_CLASS);

	private TextRules() {
	}

	/** The name as stored: NFKC-normalised and trimmed. */
	public static String normalizeName(String name) {
		return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
	}

	/** Whether a normalised name is 1 to 100 characters of visible, well-behaved text. */
	public static boolean isValidName(String normalized) {
		int length = normalized.codePointCount(0, normalized.length());
		return length >= 1 && length <= MAX_NAME && normalized.codePoints().noneMatch(TextRules::isForbidden);
	}

	public static String normalizeEmail(String email) {
		return email == null ? "" : email.strip();
	}

	public static boolean isValidEmail(String normalized) {
		int at = normalized.lastIndexOf('@');
		return normalized.length() <= MAX_EMAIL && at > 0 && at <= MAX_LOCAL_PART
				&& EMAIL.matcher(normalized).matches() && normalized.codePoints().noneMatch(TextRules::isForbidden);
	}

	private static boolean isForbidden(int codePoint) {
		return Character.isISOControl(codePoint) || (codePoint >= 0x200B && codePoint <= 0x200F)
				|| (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
				|| codePoint == 0xFEFF || codePoint == 0x2028 || codePoint == 0x2029 || codePoint == 0x061C;
	}

}
