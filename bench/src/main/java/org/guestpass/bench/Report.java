package org.guestpass.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * Everything a run measured, and the three files it becomes: a Markdown report whose
 * first table gives every ratio with its target, the raw figures as JSON, and a chart of
 * the latency distributions as PNG.
 */
final class Report {

	private final Settings settings;

	private final LocalDateTime started = LocalDateTime.now();

	private final Map<String, Object> environment = new LinkedHashMap<>();

	private final Map<String, Object> database = new LinkedHashMap<>();

	private final Map<String, Object> links = new LinkedHashMap<>();

	private final Map<String, Double> timings = new LinkedHashMap<>();

	private final Map<String, Long> rowsAfter = new LinkedHashMap<>();

	private final List<Load.Result> results = new ArrayList<>();

	private final List<Ratio> ratios = new ArrayList<>();

	private final Map<String, Object> correctness = new LinkedHashMap<>();

	private final Map<String, Object> memory = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private String failure;

	Report(Settings settings) {
		this.settings = settings;
	}

	void environment(Map<String, Object> machine) {
		this.environment.putAll(machine);
	}

	void database(Map<String, String> described) {
		this.database.putAll(described);
	}

	void links(String which, long count) {
		this.links.put(which, count);
	}

	void rowsAfterTheRun(String table, long rows) {
		this.rowsAfter.put(table, rows);
	}

	void timing(String what, long startedNanos) {
		this.timings.put(what, Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0);
	}

	void add(Load.Result result) {
		this.results.add(result);
	}

