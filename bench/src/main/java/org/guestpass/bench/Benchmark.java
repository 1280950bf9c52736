package org.guestpass.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The benchmark: starts PostgreSQL and the packaged GuestPass, seeds data, runs each
 * scenario beside its baseline at each concurrency, checks correctness and memory, and
 * writes the report. bench/README.md tells what each scenario measures and why.
 */
public final class Benchmark {

	/** The click limit of the links every client races for in the correctness check. */
	static final int CORRECTNESS_LIMIT = 5;

	/** Items (of three links each) the correctness check races for. */
	private static final int LIMITED_ITEMS = 3;

	private final Settings settings;

	private final Report report;

	private Benchmark(Settings settings, Report report) {
		this.settings = settings;
		this.report = report;
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromEnvironment();
		Path work = Files.createTempDirectory("guestpass-bench-");
		Report report = new Report(settings);
		System.out.println("Work folder: " + work);
		int status = 0;
		try {
			new Benchmark(settings, report).run(work);
		}
		catch (Exception ex) {
			report.failure(ex);
			System.out.println();
			System.out.println("The benchmark failed: " + ex);
			ex.printStackTrace(System.out);
			status = 1;
		}
		finally {
			Path[] written = report.write(settings.results());
			report.printRatioTable();
			System.out.println();
			System.out.println("Report: " + written[0] + " (raw figures: " + written[1].getFileName() + ", chart: "
					+ written[2].getFileName() + ")");
			if (!"1".equals(System.getenv("BENCH_KEEP_WORK"))) {
				deleteTree(work);
			}
			else {
				System.out.println("Work folder kept: " + work);
			}
		}
		System.exit(status);
	}

	private void run(Path work) throws Exception {
		this.report.environment(Report.machine());
		try (Database database = Database.start(this.settings, work)) {
			this.report.database(database.describe());
			long started = System.nanoTime();
			Path video = makeVideo(work.resolve("bench-video.webm"), this.settings.videoMegabytes() * 1_000_000L);
			this.report.timing("create the video", started);
			started = System.nanoTime();
			try (GuestPassProcess guestpass = GuestPassProcess.start(this.settings, database, work)) {
				this.report.timing("start GuestPass", started);
				try {
					scenarios(database, guestpass, video, work);
				}
				finally {
					this.report.memory("peakRssBytes", guestpass.peakRss());
					this.report.memory("peakRssBytesByPhase", guestpass.peakRssByPhase());
					this.report.memory("outOfMemoryErrors", countInLog(guestpass.log(), "OutOfMemoryError"));
					if (!guestpass.isAlive()) {
						throw new IllegalStateException("GuestPass stopped during the run:\n" + guestpass.tail());
					}
				}
			}
		}
	}

	private void scenarios(Database database, GuestPassProcess guestpass, Path video, Path work) throws Exception {
		int port = guestpass.port();
		long started = System.nanoTime();
		Api api = new Api(port);
		api.signIn("admin", adminPassword(guestpass.dataDir()));
		long videoId = api.uploadVideo(video, "Benchmark video");
		api.enableGuestAccess(videoId);
		String viewersLink = api.createLink(videoId, "Viewers");
		this.report.timing("upload the video and create its link through the API", started);

		started = System.nanoTime();
		long loadItems = (Settings.FEW_LINKS - 1 - 3L * LIMITED_ITEMS) / 3;
		try (Connection connection = database.connect()) {
			long owner = Seeding.adminId(connection);
			Seeding.addItems(connection, owner, Seeding.LOAD, 1, loadItems, Seeding.LOAD_LINK_LIMIT);
			Seeding.addItems(connection, owner, Seeding.LIMITED, 1, LIMITED_ITEMS, CORRECTNESS_LIMIT);
			Seeding.analyze(connection);
			this.report.links("few", Seeding.linkCount(connection));
		}
		this.report.timing("seed " + Settings.FEW_LINKS + " links", started);
		long loadLinks = 3 * loadItems;
		System.out.printf("Seeded: the video (%d MB) with one link through the API, %d links in all.%n",
				this.settings.videoMegabytes(), 3 * loadItems + 3 * LIMITED_ITEMS + 1);

		List<Guests.Admitted> viewers = admitViewers(port, viewersLink);
		warmUp(guestpass, viewers, videoId, loadLinks);
		if (this.settings.runs("admission")) {
			admission(database, guestpass, loadLinks);
		}
		correctness(database, guestpass);
		if (this.settings.runs("growth")) {
			growth(database, guestpass, loadItems);
		}
		if (this.settings.runs("page")) {
			pages(database, guestpass, viewers);
		}
		if (this.settings.runs("streaming")) {
			streaming(database, guestpass, viewers, videoId, work);
		}
		try (Connection connection = database.connect()) {
			this.report.correctness("linksPastTheirLimit", Seeding.linksPastTheirLimit(connection));
			for (String table : List.of("media", "guest_link", "guest_session", "audit_event", "rate_limit_bucket")) {
				this.report.rowsAfterTheRun(table, Seeding.single(connection, "select count(*) from " + table));
			}
		}
	}

