package org.guestpass.account;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one password rule: at least 12 characters, at most the 72 bytes BCrypt reads,
 * counted in UTF-8.
 */
class PasswordRuleTests {

	@Test
	void acceptsUpToSeventyTwoBytesWhateverTheCharactersTakeAndNoMore() {
		assertThat(bytes("a".repeat(72))).isEqualTo(72);
		assertThat(PasswordRule.check("a".repeat(72))).isEmpty();
		assertThat(PasswordRule.check("a".repeat(73))).contains(PasswordRule.Violation.TOO_LONG);
		assertThat(PasswordRule.check("a".repeat(80))).contains(PasswordRule.Violation.TOO_LONG);

		assertThat(bytes("é".repeat(30))).isEqualTo(60);
		assertThat(PasswordRule.check("é".repeat(30))).isEmpty();
		assertThat(PasswordRule.check("é".repeat(36))).as("72 bytes").isEmpty();
		assertThat(bytes("é".repeat(37))).isEqualTo(74);
		assertThat(PasswordRule.check("é".repeat(37))).contains(PasswordRule.Violation.TOO_LONG);

		assertThat(PasswordRule.check("😀".repeat(18))).as("72 bytes").isEmpty();
		assertThat(bytes("😀".repeat(19))).isEqualTo(76);
		assertThat(PasswordRule.check("😀".repeat(19))).contains(PasswordRule.Violation.TOO_LONG);
		assertThat(PasswordRule.check("漢".repeat(25))).as("75 bytes").contains(PasswordRule.Violation.TOO_LONG);
	}

	@Test
	void countsTwelveCharactersAsAPersonDoesSoAnEmojiIsOne() {
		assertThat(PasswordRule.check("elevenchars")).contains(PasswordRule.Violation.TOO_SHORT);
		assertThat(PasswordRule.check("twelve chars")).isEmpty();
		assertThat(PasswordRule.check("😀".repeat(11))).as("22 UTF-16 units, 11 characters")
			.contains(PasswordRule.Violation.TOO_SHORT);
		assertThat(PasswordRule.check("😀".repeat(12))).isEmpty();
		assertThat(PasswordRule.check("")).contains(PasswordRule.Violation.TOO_SHORT);
		assertThat(PasswordRule.check(null)).contains(PasswordRule.Violation.TOO_SHORT);
	}

	@Test
	void explainsTheLimitInWordsAPersonUnderstands() {
		assertThat(PasswordRule.Violation.TOO_LONG.message()).contains("72 bytes")
			.contains("accented letter 2")
			.contains("emoji 4");
		assertThat(PasswordRule.IN_WORDS).startsWith("At least 12 characters and at most 72 bytes");
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
