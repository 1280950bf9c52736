package org.guestpass.media;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * The node's allowance of poster conversions under way at once: at most
 * {@value #PERMITS}, each of which holds at most the memory {@link PosterImage} budgets
 * (its heap part, about 52 MB, twice over fits well in a 256 MB heap beside the rest of
 * GuestPass). A conversion holds its permit from before the upload is read into memory
 * until its JPEG is made, so uploads that wait hold no image memory. One that cannot get
 * a permit within {@link #WAIT} (in turn: the permits are fair) is refused with
 * {@link MediaRefusal#IMAGES_BUSY}, before anything was read or stored.
 */
@Component
class PosterDecodes {

	static final int PERMITS = 2;

	/**
	 * How long an upload waits for a conversion to finish; the slowest allowed takes
	 * about a second.
	 */
	static final Duration WAIT = Duration.ofSeconds(5);

	private final Semaphore permits;

	private final Duration wait;

	PosterDecodes() {
		this(PERMITS, WAIT);
	}

	PosterDecodes(int permits, Duration wait) {
		this.permits = new Semaphore(permits, true);
		this.wait = wait;
	}

	/** {@link PosterImage#convert} once a permit is free, or refused as busy. */
	PosterImage.Conversion convert(InputStream upload) throws IOException {
		try {
			if (!this.permits.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS)) {
				return PosterImage.Conversion.refused(MediaRefusal.IMAGES_BUSY);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return PosterImage.Conversion.refused(MediaRefusal.IMAGES_BUSY);
		}
		try {
			return PosterImage.convert(upload);
		}
		finally {
			this.permits.release();
		}
	}

	/** How many conversions wait for their turn now. */
	int waiting() {
		return this.permits.getQueueLength();
	}

}
