package org.guestpass.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GuestPass's GC log ({@code -Xlog:gc}): each collection's heap before and after, such as
 * {@code Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 2.345ms}.
 */
final class GcLog {

	private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

	private final Path file;

	GcLog(Path file) {
		this.file = file;
	}

	int lines() throws IOException {
		return read().size();
	}

	Span since(int line) throws IOException {
		List<String> lines = read();
		int collections = 0;
		long maxBefore = 0;
		long maxAfter = 0;
		for (String entry : lines.subList(Math.min(line, lines.size()), lines.size())) {
			Matcher pause = PAUSE.matcher(entry);
			if (pause.find()) {
				collections++;
				maxBefore = Math.max(maxBefore, bytes(pause.group(1), pause.group(2)));
				maxAfter = Math.max(maxAfter, bytes(pause.group(3), pause.group(4)));
			}
		}
		return new Span(collections, maxBefore, maxAfter);
	}

	private List<String> read() throws IOException {
		return Files.exists(this.file) ? Files.readAllLines(this.file) : List.of();
	}

	private static long bytes(String number, String unit) {
		long value = Long.parseLong(number);
		return switch (unit) {
			case "K" -> value * 1024;
			case "M" -> value * 1024 * 1024;
			default -> value * 1024 * 1024 * 1024;
		};
	}

	/**
	 * The collections of a stretch of the run: how many, and the most heap seen before
	 * and after one.
	 */
	record Span(int collections, long maxBefore, long maxAfter) {
	}

}
