package org.guestpass.guestaccess;

import java.util.concurrent.atomic.AtomicInteger;

import org.guestpass.HostileInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name and email rules hold for any text at all: thousands of random and hostile
 * inputs. Each test counts the inputs the rule accepted and those it refused, and fails
 * when either is too few to have shown anything.
 */
class TextRulesPropertyTests {

	private static final int INPUTS = 5000;

	/** The fewest accepted (and refused) inputs a test must have checked. */
	private static final int ENOUGH = 250;

	@Test
	void anAcceptedNameIsShortCleanAndStableUnderNormalisation() {
		AtomicInteger accepted = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		new HostileInput(20261129L).texts().limit(INPUTS).forEach((typed) -> {
			String name = TextRules.normalizeName(typed);
			assertThat(TextRules.normalizeName(name)).as(typed).isEqualTo(name);
			if (!TextRules.isValidName(name)) {
				refused.incrementAndGet();
			}
			else {
				accepted.incrementAndGet();
				assertThat(name.codePointCount(0, name.length())).as(typed).isBetween(1, TextRules.MAX_NAME);
				assertThat(name).as(typed).isEqualTo(name.strip());
				assertThat(name.codePoints()).as(typed)
					.noneMatch(Character::isISOControl)
					.noneMatch((c) -> c >= 0x202A && c <= 0x202E)
					.noneMatch((c) -> c >= 0x2066 && c <= 0x2069)
					.noneMatch((c) -> c >= 0x200B && c <= 0x200F);
			}
		});
		assertThat(accepted.get()).as("accepted names checked").isGreaterThanOrEqualTo(ENOUGH);
		assertThat(refused.get()).as("refused names").isGreaterThanOrEqualTo(ENOUGH);
	}

	@Test
	void anAcceptedEmailIsShortAndHasOneLocalPartAndADomain() {
		AtomicInteger accepted = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		new HostileInput(4242L).texts().limit(INPUTS).forEach((typed) -> {
			String email = TextRules.normalizeEmail(typed);
			if (!TextRules.isValidEmail(email)) {
				refused.incrementAndGet();
			}
			else {
				accepted.incrementAndGet();
				assertThat(email.length()).as(typed).isLessThanOrEqualTo(TextRules.MAX_EMAIL);
				assertThat(email.substring(0, email.lastIndexOf('@')).length()).as(typed).isBetween(1, 64);
				assertThat(email.substring(email.lastIndexOf('@') + 1)).as(typed).contains(".");
				assertThat(email).as(typed).doesNotContainAnyWhitespaces();
			}
		});
		assertThat(accepted.get()).as("accepted emails checked").isGreaterThanOrEqualTo(ENOUGH);
		assertThat(refused.get()).as("refused emails").isGreaterThanOrEqualTo(ENOUGH);
	}

}
