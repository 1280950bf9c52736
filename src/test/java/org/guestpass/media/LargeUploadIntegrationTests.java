package org.guestpass.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.guestpass.Fixtures;
import org.guestpass.Nodes;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1 GiB video uploaded to a node whose JVM has a 256 MB heap: it goes to disk as it
 * arrives while the heap stays flat, is moved into storage rather than written a second
 * time (checked where Linux tells a process's bytes written), is stored byte for byte,
 * streams back, and leaves no temporary file behind. The node runs in a JVM of its own,
 * on H2, so its heap is its own; the client generates the upload as it sends it and holds
 * none of it either. Not a database test: it runs once, in the H2 pass.
 */
class LargeUploadIntegrationTests {

	private static final long SIZE = 1L << 30;

	private static final long MB = 1L << 20;

	/**
	 * The first part of the upload, whose heap peak (counting the heap just before the
	 * upload) the whole upload's is compared with.
	 */
	private static final long EARLY = 100 * MB;

	/**
	 * The size of the upload through the browser's form, which only shows that it takes
	 * the same path.
	 */
	private static final long FORM_SIZE = 64 * MB + 3;

	private static final String DATABASE = "jdbc:h2:mem:large_upload;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	private static final String BOUNDARY = "----guestpass-large-upload";

	@TempDir
	Path folder;

	@Test
	void aOneGigabyteUploadStreamsIntoStorageWithAFlatHeapAndLeavesNoTemporaryFile() throws Exception {
		Path data = Files.createDirectories(this.folder.resolve("data"));
		Path temporary = Files.createDirectories(this.folder.resolve("tmp"));
		Path uploads = Files.createDirectories(this.folder.resolve("uploads"));
		Path log = this.folder.resolve("node.log");
		int port = Nodes.freePort();
		long starting = System.nanoTime();
		Process node = Nodes.startInItsOwnJvm(DATABASE,
				Map.of("server.port", String.valueOf(port), "guestpass.data-dir", data.toString(),
						"spring.servlet.multipart.location", uploads.toString(),
						"management.endpoints.web.exposure.include", "health,metrics"),
				List.of("-Xmx256m", "-Djava.io.tmpdir=" + temporary), log);
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		try {
			Nodes.awaitHealthy(port);
			long startup = System.nanoTime() - starting;
			TestClient browser = Nodes.signedInAdmin(port);
			String token = Nodes.apiToken(browser, "large upload");
			TestClient api = TestClient.api(port, token);

			Upload upload = new Upload(Map.of("title", "A very long lecture", "type", "video"), SIZE);
			TestClient monitor = TestClient.api(port, token);
			List<HeapSample> heap = Collections.synchronizedList(new ArrayList<>());
			heap.add(new HeapSample(0, Nodes.usedHeap(monitor)));
			AtomicInteger failedSamples = new AtomicInteger();
			sampler.scheduleWithFixedDelay(() -> {
				try {
					long sent = upload.sent.get();
					heap.add(new HeapSample(sent, Nodes.usedHeap(monitor)));
				}
				catch (RuntimeException | AssertionError ex) {
					failedSamples.incrementAndGet();
				}
			}, 100, 100, TimeUnit.MILLISECONDS);
			long writtenBefore = written(node);
			long started = System.nanoTime();
			TestClient.Response created = send(api, "/api/v1/media", upload);
			long took = System.nanoTime() - started;
			long writtenAfter = written(node);
			sampler.shutdown();
			assertThat(sampler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			heap.add(new HeapSample(upload.sent.get(), Nodes.usedHeap(monitor)));
			List<HeapSample> samples = List.copyOf(heap);
			long peak = peak(samples, SIZE);
			long early = peak(samples, EARLY);
			long written = writtenAfter - writtenBefore;
			System.out.printf(
					"Node up in %.1f s; 1 GiB upload: %d in %.1f s; node wrote %d MB; peak used heap %d MB "
							+ "(%d MB in the first 100 MB) in %d samples; peak per 128 MB sent: %s%n",
					startup / 1e9, created.status(), took / 1e9, written / MB, peak / MB, early / MB, samples.size(),
					profile(samples));

			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertThat(((Number) JsonPath.read(created.body(), "$.sizeBytes")).longValue()).isEqualTo(SIZE);
			assertThat((String) JsonPath.read(created.body(), "$.contentType")).isEqualTo("video/mp4");
			assertStreamsBack(api, JsonPath.read(created.body(), "$.contentUrl"), SIZE);

			assertThat(failedSamples.get()).as("heap samples that failed").isZero();
			assertThat(samples).as("heap samples while the upload was under way")
				.anyMatch((s) -> s.sent() > 0 && s.sent() < SIZE);
			assertThat(peak).as("peak used heap, against half the node's 256 MB").isLessThan(128 * MB);
			assertThat(peak).as("peak used heap over the whole upload, against the first 100 MB")
				.isLessThan(early + 64 * MB);
			assertThat(written).as("bytes the node wrote: the upload once, not a second copy into storage")
				.isBetween(SIZE, SIZE + SIZE / 4);

			Map<String, String> form = new LinkedHashMap<>();
			form.put("_csrf", MediaIntegrationTests.csrfToken(browser.get("/media")));
			form.put("title", "Another lecture");
			TestClient.Response added = send(browser, "/media/videos", new Upload(form, FORM_SIZE));
			assertThat(added.status()).as(added.body()).isEqualTo(302);
			String item = added.header("Location").replaceAll("^.*/media/(\\d+)$", "/api/v1/media/$1");
			TestClient.Response shown = api.get(item);
			assertThat(((Number) JsonPath.read(shown.body(), "$.sizeBytes")).longValue()).isEqualTo(FORM_SIZE);
			assertStreamsBack(api, JsonPath.read(shown.body(), "$.contentUrl"), FORM_SIZE);

			assertThat(filesIn(data.resolve("media"))).as("stored files")
				.allSatisfy((file) -> assertThat(file.getFileName().toString()).endsWith(".media"))
				.extracting(Files::size)
				.containsExactlyInAnyOrder(SIZE, FORM_SIZE);
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(filesIn(uploads)).as("multipart temporary files").isEmpty());
			assertThat(filesIn(temporary)).as("files in the node's temporary folder")
				.allSatisfy((file) -> assertThat(Files.size(file)).as(file.toString()).isLessThan(MB));
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

	/**
	 * Sends the upload as a request body of known length, generated as the client reads
	 * it.
	 */
	private static TestClient.Response send(TestClient client, String path, Upload upload) {
		return client.send(client.request(path)
			.timeout(Duration.ofMinutes(2))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> upload),
					upload.length())));
	}

	/** The video's first and last 4 KB come back as they were sent. */
	private static void assertStreamsBack(TestClient api, String content, long size) {
		TestClient.Bytes last = api.getBytes(content, "Range", "bytes=-4096");
		assertThat(last.status()).isEqualTo(206);
		assertThat(last.header("Content-Range")).isEqualTo("bytes " + (size - 4096) + "-" + (size - 1) + "/" + size);
		assertThat(last.body()).isEqualTo(video(size - 4096, 4096));
		TestClient.Bytes first = api.getBytes(content, "Range", "bytes=0-4095");
		assertThat(first.status()).isEqualTo(206);
		assertThat(first.body()).isEqualTo(Fixtures.MP4);
	}

	/**
	 * The highest used heap sampled while no more than {@code sent} bytes of the file had
	 * been sent.
	 */
	private static long peak(List<HeapSample> samples, long sent) {
		return samples.stream().filter((s) -> s.sent() <= sent).mapToLong(HeapSample::used).max().orElse(-1);
	}

	/**
	 * The peak used heap in MB for each 128 MB sent; the last also covers the time after
	 * all was sent.
	 */
	private static String profile(List<HeapSample> samples) {
		Map<Long, Long> peaks = new TreeMap<>();
		samples.forEach((s) -> peaks.merge(Math.min(s.sent(), SIZE - 1) / (128 * MB), s.used() / MB, Math::max));
		return peaks.values().toString();
	}

	/**
	 * Bytes the node has written so far, to files and sockets, where the system tells:
	 * Linux's /proc. Fails when the system does not tell, so that the check of what the
	 * upload wrote cannot pass without having looked.
	 */
	private static long written(Process node) {
		Path io = Path.of("/proc", String.valueOf(node.pid()), "io");
		List<String> lines;
		try {
			lines = Files.readAllLines(io);
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot read the bytes the node wrote from " + io, ex);
		}
		OptionalLong written = lines.stream()
			.filter((line) -> line.startsWith("wchar:"))
			.mapToLong((line) -> Long.parseLong(line.substring("wchar:".length()).trim()))
			.findFirst();
		assertThat(written).as("the bytes written (wchar) in " + io + ": " + lines).isPresent();
		return written.getAsLong();
	}

	private static List<Path> filesIn(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).toList();
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
	 * Bytes of the generated video from {@code position} on: the MP4 header, then filler.
	 */
	private static byte[] video(long position, int length) {
		byte[] bytes = new byte[length];
		Upload.fill(position, bytes, 0, length);
		return bytes;
	}

	/** The node's used heap when {@code sent} bytes of the file had been sent. */
	private record HeapSample(long sent, long used) {
	}

	/**
	 * The multipart body of an upload (text fields, then the file), generated as it is
	 * read so that no more than one buffer of it is ever in memory; counts the file's
	 * bytes read so far.
	 */
	private static final class Upload extends InputStream {

		/**
		 * A run of the filler pattern long enough to copy from at any phase: byte i is i
		 * mod 251.
		 */
		private static final byte[] FILLER = new byte[251 * 256];

		static {
			for (int i = 0; i < FILLER.length; i++) {
				FILLER[i] = (byte) (i % 251);
			}
		}

		private final byte[] head;

		private final byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);

		private final long size;

		final AtomicLong sent = new AtomicLong();

		private long position;

		/** The text fields in their order, then a video file of {@code size} bytes. */
		Upload(Map<String, String> fields, long size) {
			StringBuilder head = new StringBuilder();
			fields.forEach((name, value) -> head.append("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
					+ name + "\"\r\n\r\n" + value + "\r\n"));
			head.append("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"long.mp4\"\r\n"
					+ "Content-Type: video/mp4\r\n\r\n");
			this.head = head.toString().getBytes(StandardCharsets.UTF_8);
			this.size = size;
		}

		long length() {
			return this.head.length + this.size + this.end.length;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] into, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			long file = this.position - this.head.length;
			int count;
			if (file < 0) {
				count = (int) Math.min(length, -file);
				System.arraycopy(this.head, (int) this.position, into, offset, count);
			}
			else if (file < this.size) {
				count = (int) Math.min(length, this.size - file);
				fill(file, into, offset, count);
				this.sent.addAndGet(count);
			}
			else if (file - this.size < this.end.length) {
				count = (int) Math.min(length, this.end.length - (file - this.size));
				System.arraycopy(this.end, (int) (file - this.size), into, offset, count);
			}
			else {
				return -1;
			}
			this.position += count;
			return count;
		}

		/**
		 * The video's bytes from {@code position}: those of {@link Fixtures#MP4},
		 * continued.
		 */
		static void fill(long position, byte[] into, int offset, int length) {
			int done = 0;
			while (done < length) {
				int phase = (int) ((position + done) % 251);
				int count = Math.min(length - done, FILLER.length - phase);
				System.arraycopy(FILLER, phase, into, offset + done, count);
				done += count;
			}
			for (long p = position; p < Math.min(position + length, 12); p++) {
				into[offset + (int) (p - position)] = Fixtures.MP4[(int) p];
			}
		}

	}

}
