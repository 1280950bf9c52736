package org.guestpass;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Random and hostile input for tests that must hold for any input: arbitrary Unicode
 * (controls, bidi overrides, surrogates, emoji), injection attempts, and lengths at and
 * past every limit; times at and past the limits of GuestPass, of PostgreSQL and of
 * {@link Instant}; numbers at and past the limits of counts and durations and of
 * {@code int} and {@code long}; passwords past bcrypt's 72 bytes; and the paths that the
 * frameworks under GuestPass answer by themselves. A fixed seed makes every run, and
 * every failure, repeatable.
 */
public final class HostileInput {

	private static final List<String> KNOWN_BAD = List.of("", " ", "<script>alert(1)</script>",
			"<img src=x onerror=alert(1)>", "'; drop table guest_link; --", "' or 1=1 --", "\u202E\u2066evil",
			"a\u200Bb", "%00", "\u0000", "../../etc/passwd", "${7*7}", "[[${7*7}]]", "a".repeat(5000), "😀".repeat(101),
			"x".repeat(100), "x".repeat(101), "javascript:alert(1)", "https://example.org/\r\nSet-Cookie: x=y",
			"ada@example.org", "Ｗebinar", "\uD800", "null", "{}", "[]");

	/**
	 * Instants at the edges: GuestPass keeps the years 1970 to 9999, PostgreSQL 4713 BC
	 * to 294276 AD, {@link Instant} the years -1000000000 to 1000000000; and text that
	 * Jackson or {@link Instant#parse} read oddly or not at all.
	 */
	private static final List<String> KNOWN_BAD_INSTANTS = List.of(Instant.MIN.toString(), Instant.MAX.toString(),
			"+294276-12-31T23:59:59.999999Z", "+294276-12-31T23:59:59.9999995Z", "+294277-01-01T00:00:00Z",
			"-4713-11-24T00:00:00Z", "-4714-11-24T00:00:00Z", "-0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
			"1969-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
			"+10000-01-01T00:00:00Z", "+1000000001-01-01T00:00:00Z", "-1000000001-01-01T00:00:00Z",
			"2030-01-01T00:00:00.000000001Z", "2030-01-01T00:00:00.0000000001Z", "2030-01-01T00:00:00+14:00",
			"2030-01-01T00:00:00-18:00", "2030-01-01T00:00:00+18:01", "2030-01-01T00:00:00+99:99",
			"2030-01-01T00:00:00", "2030-01-01", "2030-02-30T00:00:00Z", "2030-13-01T00:00:00Z", "2030-01-01T24:00:00Z",
			"2030-06-30T23:59:60Z", "2030-01-01T00:00:00Z[Europe/Amsterdam]", "2030-01-01 00:00:00Z", "tomorrow", "",
			" ", "0", "-1", "1e400", "null", "\u0000", "٢٠٣٠-٠١-٠١T00:00:00Z");

	/** Instants that PostgreSQL, H2 or GuestPass treat as a boundary. */
	private static final List<Instant> EDGES = List.of(Instant.MIN, Instant.MAX, Instant.EPOCH,
			Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("+294276-12-31T23:59:59.999999Z"),
			Instant.parse("-4713-11-24T00:00:00Z"), Instant.parse("2030-03-01T09:30:00Z"));

	/** What a {@code datetime-local} field may be sent, with or without a browser. */
	private static final List<String> KNOWN_BAD_LOCAL_TIMES = List.of("+294277-01-01T00:00",
			"+999999999-12-31T23:59:59.999999999", "-999999999-01-01T00:00", "1969-12-31T23:59", "1970-01-01T00:00",
			"9999-12-31T23:59", "+10000-01-01T00:00", "2030-03-01T09:30:00.0000001", "2030-03-01T09:30:00.000000001",
			"2030-02-30T09:30", "2030-03-01T25:00", "2030-03-01", "2030-03-01T09:30Z", "2030-03-01 09:30",
			"next monday", "", " ", "0", "\u0000", "2030-03-01T09:30".repeat(400));

