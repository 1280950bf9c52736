package org.guestpass.guestaccess;

import org.guestpass.HostileInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name and email rules hold for any text at all: thousands of random and hostile
 * inputs.
 */
class TextRulesPropertyTests {

	@Test
	void anAcceptedNameIsShortCleanAndStableUnderNormalisation() {
		new HostileInput(20261129L).texts().limit(5000).forEach((typed) -> {
			String name = TextRules.normalizeName(typed);
			assertThat(TextRules.normalizeName(name)).as(typed).isEqualTo(name);
			if (TextRules.isValidName(name)) {
				assertThat(name.codePointCount(0, name.length())).as(typed).isBetween(1, TextRules.MAX_NAME);
				assertThat(name).as(typed).isEqualTo(name.strip());
				assertThat(name.codePoints()).as(typed)
					.noneMatch(Character::isISOControl)
					.noneMatch((c) -> c >= 0x202A && c <= 0x202E)
					.noneMatch((c) -> c >= 0x2066 && c <= 0x2069)
					.noneMatch((c) -> c >= 0x200B && c <= 0x200F);
			}
		});
	}

	@Test
	void anAcceptedEmailIsShortAndHasOneLocalPartAndADomain() {
		new HostileInput(4242L).texts().limit(5000).forEach((typed) -> {
			String email = TextRules.normalizeEmail(typed);
			if (TextRules.isValidEmail(email)) {
				assertThat(email.length()).as(typed).isLessThanOrEqualTo(TextRules.MAX_EMAIL);
				assertThat(email.substring(0, email.lastIndexOf('@')).length()).as(typed).isBetween(1, 64);
				assertThat(email.substring(email.lastIndexOf('@') + 1)).as(typed).contains(".");
				assertThat(email).as(typed).doesNotContainAnyWhitespaces();
			}
		});
	}

}
