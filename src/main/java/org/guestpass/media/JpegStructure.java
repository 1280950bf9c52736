package org.guestpass.media;

import java.util.Optional;

/**
 * What the markers of a JPEG's first image say about the work of decoding it, read
 * without decoding anything: its frame (size, components and their sampling), whether it
 * is progressive, and how many scans it has.
 * <p>
 * These matter because a JPEG decoder holds more than the pixels it hands over. A
 * baseline JPEG with one scan is decoded a few rows at a time; a progressive one, or one
 * whose colours come in separate scans, is first gathered whole as DCT coefficients, two
 * bytes for each sample of each component, in native memory the Java heap limit does not
 * cover (an 8000 × 8000 progressive JPEG of a few hundred bytes makes libjpeg allocate
 * 192 MB or more), and every scan is a pass over all of them. Only the first image is
 * read, as only it is decoded: whatever follows its end (a second image, a thumbnail,
 * other bytes) is not looked at.
 *
 * @param width the frame's width in pixels
 * @param height the frame's height in pixels, 0 when the frame leaves it to a later
 * marker
 * @param progressive whether the frame is progressive (SOF2, SOF6, SOF10 or SOF14)
 * @param scans how many scans (start-of-scan markers) the image has
 * @param coefficientBytes what a decoder that gathers the whole image holds: 64 two-byte
 * coefficients per 8 × 8 block of each component, the blocks rounded up to whole MCUs as
 * libjpeg does
 */
record JpegStructure(int width, int height, boolean progressive, int scans, long coefficientBytes) {

	private static final int SOI = 0xD8;

	private static final int EOI = 0xD9;

	private static final int SOS = 0xDA;

	private static final int TEM = 0x01;

	private static final int BLOCK_BYTES = 64 * 2;

	/**
	 * Whether the decoder gathers the whole image as coefficients before it outputs a
	 * row: libjpeg does for a progressive image and for a sequential one in more than one
	 * scan.
	 */
	boolean buffersWholeImage() {
		return this.progressive || this.scans > 1;
	}

	/**
	 * The structure of the first image of a JPEG that starts with a start-of-image
	 * marker; empty when its markers are broken, when it has no frame, or when a second
	 * frame header comes before its end. A first image that holds tables only (an
	 * abbreviated stream) is followed by the image it is for, as image readers expect;
	 * that one is read.
	 */
	static Optional<JpegStructure> of(byte[] jpeg) {
		Reader first = new Reader(jpeg, 0);
		if (!first.read()) {
			return Optional.empty();
		}
		if (first.frame != null) {
			return Optional.of(first.structure());
		}
		if (first.scans > 0) {
			return Optional.empty();
		}
		Reader image = new Reader(jpeg, first.end);
		if (!image.read() || image.frame == null) {
			return Optional.empty();
		}
		return Optional.of(image.structure());
	}

	/**
	 * Walks one image's markers, from its start-of-image marker to its end-of-image
	 * marker.
	 */
	private static final class Reader {

		private final byte[] bytes;

		private int position;

		private int[] frame;

		private boolean progressive;

		private int scans;

		private int end;

		Reader(byte[] bytes, int start) {
			this.bytes = bytes;
			this.position = start;
		}

		/**
		 * Whether the image's markers are whole; an image cut short after its frame
		 * header counts as read.
		 */
		boolean read() {
			if (marker() != SOI) {
				return false;
			}
			while (true) {
				int marker = marker();
				if (marker < 0) {
					// Cut short: decoders read what there is, so what was counted stands.
					this.end = this.bytes.length;
					return this.frame != null;
				}
				if (marker == EOI) {
					this.end = this.position;
					return true;
				}
				if (marker == SOI || marker == TEM || (marker >= 0xD0 && marker <= 0xD7)) {
					// No second image inside this one; restart markers belong inside
					// scans only.
					return false;
				}
				int length = unsigned16(this.position);
				if (length < 0 || this.position + length > this.bytes.length) {
					this.end = this.bytes.length;
					return this.frame != null;
				}
				if (length < 2) {
					return false;
				}
				int segment = this.position + 2;
				this.position += length;
				if (isFrame(marker)) {
					if (this.frame != null || !readFrame(segment, length - 2)) {
						return false;
					}
					this.progressive = (marker & 0x03) == 0x02;
				}
				else if (marker == SOS) {
					this.scans++;
					skipEntropyCodedData();
				}
			}
		}

