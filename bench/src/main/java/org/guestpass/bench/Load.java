package org.guestpass.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: a fixed number of clients, each a thread running its operation back
 * to back, first for the warm-up, then for the measured window. Only operations that
 * start inside the window count; each one's latency goes into the thread's own histogram,
 * merged at the end.
 * <p>
 * Closed-loop clients wait for each answer before asking again, so a slow server is asked
 * less often: latencies are those seen by that many busy users, not those of a fixed
 * arrival rate.
 */
final class Load {

	/**
	 * Latencies are recorded in microseconds, from 1 µs to 10 minutes, to three
	 * significant digits.
	 */
	static final long HIGHEST_MICROS = Duration.ofMinutes(10).toNanos() / 1000;

	private Load() {
	}

	/**
	 * Runs {@code concurrency} clients made by {@code clients} for the warm-up, then
	 * measures for {@code measure}. Progress is printed as one line.
	 */
	static Result run(String scenario, String target, int concurrency, Duration warmup, Duration measure,
			IntFunction<Client> clients) throws InterruptedException {
		System.out.printf("  %-22s %-26s %4d clients ... ", scenario, target, concurrency);
		Window window = new Window();
		CountDownLatch ready = new CountDownLatch(concurrency);
		List<Worker> workers = new ArrayList<>();
		for (int i = 0; i < concurrency; i++) {
			Worker worker = new Worker("load-" + i, clients.apply(i), window, ready);
			workers.add(worker);
			worker.start();
		}
		ready.await();
		window.go.countDown();
		Thread.sleep(warmup.toMillis());
		long from = System.nanoTime();
		window.measureFrom = from;
		window.measureUntil = from + measure.toNanos();
		Thread.sleep(measure.toMillis());
		window.stopped = true;
		for (Worker worker : workers) {
			worker.join(120_000);
			if (worker.isAlive()) {
				worker.interrupt();
			}
		}
		Histogram all = new Histogram(HIGHEST_MICROS, 3);
		long operations = 0;
		long bytes = 0;
		long errors = 0;
		long serverErrors = 0;
		Map<String, Long> kinds = new TreeMap<>();
		for (Worker worker : workers) {
			all.add(worker.histogram);
			operations += worker.operations;
			bytes += worker.bytes;
			errors += worker.errors;
			serverErrors += worker.serverErrors;
			worker.errorKinds.forEach((kind, count) -> kinds.merge(kind, count, Long::sum));
		}
		Result result = new Result(scenario, target, concurrency, measure.toNanos() / 1e9, operations, bytes, errors,
				serverErrors, kinds, all);
		System.out.printf("%s, p50 %s ms, p99 %s ms%s%n",
				(bytes > operations * 1024L * 1024) ? String.format("%.0f MB/s", result.megabytesPerSecond())
						: String.format("%.0f/s", result.perSecond()),
				Report.number(result.millis(50)), Report.number(result.millis(99)),
				(errors > 0) ? ", " + errors + " errors " + kinds : "");
		return result;
	}

	/** One simulated client: its operation, and what to do after a failed one. */
	interface Client extends AutoCloseable {

		/**
		 * One operation (an admission, a page load, a range of video). Returns the bytes
		 * it received; throws {@link Unexpected} for an answer it should not have got.
		 */
		long call() throws Exception;

		/** Forget any broken state (a connection) after a failed operation. */
		default void reset() {
		}

		@Override
		default void close() {
		}

	}

	/** An answer the client did not expect, with the status the server gave. */
	static final class Unexpected extends Exception {

		private final int status;

		Unexpected(int status, String what) {
			super(what + ": HTTP " + status);
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

	/** What one load measured. */
	record Result(String scenario, String target, int concurrency, double seconds, long operations, long bytes,
			long errors, long serverErrors, Map<String, Long> errorKinds, Histogram latency) {

		double perSecond() {
			return this.operations / this.seconds;
		}

		double megabytesPerSecond() {
			return this.bytes / this.seconds / 1_000_000.0;
		}

		/** A latency percentile in milliseconds. */
		double millis(double percentile) {
			return (this.operations == 0) ? Double.NaN : this.latency.getValueAtPercentile(percentile) / 1000.0;
		}

		double maxMillis() {
			return (this.operations == 0) ? Double.NaN : this.latency.getMaxValue() / 1000.0;
		}

	}

	private static final class Worker extends Thread {

		final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

		final Map<String, Long> errorKinds = new TreeMap<>();

		long operations;

		long bytes;

		long errors;

		long serverErrors;

		private final Client client;

		private final Window window;

		private final CountDownLatch ready;

		Worker(String name, Client client, Window window, CountDownLatch ready) {
			super(name);
			setDaemon(true);
			this.client = client;
			this.window = window;
			this.ready = ready;
		}

		@Override
		public void run() {
			this.ready.countDown();
			try {
				this.window.awaitStart();
				while (!this.window.stopped) {
					long start = System.nanoTime();
					boolean counted = this.window.measuring(start);
					try {
						long received = this.client.call();
						if (counted) {
							this.histogram.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - start) / 1000));
							this.operations++;
							this.bytes += received;
						}
					}
					catch (Unexpected ex) {
						this.client.reset();
						if (counted) {
							error("HTTP " + ex.status() + " (" + ex.getMessage() + ")", ex.status() >= 500);
						}
					}
					catch (IOException | RuntimeException ex) {
						this.client.reset();
						if (counted) {
							error(ex.getClass().getSimpleName() + ": " + ex.getMessage(), false);
						}
						// A refused connection fails at once: do not spin.
						Thread.sleep(1);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (Exception ex) {
				error("client failed: " + ex, false);
			}
			finally {
				this.client.close();
			}
		}

		private void error(String kind, boolean server) {
			this.errors++;
			if (server) {
				this.serverErrors++;
			}
			this.errorKinds.merge((kind.length() > 160) ? kind.substring(0, 160) : kind, 1L, Long::sum);
		}

	}

	/** When the measured window starts and ends, shared by the workers. */
	private static final class Window {

		private final CountDownLatch go = new CountDownLatch(1);

		volatile long measureFrom = Long.MAX_VALUE;

		volatile long measureUntil = Long.MAX_VALUE;

		volatile boolean stopped;

		void awaitStart() throws InterruptedException {
			this.go.await();
		}

		boolean measuring(long now) {
			return now >= this.measureFrom && now < this.measureUntil;
		}

	}

}
