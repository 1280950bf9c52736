package org.guestpass;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Random and hostile input for tests that must hold for any input: arbitrary Unicode (controls,
 * bidi overrides, surrogates, emoji), injection attempts, and lengths at and past every limit. A
 * fixed seed makes every run, and every failure, repeatable.
 */
public final class HostileInput {

	private static final List<String> KNOWN_BAD = List.of("", " ", "<script>alert(1)</script>",
			"<img src=x onerror=alert(1)>", "'; drop table guest_link; --", "' or 1=1 --", "\u202E\u2066evil",
			"a\u200Bb", "%00", "\u0000", "../../etc/passwd", "${7*7}", "[[${7*7}]]", "a".repeat(5000),
			"😀".repeat(101), "x".repeat(100), "x".repeat(101), "javascript:alert(1)",
			"https://example.org/\r\nSet-Cookie: x=y", "ada@example.org", "Ｗebinar", "\uD800", "null", "{}", "[]");

	private final Random random;

	public HostileInput(long seed) {
		this.random = new Random(seed);
	}

	public Stream<String> texts() {
		return Stream.generate(this::text);
	}

	public String text() {
		return switch (this.random.nextInt(4)) {
			case 0 -> KNOWN_BAD.get(this.random.nextInt(KNOWN_BAD.size()));
			case 1 -> codePoints(0, 0x7f, 60);
			case 2 -> codePoints(0, 0x10FFFF, 300);
			default -> codePoints('a', 'z', 20) + "@example.org";
		};
	}

	/** A JSON-ish value: numbers of every size and sign, strings, booleans, lists, null. */
	public Object jsonValue() {
		return switch (this.random.nextInt(7)) {
			case 0 -> this.random.nextInt();
			case 1 -> this.random.nextLong();
			case 2 -> this.random.nextDouble() * (this.random.nextBoolean() ? 1e12 : -1);
			case 3 -> text();
			case 4 -> List.of(true, false, "member", "admin", 0, -1, 1, 3, 365, 366, Integer.MAX_VALUE, "1e9")
				.get(this.random.nextInt(12));
			case 5 -> List.of(1, 2);
			default -> null;
		};
	}

	private String codePoints(int from, int to, int maxLength) {
		StringBuilder text = new StringBuilder();
		int length = this.random.nextInt(maxLength + 1);
		for (int i = 0; i < length; i++) {
			int codePoint = from + this.random.nextInt(to - from + 1);
			if (codePoint >= 0xD800 && codePoint <= 0xDFFF && this.random.nextInt(4) != 0) {
				codePoint = 'x';
			}
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

}
