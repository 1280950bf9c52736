package org.guestpass.system;

import org.guestpass.Astral;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text is counted in characters (code points), as a person reads it, and cut only between
 * them.
 */
class TextLengthTests {

	@Test
	void countsACharacterOutsideTheBmpAsOne() {
		String emoji = Astral.text(100);
		assertThat(emoji).hasSize(200);
		assertThat(TextLength.of(emoji)).isEqualTo(100);
		assertThat(TextLength.of("Jane Roe")).isEqualTo(8);
		assertThat(TextLength.of("")).isZero();
	}

	@Test
	void aLimitAdmitsExactlyItsNumberOfCharactersWhateverTheirWidth() {
		assertThat(TextLength.isAtMost(Astral.text(100), 100)).isTrue();
		assertThat(TextLength.isAtMost(Astral.text(101), 100)).isFalse();
		assertThat(TextLength.isAtMost(Astral.after("Jane Roe ", 100), 100)).isTrue();
		assertThat(TextLength.isAtMost("x".repeat(100), 100)).isTrue();
		assertThat(TextLength.isAtMost("x".repeat(101), 100)).isFalse();
	}

	@Test
	void truncatesBetweenCharactersNeverInsideAPair() {
		String text = "ab" + Astral.text(10);
		String cut = TextLength.truncate(text, 5);
		assertThat(cut).isEqualTo("ab" + Astral.text(3));
		assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
		assertThat(TextLength.of(cut)).isEqualTo(5);
		for (int max = 0; max <= 12; max++) {
			String prefix = TextLength.truncate(text, max);
			assertThat(text).startsWith(prefix);
			assertThat(TextLength.of(prefix)).isEqualTo(Math.min(max, 12));
			assertThat(prefix.isEmpty() || !Character.isHighSurrogate(prefix.charAt(prefix.length() - 1))).isTrue();
		}
	}

	@Test
	void halfOfASurrogatePairAloneIsNotWellFormed() {
		assertThat(TextLength.isWellFormed(Astral.after("Jane Roe ", 20))).isTrue();
		assertThat(TextLength.isWellFormed("")).isTrue();
		String emoji = Astral.text(1);
		assertThat(TextLength.isWellFormed("a" + emoji.charAt(0) + "b")).isFalse();
		assertThat(TextLength.isWellFormed(String.valueOf(emoji.charAt(1)))).isFalse();
		assertThat(TextLength.isWellFormed("" + emoji.charAt(1) + emoji.charAt(0))).as("a pair the wrong way round")
			.isFalse();
	}

	@Test
	void leavesShortTextAndNullAsTheyAre() {
		assertThat(TextLength.truncate("short", 500)).isEqualTo("short");
		assertThat(TextLength.truncate(Astral.text(500), 500)).isEqualTo(Astral.text(500));
		assertThat(TextLength.truncate(null, 5)).isNull();
	}

}
