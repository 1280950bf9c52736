package org.guestpass.guestaccess;

import java.util.List;

import org.guestpass.Astral;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a guest may type: a name of 1 to 100 visible characters once normalised, and a
 * plausible email address.
 */
class TextRulesTests {

	@Test
	void aNameIsNfkcNormalised() {
		assertThat(TextRules.normalizeName("\uFF21\uFF44\uFF41")).isEqualTo("Ada");
		assertThat(TextRules.normalizeName("\uFB01nn")).isEqualTo("finn");
		assertThat(TextRules.normalizeName("Jose\u0301")).isEqualTo("Jos\u00E9");
	}

	@Test
	void aNameIsTrimmed() {
		assertThat(TextRules.normalizeName("  Ada Lovelace \t")).isEqualTo("Ada Lovelace");
		assertThat(TextRules.normalizeName("\u3000Ada\u3000")).isEqualTo("Ada");
		assertThat(TextRules.normalizeName("\u00A0Ada\u00A0")).isEqualTo("Ada");
		assertThat(TextRules.normalizeName(null)).isEmpty();
	}

	@Test
	void acceptsANameOfOneToAHundredCharacters() {
		assertThat(valid("A")).isTrue();
		assertThat(valid("Ada Lovelace")).isTrue();
		assertThat(valid("x".repeat(100))).isTrue();
		assertThat(valid("Zoë O'Brien-Łukasiewicz")).isTrue();
		assertThat(valid("李小龍")).isTrue();
	}

	@Test
	void countsANameInCharactersNotUtf16Units() {
		assertThat(valid(Astral.text(TextRules.MAX_NAME))).isTrue();
		assertThat(valid(Astral.after("Jane Roe ", TextRules.MAX_NAME))).isTrue();
		assertThat(valid(Astral.text(TextRules.MAX_NAME + 1))).isFalse();
		// NFKC comes first: a hundred mathematical script A are a hundred plain A.
		String scriptA = "\uD835\uDC9C".repeat(TextRules.MAX_NAME);
		assertThat(TextRules.normalizeName(scriptA)).isEqualTo("A".repeat(TextRules.MAX_NAME));
		assertThat(valid(scriptA)).isTrue();
	}

	@Test
	void refusesHalfOfASurrogatePairInANameOrAnEmail() {
		char high = Astral.text(1).charAt(0);
		assertThat(valid("Ada" + high)).isFalse();
		assertThat(validEmail("ada" + high + "@example.org")).isFalse();
	}

	@Test
	void refusesAnEmptyOrBlankName() {
		assertThat(valid("")).isFalse();
		assertThat(valid("   ")).isFalse();
		assertThat(valid("\u3000")).isFalse();
		assertThat(valid(null)).isFalse();
	}

	@Test
	void refusesANameLongerThanAHundredCharacters() {
		assertThat(valid("x".repeat(101))).isFalse();
		assertThat(valid("  " + "x".repeat(100) + "  ")).isTrue();
	}

	@Test
	void countsAnEmojiAsOneCharacter() {
		String emoji = "\uD83D\uDE00";
		assertThat(emoji.length()).isEqualTo(2);
		assertThat(valid(emoji.repeat(100))).isTrue();
		assertThat(valid(emoji.repeat(101))).isFalse();
	}

	@Test
	void countsTheNormalisedName() {
		// One ligature becomes two letters: 100 of them are 200 characters once
		// normalised.
		assertThat(valid("\uFB01".repeat(50))).isTrue();
		assertThat(valid("\uFB01".repeat(51))).isFalse();
	}

	@Test
	void refusesControlCharacters() {
		for (String name : List.of("A\u0000da", "A\u0007da", "Ada\tLovelace", "Ada\nLovelace", "Ada\rLovelace",
				"A\u001Bda", "A\u007Fda", "A\u0085da")) {
			assertThat(valid(name)).as(escaped(name)).isFalse();
		}
	}

	@Test
	void refusesZeroWidthCharacters() {
		for (String name : List.of("A\u200Bda", "\u200BAda", "A\uFEFFda", "A\u200Cda")) {
			assertThat(valid(name)).as(escaped(name)).isFalse();
		}
	}

