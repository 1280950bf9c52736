package org.guestpass.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.guestpass.Concurrently;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node's allowance of simultaneous conversions: no more than its permits at once,
 * each taken before the upload is read; an upload that waits too long is refused as busy,
 * unread.
 */
class PosterDecodesTests {

	private static final byte[] PNG = PosterImageTests.image("png", 320, 180, BufferedImage.TYPE_INT_RGB,
			Color.MAGENTA);

	@Test
	void convertsNoMoreThanTwoUploadsAtOnceAndTheOthersInTurn() throws Exception {
		PosterDecodes decodes = new PosterDecodes(PosterDecodes.PERMITS, Duration.ofSeconds(30));
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger reading = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		ExecutorService releaser = Executors.newSingleThreadExecutor();
		try {
			Future<?> released = releaser.submit(() -> {
				// Once the first ones hold their permits and all the others wait for
				// theirs.
				Awaitility.await()
					.atMost(Duration.ofSeconds(10))
					.until(() -> reading.get() == PosterDecodes.PERMITS
							&& decodes.waiting() == 12 - PosterDecodes.PERMITS);
				release.countDown();
			});

			List<PosterImage.Conversion> conversions = Concurrently.run(12,
					(i) -> convert(decodes, new HeldUpload(PNG, release, reading, mostAtOnce)));

			released.get(5, TimeUnit.SECONDS);
			assertThat(conversions).allSatisfy((conversion) -> assertThat(conversion.refusal()).isNull());
			assertThat(mostAtOnce.get()).as("uploads being read at once").isEqualTo(PosterDecodes.PERMITS);
		}
		finally {
			releaser.shutdownNow();
		}
	}

	@Test
	void refusesAnUploadThatWaitsLongerThanItsWaitAsBusyWithoutReadingIt() throws Exception {
		PosterDecodes decodes = new PosterDecodes(1, Duration.ofMillis(300));
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger reading = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		ExecutorService holder = Executors.newSingleThreadExecutor();
		try {
			Future<PosterImage.Conversion> held = holder
				.submit(() -> decodes.convert(new HeldUpload(PNG, release, reading, mostAtOnce)));
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> reading.get() == 1);
			HeldUpload waiting = new HeldUpload(PNG, new CountDownLatch(0), new AtomicInteger(), new AtomicInteger());

			long started = System.nanoTime();
			PosterImage.Conversion refused = decodes.convert(waiting);
			Duration waited = Duration.ofNanos(System.nanoTime() - started);

			assertThat(refused.refusal()).isEqualTo(MediaRefusal.IMAGES_BUSY);
			assertThat(refused.image()).isNull();
			assertThat(waiting.bytesRead).as("bytes of the refused upload read").isZero();
			assertThat(waited).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
			release.countDown();
			assertThat(held.get(10, TimeUnit.SECONDS).refusal()).as("the upload that held the permit").isNull();
			assertThat(decodes.convert(new ByteArrayInputStream(PNG)).refusal()).as("once it is free again").isNull();
		}
		finally {
			release.countDown();
			holder.shutdownNow();
		}
	}

	private static PosterImage.Conversion convert(PosterDecodes decodes, InputStream upload) {
		try {
			return decodes.convert(upload);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An upload whose first read waits for a latch, counting how many such uploads are
	 * being read at once and how many bytes of it were read.
	 */
	private static final class HeldUpload extends InputStream {

		private final InputStream bytes;

		private final CountDownLatch release;

		private final AtomicInteger reading;

		private final AtomicInteger mostAtOnce;

		private boolean started;

		long bytesRead;

		HeldUpload(byte[] bytes, CountDownLatch release, AtomicInteger reading, AtomicInteger mostAtOnce) {
			this.bytes = new ByteArrayInputStream(bytes);
			this.release = release;
			this.reading = reading;
			this.mostAtOnce = mostAtOnce;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] into, int offset, int length) throws IOException {
			if (!this.started) {
				this.started = true;
				this.mostAtOnce.accumulateAndGet(this.reading.incrementAndGet(), Math::max);
				try {
					this.release.await(20, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException(ex);
				}
			}
			int count = this.bytes.read(into, offset, length);
			if (count < 0) {
				this.reading.decrementAndGet();
			}
			else {
				this.bytesRead += count;
			}
			return count;
		}

	}

}
