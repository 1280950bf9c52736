package org.guestpass.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.guestpass.Concurrently;
import org.guestpass.Fixtures;
import org.guestpass.Nodes;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Image bombs sent all at once to a node whose JVM has a 256 MB heap, with valid posters
 * among them: small PNGs that decode to 164 MB (2559 × 8000, 16-bit RGBA, as in the
 * attack that found this) and to 320 MB (8000 × 5000, the most pixels allowed, 16-bit
 * RGBA, interlaced), and JPEGs of a few hundred bytes that claim a progressive 8000 ×
 * 5000 image. Every request gets an answer that is no failure of the node: a poster, the
 * refusal of what would take too much, or "busy, try again" (counted); the node runs out
 * of nothing, and the valid posters are stored (at once, or when sent again after
 * Retry-After). The node runs in a JVM of its own, on H2, so its heap is its own. Not a
 * database test: it runs once, in the H2 pass.
 */
class ImageBombsIntegrationTests {

	private static final long MB = 1L << 20;

	private static final String DATABASE = "jdbc:h2:mem:image_bombs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	private static final int TALL = 6;

	private static final int LARGEST = 2;

	private static final int PROGRESSIVE = 2;

	private static final int VALID = 4;

	@TempDir
	Path folder;

	@Test
	void simultaneousImageBombsOnA256MegabyteHeapAreAllAnsweredAndValidPostersGetThrough() throws Exception {
		Path log = this.folder.resolve("node.log");
		int port = Nodes.freePort();
		Process node = Nodes.startInItsOwnJvm(DATABASE,
				Map.of("server.port", String.valueOf(port), "guestpass.data-dir",
						this.folder.resolve("data").toString(), "management.endpoints.web.exposure.include",
						"health,metrics"),
				List.of("-Xmx256m"), log);
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		try {
			Nodes.awaitHealthy(port);
			String token = Nodes.apiToken(Nodes.signedInAdmin(port), "image bombs");
			byte[] tall = CraftedImages.png(2559, 8000, 16, CraftedImages.RGBA, false);
			byte[] largest = CraftedImages.png(8000, 5000, 16, CraftedImages.RGBA, true);
			byte[] progressive = CraftedImages.claimingSize(CraftedImages.jpeg(64, 64, true), 8000, 5000);
			byte[] valid = PosterImageTests.image("png", 1600, 900, BufferedImage.TYPE_INT_RGB, Color.ORANGE);
			List<Upload> uploads = new ArrayList<>();
			for (int i = 0; i < TALL + LARGEST + PROGRESSIVE + VALID; i++) {
				String kind = kind(i);
				byte[] file = switch (kind) {
					case "tall" -> tall;
					case "largest" -> largest;
					case "progressive" -> progressive;
					default -> valid;
				};
				uploads.add(new Upload(kind, video(port, token), file));
			}
			TestClient monitor = TestClient.api(port, token);
			List<Long> heap = Collections.synchronizedList(new ArrayList<>());
			sampler.scheduleWithFixedDelay(() -> {
				try {
					heap.add(Nodes.usedHeap(monitor));
				}
				catch (RuntimeException | AssertionError ex) {
					heap.add(-1L);
				}
			}, 0, 100, TimeUnit.MILLISECONDS);

			long started = System.nanoTime();
			int samplesBefore = heap.size();
			List<TestClient.Response> answers = Concurrently.run(uploads.size(),
					(i) -> put(TestClient.api(port, token), uploads.get(i)));
			int samplesDuring = heap.size() - samplesBefore;
			long took = System.nanoTime() - started;
			sampler.shutdown();
			assertThat(sampler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

			Map<String, List<Integer>> outcomes = new TreeMap<>();
			for (int i = 0; i < uploads.size(); i++) {
				outcomes.computeIfAbsent(uploads.get(i).kind(), (kind) -> new ArrayList<>())
					.add(answers.get(i).status());
			}
			long peakHeap = heap.stream().mapToLong(Long::longValue).max().orElse(-1);
			System.out.printf(
					"%d simultaneous uploads answered in %.1f s: %s; peak used heap %d MB in %d samples (%d while answering); "
							+ "node's peak resident memory %s%n",
					uploads.size(), took / 1e9, outcomes, peakHeap / MB, heap.size(), samplesDuring,
					peakResident(node));

			for (int i = 0; i < uploads.size(); i++) {
				Upload upload = uploads.get(i);
				TestClient.Response answer = answers.get(i);
				String what = upload.kind() + " upload " + i + ": " + answer.body();
				if (answer.status() == 503) {
					assertThat(answer.header("Retry-After")).as(what).isEqualTo("5");
					assertThat((String) JsonPath.read(answer.body(), "$.code")).as(what).isEqualTo("images_busy");
				}
				else if (upload.kind().equals("progressive")) {
					assertThat(answer.status()).as(what).isEqualTo(400);
					assertThat((String) JsonPath.read(answer.body(), "$.errors[0].message")).as(what)
						.contains("too much memory");
				}
				else {
					assertThat(answer.status()).as(what).isEqualTo(201);
				}
			}
			// Sampled every 100 ms while the uploads were answered: a run that sampled
			// nothing (or only before they began) verified nothing.
			assertThat(heap).as("heap samples that failed").doesNotContain(-1L);
			assertThat(samplesDuring).as("heap samples taken while %.1f s of uploads were answered", took / 1e9)
				.isPositive();
			assertThat(peakHeap).as("peak used heap, sampled from the node")
				.isPositive()
				.isLessThanOrEqualTo(256L * MB);
			assertThat(Files.readString(log, StandardCharsets.UTF_8)).as("the node's log")
				.doesNotContain("OutOfMemoryError")
				.doesNotContain("Ran out of memory");

			// The valid posters refused as busy are sent again, all at once, as their
			// senders would.
			List<Integer> busy = new ArrayList<>();
			for (int i = 0; i < uploads.size(); i++) {
				if (uploads.get(i).kind().equals("valid") && answers.get(i).status() == 503) {
					busy.add(i);
				}
			}
			List<Integer> sentAgain = Concurrently.run(busy.size(), (j) -> {
				Upload upload = uploads.get(busy.get(j));
				TestClient.Response answer = answers.get(busy.get(j));
				if (answer.status() != 503) {
					return answer.status();
				}
				// Sent again as often as Retry-After says, until the node has time for
				// it.
				AtomicReference<TestClient.Response> again = new AtomicReference<>(answer);
				Awaitility.await()
					.atMost(Duration.ofMinutes(1))
					.pollDelay(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After"))))
					.pollInterval(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After"))))
					.until(() -> {
						again.set(put(TestClient.api(port, token), upload));
						return again.get().status() != 503;
					});
				return again.get().status();
			});
			assertThat(sentAgain).as("valid posters sent again after Retry-After").allMatch((status) -> status == 201);
		}
		catch (Throwable failure) {
			failure.addSuppressed(new AssertionError("The node's log ends with:\n" + tail(log)));
			throw failure;
		}
		finally {
			sampler.shutdownNow();
			node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static TestClient.Response put(TestClient api, Upload upload) {
		return PostersIntegrationTests.putPoster(api, upload.video(), "poster.png", "image/png", upload.file());
	}

	private static long video(int port, String token) {
		TestClient.Response created = TestClient.api(port, token)
			.postMultipart("/api/v1/media", Map.of("title", "A video"), "talk.mp4", "video/mp4", Fixtures.MP4);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	/** The node's peak resident memory, where Linux tells it. */
	private static String peakResident(Process node) {
		try {
			return Files.readAllLines(Path.of("/proc", String.valueOf(node.pid()), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmHWM:"))
				.map((line) -> line.substring("VmHWM:".length()).trim())
				.collect(Collectors.joining());
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	/**
	 * Which kind the i-th upload is: the tall ones first, then the largest, and so on.
	 */
	private static String kind(int i) {
		if (i < TALL) {
			return "tall";
		}
		if (i < TALL + LARGEST) {
			return "largest";
		}
		return (i < TALL + LARGEST + PROGRESSIVE) ? "progressive" : "valid";
	}

	/** One poster upload: what it is, to which video, and its file. */
	private record Upload(String kind, long video, byte[] file) {
	}

}