	/**
	 * A mix of every scenario's requests, not measured, so that no scenario meets a cold
	 * JVM: a third of the clients admit guests, a third load their page, a third stream.
	 */
	private void warmUp(GuestPassProcess guestpass, List<Guests.Admitted> viewers, long videoId, long loadLinks)
			throws InterruptedException {
		System.out.println();
		System.out.printf("Warming GuestPass up for %d s with a mix of every scenario (not measured)%n",
				this.settings.jitWarmup().toSeconds());
		guestpass.phase("warm-up");
		int port = guestpass.port();
		long videoBytes = this.settings.videoMegabytes() * 1_000_000L;
		Load.run("Warm-up", "GuestPass, mixed", Math.min(9, viewers.size()), this.settings.jitWarmup(),
				Duration.ofSeconds(1), (i) -> switch (i % 3) {
					case 0 -> Guests.admissions(port, randomLink(loadLinks));
					case 1 -> Guests.pageLoads(port, viewers.get(i));
					default ->
						Guests.ranges(port, "/guest/media/" + videoId + "/content", viewerHeaders(viewers.get(i)),
								videoBytes, Math.min(videoBytes, this.settings.rangeMegabytes() * 1_000_000L));
				});
	}

	private static List<String> viewerHeaders(Guests.Admitted viewer) {
		return List.of("Accept: */*", "X-Forwarded-For: " + Guests.address(viewer.guest()),
				"Cookie: " + Guests.COOKIE + "=" + viewer.cookie());
	}

	/**
	 * Admissions by GuestPass, then the same statements straight through JDBC, at each
	 * concurrency.
	 */
	private void admission(Database database, GuestPassProcess guestpass, long loadLinks) throws Exception {
		int port = guestpass.port();
		guestpass.phase("admission");
		analyze(database);
		System.out.println();
		System.out
			.println("Admission: a new guest opens a link and submits the form, versus the same SQL through JDBC ("
					+ Settings.FEW_LINKS + " links)");
		try (AdmissionCeiling ceiling = new AdmissionCeiling(database, this.settings.poolSize())) {
			for (int clients : this.settings.concurrency()) {
				Load.Result admitted = load("Admission", "GuestPass", clients,
						(i) -> Guests.admissions(port, randomLink(loadLinks)));
				Load.Result jdbc = load("Admission", "database ceiling (JDBC)", clients,
						(i) -> ceiling.client(randomLink(loadLinks)));
				this.report.ratio("Admission (admissions/s)", clients, admitted.perSecond(), jdbc.perSecond(), "/s",
						">= 0.5", 0.5, true);
			}
		}
	}

