package org.guestpass.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged GuestPass as an operator runs it: {@code java -Xmx… -jar guestpass-*.jar}
 * in a process of its own, configured by environment variables, with a fresh data folder.
 * While it runs, its resident memory is sampled from {@code /proc}; its heap is read with
 * {@code jcmd}.
 */
final class GuestPassProcess implements AutoCloseable {

	private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

	private final Process process;

	private final int port;

	private final Path dataDir;

	private final Path log;

	private final Thread sampler;

	private final Map<String, Long> peakRssByPhase = new LinkedHashMap<>();

	private volatile String phase = "start-up and set-up";

	private volatile long peakRss;

	private GuestPassProcess(Process process, int port, Path dataDir, Path log) {
		this.process = process;
		this.port = port;
		this.dataDir = dataDir;
		this.log = log;
		this.sampler = new Thread(this::sample, "rss-sampler");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	static GuestPassProcess start(Settings settings, Database database, Path workDir) throws IOException {
		int port = freePort();
		Path dataDir = Files.createDirectories(workDir.resolve("guestpass-data"));
		Path log = workDir.resolve("guestpass.log");
		List<String> command = new ArrayList<>(List.of(javaTool("java"), "-Xmx" + settings.heap(),
				"-Xlog:gc:file=" + workDir.resolve("guestpass-gc.log")));
		String extra = System.getenv("BENCH_GUESTPASS_OPTS");
		if (extra != null && !extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", settings.jar().toAbsolutePath().toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.directory(workDir.toFile());
		Map<String, String> env = builder.environment();
		env.keySet()
			.removeIf((name) -> name.startsWith("GUESTPASS_") || name.startsWith("SPRING_")
					|| name.startsWith("SERVER_") || name.startsWith("JAVA_TOOL_OPTIONS"));
		env.put("SPRING_DATASOURCE_URL", database.url());
		env.put("SPRING_DATASOURCE_USERNAME", database.user());
		env.put("SPRING_DATASOURCE_PASSWORD", database.password());
		env.put("GUESTPASS_DATA_DIR", dataDir.toString());
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("SPRING_MAIN_BANNER_MODE", "off");
		System.out.println("GuestPass: " + String.join(" ", command) + " on port " + port + " (log: " + log + ")");
		GuestPassProcess started = new GuestPassProcess(builder.start(), port, dataDir, log);
		started.awaitHealthy(Duration.ofSeconds(180));
		return started;
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	Path dataDir() {
		return this.dataDir;
	}

	Path log() {
		return this.log;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** Names what runs now, so that the peak resident memory can be told per scenario. */
	void phase(String name) {
		this.phase = name;
	}

	Map<String, Long> peakRssByPhase() {
		synchronized (this.peakRssByPhase) {
			return new LinkedHashMap<>(this.peakRssByPhase);
		}
	}

	/** The highest resident memory the process has had (the kernel's VmHWM), in bytes. */
	long peakRss() {
		long hwm = procStatus("VmHWM");
		return Math.max(hwm, this.peakRss);
	}

	/**
	 * The heap in use right after a full collection (which {@code jcmd GC.run} asks for):
	 * what the application really holds, in bytes.
	 */
	long heapUsedAfterFullGc() throws IOException, InterruptedException {
		jcmd("GC.run");
		return heapUsed();
	}

	/** The heap in use now, garbage included, in bytes. */
	long heapUsed() throws IOException, InterruptedException {
		String info = jcmd("GC.heap_info");
		Matcher used = HEAP_USED.matcher(info);
		if (!used.find()) {
			throw new IllegalStateException("Cannot read the heap from jcmd GC.heap_info: " + info);
		}
		return Long.parseLong(used.group(2)) * 1024;
	}

	private String jcmd(String command) throws IOException, InterruptedException {
		Process jcmd = new ProcessBuilder(javaTool("jcmd"), String.valueOf(pid()), command).redirectErrorStream(true)
			.start();
		String output = new String(jcmd.getInputStream().readAllBytes());
		if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + command + " failed: " + output);
		}
		return output;
	}

	private void awaitHealthy(Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("GuestPass stopped while starting; see " + this.log + ":\n" + tail());
			}
			try (HttpConnection http = new HttpConnection("127.0.0.1", this.port)) {
				HttpConnection.Response health = http.get("/actuator/health", List.of(), true);
				if (health.status() == 200 && health.text().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			sleep(250);
		}
		throw new IllegalStateException("GuestPass did not become healthy within " + timeout + "; see " + this.log);
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private void sample() {
		while (this.process.isAlive()) {
			long rss = procStatus("VmRSS");
			if (rss > 0) {
				this.peakRss = Math.max(this.peakRss, rss);
				synchronized (this.peakRssByPhase) {
					this.peakRssByPhase.merge(this.phase, rss, Math::max);
				}
			}
			sleep(200);
		}
	}

	/**
	 * A "VmRSS: 1234 kB" line of /proc/PID/status, in bytes; 0 when it cannot be read.
	 */
	private long procStatus(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// gone, or not Linux
		}
		return 0;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	static String javaTool(String name) {
		return Path.of(System.getProperty("java.home"), "bin", name).toString();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