	Load.Result result(String scenario, String target, int concurrency) {
		return this.results.stream()
			.filter((r) -> r.scenario().equals(scenario) && r.target().equals(target) && r.concurrency() == concurrency)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"No result for " + scenario + " / " + target + " / " + concurrency));
	}

	/**
	 * A line of the ratio table: GuestPass's figure over its baseline's. With
	 * {@code higherIsBetter} the target is met when the ratio is at least
	 * {@code threshold}; otherwise at most.
	 */
	void ratio(String scenario, int concurrency, double guestpass, Double baseline, String unit, String target,
			double threshold, boolean higherIsBetter) {
		Double ratio = (baseline == null || baseline == 0 || Double.isNaN(baseline)) ? null : guestpass / baseline;
		Boolean met = null;
		if (ratio != null) {
			met = higherIsBetter ? ratio >= threshold : ratio <= threshold;
		}
		this.ratios.add(new Ratio(scenario, concurrency, guestpass, baseline, unit, ratio, target, met));
	}

	void correctness(String what, Object value) {
		this.correctness.put(what, value);
	}

	void memory(String what, Object value) {
		this.memory.put(what, value);
	}

	void note(String note) {
		this.notes.add(note);
	}

	void failure(Exception ex) {
		StringWriter trace = new StringWriter();
		ex.printStackTrace(new PrintWriter(trace));
		this.failure = trace.toString();
	}

	/** The ratio table's lines, the correctness and memory checks included. */
	List<String[]> ratioRows() {
		List<String[]> rows = new ArrayList<>();
		for (Ratio ratio : this.ratios) {
			rows.add(new String[] { ratio.scenario(), String.valueOf(ratio.concurrency()),
					value(ratio.guestpass(), ratio.unit()),
					(ratio.baseline() == null) ? "not measured" : value(ratio.baseline(), ratio.unit()),
					(ratio.ratio() == null) ? "—" : ratio(ratio), ratio.target(), verdict(ratio.met(),
							(ratio.baseline() == null) ? "not measured: nginx missing" : "not measured") });
		}
		Object past = this.correctness.get("linksPastTheirLimit");
		if (past != null) {
			rows.add(new String[] { "Correctness: links admitted past their limit (all links, SQL)", "all",
					past.toString(), "—", "—", "0", verdict(((Number) past).longValue() == 0, "") });
		}
		if (this.correctness.get("race") instanceof Map<?, ?> race) {
			long expected = ((Number) race.get("expected")).longValue();
			long admitted = ((Number) race.get("admitted303")).longValue();
			long clicks = ((Number) race.get("clicks")).longValue();
			long sessions = ((Number) race.get("guestSessions")).longValue();
			rows.add(new String[] {
					"Correctness: " + race.get("links") + " links of " + race.get("limitPerLink") + " clicks raced for",
					race.get("clients").toString(),
					admitted + " admitted, " + clicks + " clicks, " + sessions + " sessions", expected + " each", "—",
					"= limit", verdict(admitted == expected && clicks == expected && sessions == expected, "") });
		}
		long serverErrors = this.results.stream().mapToLong(Load.Result::serverErrors).sum();
		if (!this.results.isEmpty()) {
			rows.add(new String[] { "Correctness: responses with a 5xx status (every scenario)", "all",
					String.valueOf(serverErrors), "—", "—", "0", verdict(serverErrors == 0, "") });
		}
		if (this.memory.get("peakRssBytes") instanceof Number peak) {
			rows.add(new String[] { "Memory: peak resident set of GuestPass (-Xmx" + this.settings.heap() + ")", "all",
					megabytes(peak.longValue()), "—", "—", "reported", "—" });
		}
		if (this.memory.get("heapAfterFullGcAfterStreamingBytes") instanceof Number after) {
			long before = ((Number) this.memory.get("heapAfterFullGcBeforeStreamingBytes")).longValue();
			long video = ((Number) this.memory.get("videoBytes")).longValue();
			long growth = after.longValue() - before;
			rows.add(new String[] {
					"Memory: live heap growth streaming to " + this.memory.get("streamingClients") + " guests",
					String.valueOf(this.memory.get("streamingClients")),
					megabytes(growth) + " (" + megabytes(before) + " → " + megabytes(after.longValue()) + ")",
					megabytes(video) + " video", String.format(Locale.ROOT, "%.3f", (double) growth / video),
					"< 0.05 × video", verdict(growth < video * 0.05, "") });
		}
		return rows;
	}

	/**
	 * Two decimals, or three where two would round a miss up to the target (0.499 is not
	 * 0.50).
	 */
	private static String ratio(Ratio ratio) {
		String two = String.format(Locale.ROOT, "%.2f", ratio.ratio());
		double threshold = Double.parseDouble(ratio.target().replaceAll("[^0-9.]", ""));
		boolean roundedMeets = ratio.target().startsWith(">=") ? Double.parseDouble(two) >= threshold
				: Double.parseDouble(two) <= threshold;
		return (roundedMeets == Boolean.TRUE.equals(ratio.met())) ? two
				: String.format(Locale.ROOT, "%.3f", ratio.ratio());
	}

	private static String verdict(Boolean met, String unmeasured) {
		if (met == null) {
			return unmeasured;
		}
		return met ? "yes" : "**NO**";
	}

	void printRatioTable() {
		List<String[]> rows = ratioRows();
		String[] head = { "scenario", "concurrency", "GuestPass", "baseline", "ratio", "target", "met?" };
		int[] widths = new int[head.length];
		for (String[] row : concat(head, rows)) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].replace("**", "").length());
			}
		}
		System.out.println();
		System.out.println("GuestPass versus the same machine's limits" + (this.settings.quick() ? " (quick run)" : "")
				+ ", wall time " + wallTime());
		StringBuilder rule = new StringBuilder();
		for (int width : widths) {
			rule.append("+").append("-".repeat(width + 2));
		}
		rule.append("+");
		System.out.println(rule);
		printRow(head, widths);
		System.out.println(rule);
		for (String[] row : rows) {
			printRow(row, widths);
		}
		System.out.println(rule);
		if (this.failure != null) {
			System.out.println("The run did not finish: see the report.");
		}
	}

	private static void printRow(String[] row, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < row.length; i++) {
			String cell = row[i].replace("**", "");
			boolean number = i >= 1 && i <= 4 && !cell.isEmpty() && Character.isDigit(cell.charAt(0));
			line.append("| ")
				.append(number ? " ".repeat(widths[i] - cell.length()) + cell
						: cell + " ".repeat(widths[i] - cell.length()))
				.append(" ");
		}
		System.out.println(line.append("|"));
	}

	private static List<String[]> concat(String[] head, List<String[]> rows) {
		List<String[]> all = new ArrayList<>();
		all.add(head);
		all.addAll(rows);
		return all;
	}

	/**
	 * Writes the Markdown report, the JSON figures and the PNG chart; their paths in that
	 * order.
	 */
	Path[] write(Path folder) throws IOException {
		Files.createDirectories(folder);
		// A smoke run's figures are no measurement: never mistaken for (or replacing) a
		// full run's.
		String kind = this.settings.quick() ? "-quick" : "";
		String name = this.started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd")) + kind;
		if (Files.exists(folder.resolve(name + ".md"))) {
			name = this.started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + kind;
		}
		Path markdown = folder.resolve(name + ".md");
		Path json = folder.resolve(name + ".json");
		Path png = folder.resolve(name + ".png");
		Files.writeString(json,
				new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(raw()));
		Chart.write(png, this.results);
		Files.writeString(markdown, markdown(png.getFileName().toString(), json.getFileName().toString()));
		return new Path[] { markdown, json, png };
	}

	String wallTime() {
		long seconds = System.currentTimeMillis() / 1000 - this.settings.startedAt();
		return seconds / 60 + " min " + seconds % 60 + " s";
	}

	private Map<String, Object> raw() {
		Map<String, Object> raw = new LinkedHashMap<>();
		raw.put("started", this.started.toString());
		raw.put("wallSeconds", System.currentTimeMillis() / 1000 - this.settings.startedAt());
		raw.put("settings", this.settings.describe());
		raw.put("machine", this.environment);
		raw.put("database", this.database);
		raw.put("links", this.links);
		raw.put("rowsAfterTheRun", this.rowsAfter);
		raw.put("setupSeconds", this.timings);
		List<Map<String, Object>> loads = new ArrayList<>();
		for (Load.Result result : this.results) {
			Map<String, Object> load = new LinkedHashMap<>();
			load.put("scenario", result.scenario());
			load.put("target", result.target());
			load.put("concurrency", result.concurrency());
			load.put("seconds", result.seconds());
			load.put("operations", result.operations());
			load.put("perSecond", round(result.perSecond()));
			load.put("bytes", result.bytes());
			load.put("megabytesPerSecond", round(result.megabytesPerSecond()));
			Map<String, Object> latency = new LinkedHashMap<>();
			latency.put("p50", round(result.millis(50)));
			latency.put("p90", round(result.millis(90)));
			latency.put("p99", round(result.millis(99)));
			latency.put("p999", round(result.millis(99.9)));
			latency.put("max", round(result.maxMillis()));
			latency.put("mean", round((result.operations() == 0) ? Double.NaN : result.latency().getMean() / 1000));
			load.put("latencyMs", latency);
			load.put("errors", result.errors());
			load.put("serverErrors", result.serverErrors());
			load.put("errorKinds", result.errorKinds());
			loads.add(load);
		}
		raw.put("loads", loads);
		raw.put("ratios", this.ratios);
		raw.put("correctness", this.correctness);
		raw.put("memory", this.memory);
		raw.put("notes", this.notes);
		raw.put("failure", this.failure);
		return raw;
	}

	private String markdown(String chart, String json) {
		StringBuilder md = new StringBuilder();
		md.append("# GuestPass benchmark, ")
			.append(this.started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
			.append("\n\n");
		md.append("`bench/run`")
			.append(this.settings.quick() ? " with `BENCH_QUICK=1` (a smoke run: short windows, smaller data; "
					+ "its figures are not a measurement)" : "")
			.append(", wall time ")
			.append(wallTime())
			.append(". Each GuestPass figure is divided by the same machine's limit for the same work, measured in the same "
					+ "run at the same concurrency: closed-loop clients, ")
			.append(this.settings.warmup().toSeconds())
			.append(" s of warm-up, then ")
			.append(this.settings.measure().toSeconds())
			.append(" s measured. Raw figures: [")
			.append(json)
			.append("](")
			.append(json)
			.append(").\n\n");
		if (this.failure != null) {
			md.append("**The run did not finish.** What it measured before is below; the error is at the end.\n\n");
		}
		md.append("## Ratios\n\n");
		md.append("| scenario | concurrency | GuestPass | baseline | ratio | target | met? |\n");
		md.append("| --- | ---: | ---: | ---: | ---: | --- | --- |\n");
		for (String[] row : ratioRows()) {
			md.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		md.append("\n![Latency distributions](").append(chart).append(")\n\n");

		md.append("## Machine and settings\n\n");
		this.environment.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
		md.append("- PostgreSQL: ");
		List<String> db = new ArrayList<>();
		this.database.forEach((key, value) -> db.add(key + " " + value));
		md.append(String.join(", ", db)).append('\n');
		md.append("- GuestPass: the packaged jar, `java -Xmx")
			.append(this.settings.heap())
			.append(" -jar`, default settings otherwise (HikariCP pool of 10, Tomcat's 200 threads)\n");
		md.append("- Database ceiling: HikariCP pool of ").append(this.settings.poolSize()).append('\n');
		md.append("- Statistics: `ANALYZE` before each scenario, as autovacuum keeps them in steady state\n");
		md.append("- Links in the database: ").append(this.links).append('\n');
		if (!this.rowsAfter.isEmpty()) {
			md.append("- Rows after the run: ").append(this.rowsAfter).append('\n');
		}
		md.append(
				"- Load generator: in the same machine (it shares the cores with the servers), one thread per client, "
						+ "HTTP/1.1 keep-alive\n\n");

		md.append("## Every load\n\n");
		md.append(
				"| scenario | measured | clients | throughput | p50 ms | p90 ms | p99 ms | max ms | errors (5xx) |\n");
		md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (Load.Result result : this.results) {
			boolean streaming = result.scenario().equals("Streaming");
			md.append("| ")
				.append(result.scenario())
				.append(" | ")
				.append(result.target())
				.append(" | ")
				.append(result.concurrency())
				.append(" | ")
				.append(streaming ? number(result.megabytesPerSecond()) + " MB/s" : number(result.perSecond()) + "/s")
				.append(" | ")
				.append(number(result.millis(50)))
				.append(" | ")
				.append(number(result.millis(90)))
				.append(" | ")
				.append(number(result.millis(99)))
				.append(" | ")
				.append(number(result.maxMillis()))
				.append(" | ")
				.append(result.errors())
				.append(" (")
				.append(result.serverErrors())
				.append(")")
				.append(" |\n");
		}
		boolean anyErrors = this.results.stream().anyMatch((r) -> r.errors() > 0);
		if (anyErrors) {
			md.append("\nErrors by kind:\n\n");
			for (Load.Result result : this.results) {
				if (result.errors() > 0) {
					md.append("- ")
						.append(result.scenario())
						.append(", ")
						.append(result.target())
						.append(", ")
						.append(result.concurrency())
						.append(" clients: ")
						.append(result.errorKinds())
						.append('\n');
				}
			}
		}

		md.append("\n## Correctness\n\n");
		if (this.correctness.get("race") instanceof Map<?, ?> race) {
			md.append("- The race: ")
				.append(race.get("clients"))
				.append(" clients made ")
				.append(race.get("attempts"))
				.append(" admission attempts on ")
				.append(race.get("links"))
				.append(" links of ")
				.append(race.get("limitPerLink"))
				.append(" clicks; responses by status ")
				.append(race.get("responses"))
				.append(", ")
				.append(race.get("transportFailures"))
				.append(" failed connections; afterwards ")
				.append(race.get("clicks"))
				.append(" clicks and ")
				.append(race.get("guestSessions"))
				.append(" guest sessions in the database (")
				.append(race.get("expected"))
				.append(" expected)\n");
		}
		if (this.correctness.get("linksPastTheirLimit") != null) {
			md.append("- Links whose clicks or guest sessions passed their limit, over every link with a limit: ")
				.append(this.correctness.get("linksPastTheirLimit"))
				.append('\n');
		}
		md.append("\n## Memory\n\n");
		memory(md);
		md.append("\n## The database ceiling of one admission\n\n");
		md.append(
				"What GuestPass sends to PostgreSQL for one new guest on a new address (read off `log_statement = all`); "
						+ "the ceiling sends the same, with the same transactions, straight through JDBC:\n\n```\n");
		AdmissionCeiling.STATEMENTS.forEach((line) -> md.append(line).append('\n'));
		md.append("```\n\n## Set-up times (seconds)\n\n");
		this.timings.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
		if (!this.notes.isEmpty()) {
			md.append("\n## Notes\n\n");
			this.notes.forEach((note) -> md.append("- ").append(note).append('\n'));
		}
		if (this.failure != null) {
			md.append("\n## The error\n\n```\n").append(this.failure).append("```\n");
		}
		return md.toString();
	}

	private void memory(StringBuilder md) {
		if (this.memory.get("peakRssBytes") instanceof Number peak) {
			md.append("- Peak resident set of GuestPass (VmHWM): ").append(megabytes(peak.longValue())).append('\n');
		}
		if (this.memory.get("peakRssBytesByPhase") instanceof Map<?, ?> phases && !phases.isEmpty()) {
			List<String> each = new ArrayList<>();
			phases.forEach((phase, bytes) -> each.add(phase + " " + megabytes(((Number) bytes).longValue())));
			md.append("- Highest resident set sampled (every 200 ms) during: ")
				.append(String.join(", ", each))
				.append('\n');
		}
		if (this.memory.get("heapAfterFullGcAfterStreamingBytes") instanceof Number after) {
			md.append("- Heap in use after a full collection: ")
				.append(megabytes(((Number) this.memory.get("heapAfterFullGcBeforeStreamingBytes")).longValue()))
				.append(" before streaming, ")
				.append(megabytes(after.longValue()))
				.append(" after streaming to ")
				.append(this.memory.get("streamingClients"))
				.append(" guests at once (the video: ")
				.append(megabytes(((Number) this.memory.get("videoBytes")).longValue()))
				.append(")\n");
		}
		if (this.memory.get("streamingGcCount") instanceof Number collections) {
			md.append("- While the most guests streamed: ")
				.append(collections)
				.append(" collections; the most heap in use before one ")
				.append(megabytes(((Number) this.memory.get("streamingHeapBeforeGcMaxBytes")).longValue()))
				.append(", the most left after one ")
				.append(megabytes(((Number) this.memory.get("streamingHeapAfterGcMaxBytes")).longValue()))
				.append('\n');
		}
		if (this.memory.get("outOfMemoryErrors") instanceof Number errors) {
			md.append("- OutOfMemoryError in GuestPass's log: ").append(errors).append('\n');
		}
	}

	/** The machine the run is on, as far as Java and /proc tell. */
	static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cpu", firstMatch(Path.of("/proc/cpuinfo"), "model name"));
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		String memory = firstMatch(Path.of("/proc/meminfo"), "MemTotal");
		if (memory != null) {
			machine.put("memory", megabytes(Long.parseLong(memory.replaceAll("[^0-9]", "")) * 1024));
		}
		String os = firstMatch(Path.of("/etc/os-release"), "PRETTY_NAME");
		machine.put("os", ((os != null) ? os.replace("\"", "") : System.getProperty("os.name")) + ", kernel "
				+ System.getProperty("os.version"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		return machine;
	}

	private static String firstMatch(Path file, String key) {
		try {
			for (String line : Files.readAllLines(file)) {
				if (line.startsWith(key)) {
					return line.substring(line.indexOf(line.contains(":") ? ':' : '=') + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return null;
	}

	static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
	}

	/** A figure with sensible precision: 12,345 · 123 · 12.3 · 1.23 · 0.123. */
	static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "—";
		}
		double magnitude = Math.abs(value);
		if (magnitude >= 1000) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (magnitude >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		if (magnitude >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		if (magnitude >= 1) {
			return String.format(Locale.ROOT, "%.2f", value);
		}
		return String.format(Locale.ROOT, "%.3f", value);
	}

	private static String value(Double value, String unit) {
		return (value != null) ? number(value) + unit : "—";
	}

	private static Double round(double value) {
		return Double.isNaN(value) ? null : Math.round(value * 1000) / 1000.0;
	}

	/**
	 * One line of the ratio table. {@code met} is null when the baseline was not
	 * measured.
	 */
	record Ratio(String scenario, int concurrency, Double guestpass, Double baseline, String unit, Double ratio,
			String target, Boolean met) {
	}

}