	/**
	 * Every client races for a few links with a small click limit: exactly the limit gets
	 * in.
	 */
	private void correctness(Database database, GuestPassProcess guestpass) throws Exception {
		int port = guestpass.port();
		guestpass.phase("correctness");
		int clients = this.settings.mostClients();
		int links = 3 * LIMITED_ITEMS;
		int attemptsEach = Math.max(2, (links * CORRECTNESS_LIMIT * 4) / clients);
		System.out.println();
		System.out.printf("Correctness: %d clients race for %d links of %d clicks, %d attempts each%n", clients, links,
				CORRECTNESS_LIMIT, attemptsEach);
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		AtomicInteger failures = new AtomicInteger();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < clients; t++) {
			Thread thread = new Thread(() -> {
				try (HttpConnection http = new HttpConnection("127.0.0.1", port)) {
					for (int a = 0; a < attemptsEach; a++) {
						String token = Seeding.token(Seeding.LIMITED, 1 + ThreadLocalRandom.current().nextInt(links));
						try {
							Guests.Attempt attempt = Guests.attempt(http, token, Guests.next());
							statuses.computeIfAbsent(attempt.status(), (s) -> new AtomicInteger()).incrementAndGet();
						}
						catch (Load.Unexpected ex) {
							statuses.computeIfAbsent(ex.status(), (s) -> new AtomicInteger()).incrementAndGet();
							http.close();
						}
						catch (IOException ex) {
							failures.incrementAndGet();
							http.close();
						}
					}
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long[] linksClicksSessions;
		try (Connection connection = database.connect()) {
			linksClicksSessions = Seeding.linksClicksAndSessions(connection, CORRECTNESS_LIMIT);
		}
		Map<String, Object> race = new LinkedHashMap<>();
		race.put("clients", clients);
		race.put("links", linksClicksSessions[0]);
		race.put("limitPerLink", CORRECTNESS_LIMIT);
		race.put("attempts", (long) clients * attemptsEach);
		Map<String, Integer> byStatus = new TreeMap<>();
		statuses.forEach((status, count) -> byStatus.put(String.valueOf(status), count.get()));
		race.put("responses", byStatus);
		race.put("transportFailures", failures.get());
		race.put("admitted303", statuses.getOrDefault(303, new AtomicInteger()).get());
		race.put("clicks", linksClicksSessions[1]);
		race.put("guestSessions", linksClicksSessions[2]);
		race.put("expected", (long) links * CORRECTNESS_LIMIT);
		this.report.correctness("race", race);
		System.out.printf("  responses %s, clicks %d, guest sessions %d (expected %d each)%n", byStatus,
				linksClicksSessions[1], linksClicksSessions[2], links * CORRECTNESS_LIMIT);
	}

	/**
	 * Admission latency with many links in the database, against the figures with few.
	 */
	private void growth(Database database, GuestPassProcess guestpass, long fewItems) throws Exception {
		int port = guestpass.port();
		guestpass.phase("growth");
		System.out.println();
		System.out.printf("Growth: admissions with %,d links in the database, then with %,d%n", Settings.FEW_LINKS,
				this.settings.growthLinks());
		// Measured again now rather than taken from the admission scenario: the JVM keeps
		// getting
		// faster for minutes, and the many-links figures come last.
		analyze(database);
		Map<Integer, Load.Result> few = new LinkedHashMap<>();
		for (int clients : this.settings.concurrency()) {
			few.put(clients, load("Growth", linksTarget(Settings.FEW_LINKS), clients,
					(i) -> Guests.admissions(port, randomLink(3 * fewItems))));
		}
		long started = System.nanoTime();
		long manyItems = (this.settings.growthLinks() - 1 - 3L * LIMITED_ITEMS) / 3;
		try (Connection connection = database.connect()) {
			long owner = Seeding.adminId(connection);
			long step = 100_000;
			for (long from = fewItems + 1; from <= manyItems; from += step) {
				Seeding.addItems(connection, owner, Seeding.LOAD, from, Math.min(manyItems, from + step - 1),
						Seeding.LOAD_LINK_LIMIT);
			}
			Seeding.analyze(connection);
			this.report.links("many", Seeding.linkCount(connection));
		}
		this.report.timing("seed " + this.settings.growthLinks() + " links", started);
		System.out.printf("  (seeded up to %,d links in %.0f s)%n", this.settings.growthLinks(),
				(System.nanoTime() - started) / 1e9);
		long manyLinks = 3 * manyItems;
		String versus = String.format(" (ms), %,d vs %,d links", this.settings.growthLinks(), Settings.FEW_LINKS);
		for (int clients : this.settings.concurrency()) {
			Load.Result many = load("Growth", linksTarget(this.settings.growthLinks()), clients,
					(i) -> Guests.admissions(port, randomLink(manyLinks)));
			this.report.ratio("Growth: admission p50" + versus, clients, many.millis(50), few.get(clients).millis(50),
					" ms", "<= 1.3", 1.3, false);
			this.report.ratio("Growth: admission p99" + versus, clients, many.millis(99), few.get(clients).millis(99),
					" ms", "<= 1.3", 1.3, false);
		}
	}

	/** How the growth scenario names its loads. */
	static String linksTarget(long links) {
		return String.format("GuestPass, %,d links", links);
	}

	/**
	 * Enough admitted guests of the video for the page and streaming scenarios, one per
	 * client.
	 */
	private List<Guests.Admitted> admitViewers(int port, String token) throws Exception {
		List<Guests.Admitted> guests = new ArrayList<>();
		try (HttpConnection http = new HttpConnection("127.0.0.1", port)) {
			for (int i = 0; i < this.settings.mostClients(); i++) {
				guests.add(Guests.admit(http, token));
			}
		}
		return guests;
	}

	private void pages(Database database, GuestPassProcess guestpass, List<Guests.Admitted> guests) throws Exception {
		analyze(database);
		System.out.println();
		System.out
			.println("Guest media page: admitted guests load their page, versus a static file of the same server");
		guestpass.phase("page");
		for (int clients : this.settings.concurrency()) {
			Load.Result page = load("Guest media page", "GuestPass", clients,
					(i) -> Guests.pageLoads(guestpass.port(), guests.get(i)));
			Load.Result css = load("Guest media page", "static file (same server)", clients,
					(i) -> Guests.staticFile(guestpass.port(), "/css/guestpass.css"));
			this.report.ratio("Guest media page (pages/s)", clients, page.perSecond(), css.perSecond(), "/s", ">= 0.7",
					0.7, true);
		}
	}

	private void streaming(Database database, GuestPassProcess guestpass, List<Guests.Admitted> guests, long videoId,
			Path work) throws Exception {
		analyze(database);
		System.out.println();
		Path stored;
		long size;
		try (Connection connection = database.connect();
				PreparedStatement query = connection
					.prepareStatement("select file_key, size_bytes from media where id = ?")) {
			query.setLong(1, videoId);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				stored = guestpass.dataDir().resolve("media").resolve(rs.getString(1) + ".media");
				size = rs.getLong(2);
			}
		}
		long range = this.settings.rangeMegabytes() * 1_000_000L;
		System.out.printf(
				"Streaming: %d MB ranges at random offsets of the %d MB video, versus nginx serving the same file%n",
				this.settings.rangeMegabytes(), size / 1_000_000);
		Nginx nginx = null;
		if (this.settings.nginx() == null) {
			System.out.println(
					"  nginx: not found, so the baseline is not measured (bench/run installs Debian's nginx when run as root)");
			this.report.note("Streaming baseline not measured: nginx missing.");
		}
		else {
			try {
				nginx = Nginx.start(this.settings.nginx(), stored, work);
			}
			catch (IOException | IllegalStateException ex) {
				System.out
					.println("  nginx: could not start (" + ex.getMessage() + "), so the baseline is not measured");
				this.report.note("Streaming baseline not measured: nginx did not start: " + ex.getMessage());
			}
		}
		try {
			long heapBefore = guestpass.heapUsedAfterFullGc();
			int most = this.settings.mostClients();
			GcLog gcLog = new GcLog(work.resolve("guestpass-gc.log"));
			int mark = 0;
			for (int clients : this.settings.concurrency()) {
				guestpass.phase("streaming " + clients);
				if (clients == most) {
					mark = gcLog.lines();
				}
				String path = "/guest/media/" + videoId + "/content";
				Load.Result streamed = load("Streaming", "GuestPass", clients,
						(i) -> Guests.ranges(guestpass.port(), path, viewerHeaders(guests.get(i)), size, range));
				GcLog.Span span = (clients == most) ? gcLog.since(mark) : null;
				Double baseline = null;
				if (nginx != null) {
					int nginxPort = nginx.port();
					baseline = load("Streaming", "nginx (same file)", clients,
							(i) -> Guests.ranges(nginxPort, "/video.webm", List.of("Accept: */*"), size, range))
						.megabytesPerSecond();
				}
				this.report.ratio("Streaming (MB/s)", clients, streamed.megabytesPerSecond(), baseline, " MB/s",
						">= 0.9", 0.9, true);
				if (span != null) {
					this.report.memory("streamingGcCount", span.collections());
					this.report.memory("streamingHeapAfterGcMaxBytes", span.maxAfter());
					this.report.memory("streamingHeapBeforeGcMaxBytes", span.maxBefore());
				}
			}
			guestpass.phase("after streaming");
			long heapAfter = guestpass.heapUsedAfterFullGc();
			this.report.memory("videoBytes", size);
			this.report.memory("heapAfterFullGcBeforeStreamingBytes", heapBefore);
			this.report.memory("heapAfterFullGcAfterStreamingBytes", heapAfter);
			this.report.memory("streamingClients", most);
		}
		finally {
			if (nginx != null) {
				nginx.close();
			}
		}
	}

	private Load.Result load(String scenario, String target, int clients, IntFunction<Load.Client> factory)
			throws InterruptedException {
		Load.Result result = Load.run(scenario, target, clients, this.settings.warmup(), this.settings.measure(),
				factory);
		this.report.add(result);
		return result;
	}

	/**
	 * Brings the planner's statistics up to date, as autovacuum keeps them in steady
	 * state. The run starts from empty tables that then grow by thousands of rows a
	 * minute, faster than autovacuum notices: statements GuestPass prepared while
	 * {@code rate_limit_bucket} was nearly empty went on scanning it whole (50 million
	 * rows read in one minute) until the next ANALYZE, and admissions were twice as slow
	 * as after it.
	 */
	private static void analyze(Database database) throws SQLException {
		try (Connection connection = database.connect()) {
			Seeding.analyze(connection);
		}
	}

	/** A random link of the load series, out of the first {@code count}. */
	private static Supplier<String> randomLink(long count) {
		return () -> Seeding.token(Seeding.LOAD, 1 + ThreadLocalRandom.current().nextLong(count));
	}

	/**
	 * The first admin's password, which GuestPass writes into its data folder on first
	 * start.
	 */
	private static String adminPassword(Path dataDir) throws IOException, InterruptedException {
		Path file = dataDir.resolve("admin-password.txt");
		for (int i = 0; i < 600 && !Files.exists(file); i++) {
			Thread.sleep(100);
		}
		return Files.readString(file).trim();
	}

	/**
	 * A file GuestPass accepts as a WebM video (it checks the first bytes: the EBML magic
	 * and the doc type "webm"), filled up to the size with pseudo-random bytes.
	 */
	static Path makeVideo(Path file, long size) throws IOException {
		byte[] header = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 0x01, 0x42,
				(byte) 0xF7, (byte) 0x81, 0x01, 0x42, (byte) 0xF2, (byte) 0x81, 0x04, 0x42, (byte) 0xF3, (byte) 0x81,
				0x08, 0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm', 0x42, (byte) 0x87, (byte) 0x81, 0x04, 0x42,
				(byte) 0x85, (byte) 0x81, 0x02 };
		byte[] block = new byte[1 << 20];
		new Random(42).nextBytes(block);
		System.arraycopy(header, 0, block, 0, header.length);
		try (OutputStream out = Files.newOutputStream(file)) {
			long written = 0;
			while (written < size) {
				int chunk = (int) Math.min(block.length, size - written);
				out.write(block, 0, chunk);
				written += chunk;
			}
		}
		return file;
	}

	private static long countInLog(Path log, String text) {
		try (Stream<String> lines = Files.lines(log)) {
			return lines.filter((line) -> line.contains(text)).count();
		}
		catch (IOException | UncheckedIOException ex) {
			return -1;
		}
	}

	private static void deleteTree(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			System.out.println("Could not delete " + root + ": " + ex.getMessage());
		}
	}

}
