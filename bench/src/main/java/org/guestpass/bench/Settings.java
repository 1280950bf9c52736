package org.guestpass.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run does, from {@code BENCH_*} environment variables (bench/README.md lists
 * them).
 *
 * @param quick a smoke run: short windows, a smaller video and fewer links for the growth
 * scenario
 * @param jitWarmup how long GuestPass serves a mix of every scenario before the first
 * measurement, so that the first figures are not those of a cold JVM
 * @param warmup how long each load runs before it is measured
 * @param measure how long each load is measured
 * @param concurrency the numbers of concurrent clients, each measured in turn
 * @param scenarios which scenarios run (admission, page, streaming, growth)
 * @param jar the packaged GuestPass
 * @param heap GuestPass's -Xmx
 * @param databaseUrl a PostgreSQL to use instead of an embedded one (the run creates its
 * own schema)
 * @param durable whether the embedded PostgreSQL keeps fsync and synchronous_commit on,
 * as production does
 * @param videoMegabytes the size of the streamed video
 * @param rangeMegabytes the size of each Range request while streaming
 * @param growthLinks how many links the database holds for the second half of the growth
 * scenario
 * @param poolSize the JDBC pool of the database ceiling: GuestPass's own (HikariCP's
 * default, 10)
 * @param nginx the nginx binary, or null when there is none
 * @param results where the report goes
 * @param startedAt when the whole command started (the script passes it), for the wall
 * time
 */
record Settings(boolean quick, Duration jitWarmup, Duration warmup, Duration measure, List<Integer> concurrency,
		Set<String> scenarios, Path jar, String heap, String databaseUrl, String databaseUser, String databasePassword,
		boolean durable, int videoMegabytes, int rangeMegabytes, int growthLinks, int poolSize, Path nginx,
		Path results, long startedAt) {

	static final int FEW_LINKS = 1_000;

	static Settings fromEnvironment() {
		boolean quick = "1".equals(env("BENCH_QUICK", "0"));
		Duration jitWarmup = seconds(env("BENCH_JIT_WARMUP", quick ? "3" : "20"));
		Duration warmup = seconds(env("BENCH_WARMUP", quick ? "1" : "5"));
		Duration measure = seconds(env("BENCH_DURATION", quick ? "2" : "10"));
		List<Integer> concurrency = Arrays.stream(env("BENCH_CONCURRENCY", "1,8,32,128").split("[, ]+"))
			.map(Integer::parseInt)
			.toList();
		Set<String> scenarios = Arrays.stream(env("BENCH_SCENARIOS", "admission,page,streaming,growth").split("[, ]+"))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		String jar = env("BENCH_JAR", null);
		if (jar == null) {
			throw new IllegalStateException("BENCH_JAR must name the packaged GuestPass (bench/run sets it)");
		}
		String nginx = env("BENCH_NGINX", "");
		return new Settings(quick, jitWarmup, warmup, measure, concurrency, scenarios, Path.of(jar),
				env("BENCH_HEAP", "256m"), env("BENCH_DATABASE_URL", null), env("BENCH_DATABASE_USER", "postgres"),
				env("BENCH_DATABASE_PASSWORD", ""), "1".equals(env("BENCH_DURABLE", "0")),
				Integer.parseInt(env("BENCH_VIDEO_MB", quick ? "64" : "500")),
				Integer.parseInt(env("BENCH_RANGE_MB", "8")),
				Integer.parseInt(env("BENCH_GROWTH_LINKS", quick ? "100000" : "1000000")),
				Integer.parseInt(env("BENCH_POOL_SIZE", "10")), nginx.isBlank() ? null : Path.of(nginx),
				Path.of(env("BENCH_RESULTS", "bench/results")),
				Long.parseLong(env("BENCH_STARTED_AT", String.valueOf(System.currentTimeMillis() / 1000))));
	}

	int mostClients() {
		return this.concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
	}

	boolean runs(String scenario) {
		return this.scenarios.contains(scenario);
	}

	/** The settings as the report shows them. */
	Map<String, Object> describe() {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("quick", this.quick);
		described.put("jitWarmupSeconds", this.jitWarmup.toSeconds());
		described.put("warmupSeconds", this.warmup.toSeconds());
		described.put("measureSeconds", this.measure.toSeconds());
		described.put("concurrency", this.concurrency);
		described.put("scenarios", this.scenarios);
		described.put("guestpassHeap", this.heap);
		described.put("database", (this.databaseUrl == null) ? "embedded PostgreSQL" : "given PostgreSQL");
		described.put("durable", this.durable);
		described.put("videoMegabytes", this.videoMegabytes);
		described.put("rangeMegabytes", this.rangeMegabytes);
		described.put("fewLinks", FEW_LINKS);
		described.put("manyLinks", this.growthLinks);
		described.put("ceilingPoolSize", this.poolSize);
		return described;
	}

	private static Duration seconds(String value) {
		return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value.trim();
	}

}