	@Test
	void refusesBidiOverridesAndIsolates() {
		for (String name : List.of("\u202EAda", "Ada\u202Egpj.exe", "\u202DAda", "\u2066Ada\u2069", "A\u2067da",
				"A\u2068da", "A\u202Ada", "A\u200Fda")) {
			assertThat(valid(name)).as(escaped(name)).isFalse();
		}
	}

	@Test
	void refusesLineAndParagraphSeparators() {
		assertThat(valid("Ada\u2028Lovelace")).isFalse();
		assertThat(valid("Ada\u2029Lovelace")).isFalse();
	}

	@Test
	void acceptsPlausibleEmails() {
		for (String email : List.of("ada@example.org", "ada.lovelace+guest@mail.example.co.uk", "a@b.io",
				"o'brien@example.ie", "ada_l-1@sub-domain.example.org", "  ada@example.org  ")) {
			assertThat(validEmail(email)).as(email).isTrue();
		}
	}

	@Test
	void refusesAnEmailWithoutAnAt() {
		assertThat(validEmail("ada.example.org")).isFalse();
		assertThat(validEmail("")).isFalse();
		assertThat(validEmail(null)).isFalse();
	}

	@Test
	void refusesAnEmailWhoseDomainHasNoDot() {
		assertThat(validEmail("ada@localhost")).isFalse();
		assertThat(validEmail("ada@example.")).isFalse();
		assertThat(validEmail("ada@.org")).isFalse();
		assertThat(validEmail("ada@example..org")).isFalse();
	}

	@Test
	void refusesAnEmailWithoutALocalPartOrWithTwoAts() {
		assertThat(validEmail("@example.org")).isFalse();
		assertThat(validEmail("ada@lovelace@example.org")).isFalse();
	}

	@Test
	void refusesAnEmailWithSpaces() {
		for (String email : List.of("ada lovelace@example.org", "ada@exa mple.org", "ada@example.org x",
				"ada\t@example.org", "ada\u00A0lovelace@example.org", "ada@example\u3000.org")) {
			assertThat(validEmail(email)).as(escaped(email)).isFalse();
		}
	}

	@Test
	void refusesAnEmailWithControlOrBidiCharacters() {
		assertThat(validEmail("ada\u0000@example.org")).isFalse();
		assertThat(validEmail("ada\u202E@example.org")).isFalse();
		assertThat(validEmail("ada\u200B@example.org")).isFalse();
	}

	@Test
	void acceptsAnEmailOfAtMost254Characters() {
		String longest = "ada@" + "e".repeat(246) + ".org";
		assertThat(longest).hasSize(254);
		assertThat(validEmail(longest)).isTrue();
		String tooLong = "ada@" + "e".repeat(247) + ".org";
		assertThat(tooLong).hasSize(255);
		assertThat(validEmail(tooLong)).isFalse();
	}

	@Test
	void acceptsALocalPartOfAtMost64Characters() {
		assertThat(validEmail("a".repeat(64) + "@example.org")).isTrue();
		assertThat(validEmail("a".repeat(65) + "@example.org")).isFalse();
	}

	@Test
	void countsAnEmailAndItsLocalPartInCharactersNotUtf16Units() {
		String local = Astral.text(TextRules.MAX_LOCAL_PART);
		String longest = local + "@" + Astral.after("example.", TextRules.MAX_EMAIL - TextRules.MAX_LOCAL_PART - 1);
		assertThat(longest.codePointCount(0, longest.length())).isEqualTo(TextRules.MAX_EMAIL);
		assertThat(validEmail(longest)).isTrue();
		assertThat(TextRules.isShortEnoughEmail(longest)).isTrue();
		String tooLong = local + "@" + Astral.after("example.", TextRules.MAX_EMAIL - TextRules.MAX_LOCAL_PART);
		assertThat(validEmail(tooLong)).isFalse();
		assertThat(TextRules.isShortEnoughEmail(tooLong)).isFalse();
		assertThat(validEmail(Astral.text(TextRules.MAX_LOCAL_PART + 1) + "@example.org")).isFalse();
	}

	private static boolean valid(String name) {
		return TextRules.isValidName(TextRules.normalizeName(name));
	}

	private static boolean validEmail(String email) {
		return TextRules.isValidEmail(TextRules.normalizeEmail(email));
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints()
			.forEach(
					(c) -> out.append((c < 0x20 || c > 0x7E) ? String.format("\\u%04X", c) : String.valueOf((char) c)));
		return out.toString();
	}

}