	private static final List<String> ZONES = List.of("UTC", "Etc/GMT+12", "Etc/GMT-14", "Pacific/Kiritimati",
			"Europe/Amsterdam", "+18:00", "-18:00", "+18:01", "Z", "GMT+25", "Not/AZone", "", "../../etc/localtime",
			"x".repeat(5000));

	/**
	 * Counts and durations at and past their limits (1, 3, 365, 3650, 1000000) and those
	 * of int and long.
	 */
	private static final List<Object> KNOWN_BAD_COUNTS = List.of(0, 1, 2, 3, 4, 364, 365, 366, 3649, 3650, 3651,
			999_999, 1_000_000, 1_000_001, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 2_147_483_648L, Long.MAX_VALUE,
			Long.MIN_VALUE, new BigInteger("9223372036854775808"), new BigInteger("-9223372036854775809"), 1.5, 365.0,
			-0.0, new BigDecimal("1e400"), new BigDecimal("-1e400"), "365", " 365", "٣٦٥", "３６５", "1e3", "0x10", "",
			"365 days", true, List.of(365));

	/**
	 * Passwords past bcrypt's 72 bytes in one, two and four bytes a character, at its
	 * edge, very long, and with characters that are not text.
	 */
	private static final List<String> PASSWORDS = List.of("a".repeat(72), "a".repeat(73), "a".repeat(80),
			"é".repeat(30), "é".repeat(36), "é".repeat(37), "😀".repeat(18), "😀".repeat(19), "😀".repeat(20),
			"x".repeat(5000), "é".repeat(5000), "\u0000".repeat(12), "\uD800" + "a".repeat(12), "a".repeat(71) + "😀",
			"password with spaces and a tab\t");

	/**
	 * Paths that Spring answers without GuestPass's own controllers: the error page,
	 * actuator, the OpenAPI document, sign-in and sign-out, static files and webjars,
	 * with odd endings and traversal attempts.
	 */
	private static final List<String> FRAMEWORK_PATHS = List.of("/error", "/error/", "/error/500", "/error;x=1",
			"/error.json", "/error?status=500", "/actuator", "/actuator/", "/actuator/health", "/actuator/health/",
			"/actuator/health/db", "/actuator/health/diskSpace", "/actuator/health/liveness",
			"/actuator/health/readiness", "/actuator/health/x/y", "/actuator/health/%2e%2e/env", "/actuator/env",
			"/actuator/beans", "/actuator/heapdump", "/actuator/shutdown", "/actuator/info", "/actuator/mappings",
			"/v3/api-docs", "/v3/api-docs/", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/v3/api-docs/x",
			"/v3/api-docs/%00", "/v3/api-docs.yaml/x", "/swagger-ui.html", "/swagger-ui/index.html", "/login",
			"/login/", "/login?error", "/login;x=1", "/logout", "/logout/", "/webjars/", "/webjars/x",
			"/webjars/hls.js/", "/webjars/hls.js/0/hls.min.js", "/webjars/htmx.org/",
			"/webjars/../application.properties", "/webjars/%2e%2e/%2e%2e/application.properties",
			"/webjars/..%2f..%2fapplication.properties", "/webjars/..%5c..%5capplication.properties",
			"/webjars/..;/application.properties", "/webjars/%c0%ae%c0%ae/application.properties",
			"/webjars/%252e%252e/application.properties", "/css/../application.properties",
			"/css/%2e%2e/application.properties", "/css/guestpass.css/", "/js/menu.js;x=1", "/favicon.ico",
			"/robots.txt/x", "/demo/live/x", "/.env", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
			"/application.properties", "/db/migration/V1__guestpass.sql", "/templates/error.html",
			"/static/css/guestpass.css", "/%2e%2e/application.properties");

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

	/**
	 * A JSON-ish value: numbers of every size and sign, strings, booleans, lists, null.
	 */
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

	/**
	 * An instant as a JSON value: mostly text (edges, random years and nanoseconds, odd
	 * forms), sometimes not text.
	 */
	public Object jsonInstant() {
		return switch (this.random.nextInt(6)) {
			case 0, 1 -> KNOWN_BAD_INSTANTS.get(this.random.nextInt(KNOWN_BAD_INSTANTS.size()));
			case 2 -> anyInstant().toString();
			case 3 -> nearAnEdge().toString();
			case 4 -> withAnOffset(nearAnEdge());
			default -> jsonValue();
		};
	}