		JpegStructure structure() {
			int width = this.frame[0];
			int height = this.frame[1];
			int maxH = 1;
			int maxV = 1;
			for (int c = 2; c < this.frame.length; c += 2) {
				maxH = Math.max(maxH, this.frame[c]);
				maxV = Math.max(maxV, this.frame[c + 1]);
			}
			long bytes = 0;
			for (int c = 2; c < this.frame.length; c += 2) {
				int h = this.frame[c];
				int v = this.frame[c + 1];
				long blocksWide = roundUp(ceil(ceil((long) width * h, maxH), 8), h);
				long blocksHigh = roundUp(ceil(ceil((long) height * v, maxV), 8), v);
				bytes += blocksWide * blocksHigh * BLOCK_BYTES;
			}
			return new JpegStructure(width, height, this.progressive, this.scans, bytes);
		}

		/**
		 * Frame header: precision, height, width, and for each component its id, sampling
		 * factors and table.
		 */
		private boolean readFrame(int at, int length) {
			if (length < 6) {
				return false;
			}
			int height = unsigned16(at + 1);
			int width = unsigned16(at + 3);
			int components = this.bytes[at + 5] & 0xFF;
			if (components < 1 || length < 6 + 3 * components) {
				return false;
			}
			int[] frame = new int[2 + 2 * components];
			frame[0] = width;
			frame[1] = height;
			for (int c = 0; c < components; c++) {
				int sampling = this.bytes[at + 6 + 3 * c + 1] & 0xFF;
				int h = sampling >> 4;
				int v = sampling & 0x0F;
				if (h < 1 || h > 4 || v < 1 || v > 4) {
					return false;
				}
				frame[2 + 2 * c] = h;
				frame[3 + 2 * c] = v;
			}
			this.frame = frame;
			return true;
		}

		/**
		 * Moves past a scan's entropy-coded bytes, to the next marker other than a
		 * restart marker.
		 */
		private void skipEntropyCodedData() {
			while (this.position + 1 < this.bytes.length) {
				if ((this.bytes[this.position] & 0xFF) != 0xFF) {
					this.position++;
					continue;
				}
				int next = this.bytes[this.position + 1] & 0xFF;
				if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
					this.position += 2;
				}
				else if (next == 0xFF) {
					this.position++;
				}
				else {
					return;
				}
			}
			this.position = this.bytes.length;
		}

		/**
		 * The next marker's code, past any fill bytes; -1 at the end of the bytes or
		 * where no marker is.
		 */
		private int marker() {
			if (this.position >= this.bytes.length || (this.bytes[this.position] & 0xFF) != 0xFF) {
				return -1;
			}
			while (this.position < this.bytes.length && (this.bytes[this.position] & 0xFF) == 0xFF) {
				this.position++;
			}
			if (this.position >= this.bytes.length) {
				return -1;
			}
			return this.bytes[this.position++] & 0xFF;
		}

		private int unsigned16(int at) {
			if (at + 1 >= this.bytes.length) {
				return -1;
			}
			return ((this.bytes[at] & 0xFF) << 8) | (this.bytes[at + 1] & 0xFF);
		}

		/** SOF0 to SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range. */
		private static boolean isFrame(int marker) {
			return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
		}

		private static long ceil(long value, long divisor) {
			return (value + divisor - 1) / divisor;
		}

		private static long roundUp(long value, long multiple) {
			return ceil(value, multiple) * multiple;
		}

	}

}