	/**
	 * A live session's start and end as JSON values: an end equal to the start, 1 ns, 100
	 * ns or 1 µs after or before it, or anything {@link #jsonInstant()} gives; either may
	 * be missing (null).
	 */
	public List<Object> jsonWindow() {
		Instant start = this.random.nextBoolean() ? nearAnEdge() : anyInstant();
		List<Object> window = new ArrayList<>();
		switch (this.random.nextInt(5)) {
			case 0 -> {
				long[] gaps = { 0, 1, 100, 999, 1000, 1001, -1, -1000 };
				window.add(start.toString());
				window.add(plusNanos(start, gaps[this.random.nextInt(gaps.length)]).toString());
			}
			case 1 -> {
				window.add(jsonInstant());
				window.add(null);
			}
			case 2 -> {
				window.add(null);
				window.add(jsonInstant());
			}
			default -> {
				window.add(jsonInstant());
				window.add(jsonInstant());
			}
		}
		return window;
	}

	/**
	 * What a {@code datetime-local} field may be sent: edges, random dates of any year,
	 * odd forms.
	 */
	public String localDateTime() {
		return switch (this.random.nextInt(4)) {
			case 0, 1 -> KNOWN_BAD_LOCAL_TIMES.get(this.random.nextInt(KNOWN_BAD_LOCAL_TIMES.size()));
			case 2 ->
				LocalDateTime
					.ofEpochSecond(
							randomBetween(LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC),
									LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC)),
							this.random.nextInt(1_000_000_000), ZoneOffset.UTC)
					.toString();
			default -> text();
		};
	}

	/** A time zone as a browser's script, or an attacker, reports it. */
	public String zone() {
		return ZONES.get(this.random.nextInt(ZONES.size()));
	}

	/** A count or a number of days as a JSON value, at and past every limit. */
	public Object jsonCount() {
		return (this.random.nextInt(4) == 0) ? jsonValue()
				: KNOWN_BAD_COUNTS.get(this.random.nextInt(KNOWN_BAD_COUNTS.size()));
	}

	/** A count or a number of days as a form field's text. */
	public String countText() {
		Object count = jsonCount();
		return (count instanceof String text) ? text : String.valueOf(count);
	}

	/** Every hostile password, each once. */
	public static List<String> passwords() {
		return PASSWORDS;
	}

	/** Every framework path, each once. */
	public static List<String> frameworkPaths() {
		return FRAMEWORK_PATHS;
	}

	/** A path variable's value that no framework path expects. */
	public String pathSegment() {
		return List
			.of("x", "0", "-1", "..", "%2e%2e", "%00", "%20", "a".repeat(300), "health", "%E2%80%AE",
					"9223372036854775808")
			.get(this.random.nextInt(11));
	}

	private Instant anyInstant() {
		return Instant.ofEpochSecond(randomBetween(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
				this.random.nextInt(1_000_000_000));
	}

	private Instant nearAnEdge() {
		Instant edge = EDGES.get(this.random.nextInt(EDGES.size()));
		long[] steps = { 0, 1, -1, 500, -500, 1000, -1000, 1_000_000_000L, -1_000_000_000L };
		return plusNanos(edge, steps[this.random.nextInt(steps.length)]);
	}

	private String withAnOffset(Instant instant) {
		try {
			return instant.atOffset(ZoneOffset.ofHours(this.random.nextInt(37) - 18)).toString();
		}
		catch (DateTimeException ex) {
			return instant.toString();
		}
	}

	private static Instant plusNanos(Instant instant, long nanos) {
		try {
			return instant.plusNanos(nanos);
		}
		catch (DateTimeException ex) {
			return instant;
		}
	}

	private long randomBetween(long from, long to) {
		return Math.min(to, from + (long) (this.random.nextDouble() * ((double) to - (double) from)));
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
