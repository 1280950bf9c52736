package org.guestpass.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.SampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStreamImpl;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poster image ready to store: a JPEG made from an uploaded PNG or JPEG, fitted within
 * {@value #MAX_SIDE} × {@value #MAX_SIDE} pixels.
 * <p>
 * The upload is trusted for nothing. Its type comes from its first bytes, never from its
 * name or declared type; at most {@value #MAX_BYTES} bytes are read. What decoding it
 * would take is worked out from its header and markers before any pixel is decoded, and a
 * small file that claims too much (a decompression bomb) is refused without being
 * decoded:
 * <ul>
 * <li>at most {@value #MAX_DIMENSION} pixels a side and {@value #MAX_PIXELS} pixels in
 * all;
 * <li>the image is decoded at every n-th pixel of every m-th row, n and m chosen from its
 * width and height so that it is still at least twice the poster's size on each side, and
 * further apart until the decoded raster, at the bytes per pixel of the type the reader
 * produces (16-bit and alpha channels included), plus the 4-byte-per-pixel copy of it
 * that is scaled down, fits {@value #HEAP_BUDGET} bytes;
 * <li>a JPEG that its decoder gathers whole before it outputs a row (progressive, or in
 * several scans) is refused when those coefficients, held in native memory outside the
 * Java heap, would take more than {@value #NATIVE_BUDGET} bytes (decoding an 8000 × 8000
 * progressive JPEG made a JVM's resident memory grow 235 MB more than the same image as a
 * baseline JPEG, and a few hundred bytes can claim that size), or when Java's reader,
 * which draws such an image whole again after each of its scans, would draw more than
 * {@value #MAX_DRAWN_PIXELS} pixels in all (a 12-megapixel one of 200 scans, 26 KB, took
 * 25 seconds of a core); and any JPEG with more than {@value #MAX_SCANS} scans;
 * <li>only the first image is decoded: a PNG's animation frames and a JPEG's further
 * images are not.
 * </ul>
 * What is kept is a new JPEG drawn from the decoded pixels, so nothing else of the file
 * survives: EXIF and GPS positions, comments, colour profiles, thumbnails and any bytes
 * appended to the image are all dropped; a PNG's other chunks are dropped before it is
 * decoded (see {@link PngStructure}).
 * <p>
 * Converting one upload holds at most the upload and a copy of it (5 MB each), the 32 MB
 * above, and poster-sized images (about 10 MB) on the heap, and 64 MB outside it;
 * {@link PosterDecodes} keeps a node to a few conversions at once.
 */
record PosterImage(byte[] jpeg, int width, int height) {

	/** The largest upload read. */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	/** The most pixels either side of an upload may have. */
	static final int MAX_DIMENSION = 8000;

	/**
	 * The most pixels an upload may have in all: 8000 × 5000, or a 40-megapixel camera's
	 * photo.
	 */
	static final long MAX_PIXELS = 40_000_000;

	/**
	 * The poster is fitted within a square of this side, keeping its aspect ratio;
	 * smaller images keep their size.
	 */
	static final int MAX_SIDE = 1280;

	/**
	 * The most heap a decoded image may take, with the copy of it that is scaled down.
	 */
	static final long HEAP_BUDGET = 32L * 1024 * 1024;

	/** The most native memory a JPEG decoder may hold the image's coefficients in. */
	static final long NATIVE_BUDGET = 64L * 1024 * 1024;

	/**
	 * The most scans a JPEG may have; encoders write 1 (baseline) to about 10
	 * (progressive), rarely 20.
	 */
	static final int MAX_SCANS = 100;

	/**
	 * The most pixels Java's JPEG reader may draw for a progressive (or several-scan)
	 * JPEG, which it draws whole again after each scan: its pixels times its scans, such
	 * as 25 megapixels in 10 scans. Each drawing is a full decode, of every row, whatever
	 * the subsampling.
	 */
	static final long MAX_DRAWN_PIXELS = 250_000_000;

	/**
	 * The bytes per pixel of the 4-byte RGB copy of the decoded image that is scaled down
	 * to the poster.
	 */
	private static final int SCALING_COPY_BYTES_PER_PIXEL = 4;

	/** How many rows of the decoded image are drawn into that copy at once. */
	private static final int STRIP_ROWS = 64;

	static final String CONTENT_TYPE = "image/jpeg";

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final float JPEG_QUALITY = 0.85f;

	private static final Logger log = LoggerFactory.getLogger(PosterImage.class);

	/**
	 * Reads, checks and re-encodes an upload; the stream is read no further than one byte
	 * past the limit.
	 */
	static Conversion convert(InputStream upload) throws IOException {
		byte[] bytes = upload.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			return Conversion.refused(MediaRefusal.IMAGE_TOO_LARGE);
		}
		if (startsWith(bytes, PNG)) {
			return convertPng(bytes);
		}
		if (startsWith(bytes, JPEG)) {
			return convertJpeg(bytes);
		}
		return Conversion.refused(MediaRefusal.NOT_AN_IMAGE);
	}

	private static Conversion convertPng(byte[] bytes) throws IOException {
		PngStructure png = PngStructure.of(bytes).orElse(null);
		if (png == null) {
			return Conversion.refused(MediaRefusal.NOT_AN_IMAGE);
		}
		MediaRefusal size = sizeRefusal(png.width(), png.height());
		if (size != null) {
			return Conversion.refused(size);
		}
		if (png.imageChunks() == null) {
			return Conversion.refused(MediaRefusal.NOT_AN_IMAGE);
		}
		return decode("png", png.imageChunks(), png.width(), png.height(), 0);
	}

	private static Conversion convertJpeg(byte[] bytes) throws IOException {
		JpegStructure jpeg = JpegStructure.of(bytes).orElse(null);
		if (jpeg == null) {
			return Conversion.refused(MediaRefusal.NOT_AN_IMAGE);
		}
		MediaRefusal size = sizeRefusal(jpeg.width(), jpeg.height());
		if (size != null) {
			return Conversion.refused(size);
		}
		if (jpeg.scans() > MAX_SCANS) {
			return Conversion.refused(MediaRefusal.IMAGE_TOO_COMPLEX);
		}
		if (!jpeg.buffersWholeImage()) {
			return decode("jpeg", bytes, jpeg.width(), jpeg.height(), 0);
		}
		if ((long) jpeg.scans() * jpeg.width() * jpeg.height() > MAX_DRAWN_PIXELS) {
			return Conversion.refused(MediaRefusal.IMAGE_TOO_COMPLEX);
		}
		return decode("jpeg", bytes, jpeg.width(), jpeg.height(), jpeg.coefficientBytes());
	}

	/**
	 * Whether the claimed size is out of bounds, checked before anything else is read.
	 */
	private static MediaRefusal sizeRefusal(int width, int height) {
		if (width > MAX_DIMENSION || height > MAX_DIMENSION) {
			return MediaRefusal.IMAGE_DIMENSIONS_TOO_LARGE;
		}
		if (width < 1 || height < 1) {
			return MediaRefusal.NOT_AN_IMAGE;
		}
		if ((long) width * height > MAX_PIXELS) {
			return MediaRefusal.IMAGE_TOO_MANY_PIXELS;
		}
		return null;
	}

	/**
	 * Plans the decoding from the reader's header and image type, refuses it if it would
	 * not fit the budgets, and otherwise decodes, scales and re-encodes.
	 */
	private static Conversion decode(String format, byte[] bytes, int width, int height, long nativeBytes)
			throws IOException {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			throw new IllegalStateException("This Java runtime has no " + format + " reader");
		}
		ImageReader reader = readers.next();
		Decoding planned;
		BufferedImage decoded;
		try (BytesInput input = new BytesInput(bytes)) {
			reader.setInput(input, true, true);
			if (reader.getWidth(0) != width || reader.getHeight(0) != height) {
				// The reader sees another image than the markers said: decode nothing.
				return Conversion.refused(MediaRefusal.NOT_AN_IMAGE);
			}
			ImageTypeSpecifier type = reader.getImageTypes(0).next();
			planned = plan(width, height, bitsPerPixel(type.getSampleModel()), nativeBytes);
			if (!planned.withinBudget()) {
				return new Conversion.RefusedAsPlanned(MediaRefusal.IMAGE_TOO_COMPLEX, planned);
			}
			ImageReadParam param = reader.getDefaultReadParam();
			param.setDestinationType(type);
			param.setSourceSubsampling(planned.stepX(), planned.stepY(), 0, 0);
			decoded = reader.read(0, param);
		}
		catch (OutOfMemoryError ex) {
			return shortOfMemory(width, height);
		}
		catch (IOException | RuntimeException ex) {
			if (causedByMemory(ex)) {
				return shortOfMemory(width, height);
			}
			// Image readers meet broken files with all kinds of exceptions; each means
			// "not an image".
			return Conversion.refused(MediaRefusal.NOT_AN_IMAGE);
		}
		finally {
			reader.dispose();
		}
		long rasterBytes = rasterBytes(decoded);
		if (decoded.getWidth() != planned.width() || decoded.getHeight() != planned.height()
				|| rasterBytes > planned.rasterBytes()) {
			throw new IllegalStateException("Decoded " + decoded.getWidth() + " × " + decoded.getHeight()
					+ " pixels in " + rasterBytes + " bytes where " + planned + " was planned");
		}
		Decoding decoding = new Decoding(planned.stepX(), planned.stepY(), decoded.getWidth(), decoded.getHeight(),
				rasterBytes, planned.heapBytes() - planned.rasterBytes() + rasterBytes, nativeBytes);
		Size poster = posterSize(width, height);
		BufferedImage image = scaled(flattened(decoded), poster.width(), poster.height());
		return new Conversion.Converted(new PosterImage(jpeg(image), poster.width(), poster.height()), decoding);
	}

	/**
	 * The poster's size: the image's own, or fitted within {@value #MAX_SIDE} pixels a
	 * side.
	 */
	static Size posterSize(int width, int height) {
		if (width <= MAX_SIDE && height <= MAX_SIDE) {
			return new Size(width, height);
		}
		if (width >= height) {
			return new Size(MAX_SIDE, (int) Math.max(1, Math.round((double) height * MAX_SIDE / width)));
		}
		return new Size((int) Math.max(1, Math.round((double) width * MAX_SIDE / height)), MAX_SIDE);
	}

	/**
	 * The decoding of an image of this size and these bits per pixel. Each side is
	 * decoded at the largest step that keeps it at least twice the poster's (the smooth
	 * scaling after needs no more); while the raster is still over {@link #HEAP_BUDGET},
	 * the side with the most to spare is stepped further, down to the poster's size. What
	 * the decoder holds outside the heap cannot be stepped down.
	 */
	static Decoding plan(int width, int height, int bitsPerPixel, long nativeBytes) {
		Size poster = posterSize(width, height);
		int stepX = Math.max(1, width / (2 * poster.width()));
		int stepY = Math.max(1, height / (2 * poster.height()));
		int lastStepX = Math.max(1, width / poster.width());
		int lastStepY = Math.max(1, height / poster.height());
		while (heapBytes(width, height, stepX, stepY, bitsPerPixel) > HEAP_BUDGET
				&& (stepX < lastStepX || stepY < lastStepY)) {
			double spareX = (double) ceil(width, stepX) / poster.width();
			double spareY = (double) ceil(height, stepY) / poster.height();
			if (stepY >= lastStepY || (stepX < lastStepX && spareX >= spareY)) {
				stepX++;
			}
			else {
				stepY++;
			}
		}
		int decodedWidth = ceil(width, stepX);
		int decodedHeight = ceil(height, stepY);
		return new Decoding(stepX, stepY, decodedWidth, decodedHeight,
				rasterBytes(decodedWidth, decodedHeight, bitsPerPixel),
				heapBytes(width, height, stepX, stepY, bitsPerPixel), nativeBytes);
	}

	private static long heapBytes(int width, int height, int stepX, int stepY, int bitsPerPixel) {
		int decodedWidth = ceil(width, stepX);
		int decodedHeight = ceil(height, stepY);
		return rasterBytes(decodedWidth, decodedHeight, bitsPerPixel)
				+ (long) decodedWidth * decodedHeight * SCALING_COPY_BYTES_PER_PIXEL;
	}

	/** The bytes of a raster of this many pixels, each row padded to whole bytes. */
	private static long rasterBytes(int width, int height, int bitsPerPixel) {
		return ((long) width * bitsPerPixel + 7) / 8 * height;
	}

	/**
	 * The bits a pixel of this layout takes in its raster: each band a whole data element
	 * for interleaved and banded layouts (16-bit samples take two bytes), one element for
	 * pixels packed into an int, and the pixel bit stride where several pixels share an
	 * element (1-, 2- and 4-bit palette and grey images).
	 */
	static int bitsPerPixel(SampleModel layout) {
		if (layout instanceof MultiPixelPackedSampleModel packed) {
			return packed.getPixelBitStride();
		}
		return layout.getNumDataElements() * DataBuffer.getDataTypeSize(layout.getDataType());
	}

	/** The bytes the image's raster holds. */
	static long rasterBytes(BufferedImage image) {
		DataBuffer data = image.getRaster().getDataBuffer();
		return (long) data.getSize() * data.getNumBanks() * DataBuffer.getDataTypeSize(data.getDataType()) / 8;
	}

	/**
	 * The refusal when decoding ran out of memory (Java's PNG reader reports it as a read
	 * error): not the upload's fault, since its decoding was within the budget, so the
	 * answer is to try again.
	 */
	private static Conversion shortOfMemory(int width, int height) {
		log.warn("Ran out of memory decoding a poster of {} × {} pixels", width, height);
		return Conversion.refused(MediaRefusal.IMAGES_BUSY);
	}

	private static boolean causedByMemory(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OutOfMemoryError) {
				return true;
			}
		}
		return false;
	}

	private static int ceil(int value, int divisor) {
		return (value + divisor - 1) / divisor;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	/**
	 * The decoded image drawn as it is on white (JPEG has no transparency), as 4-byte RGB
	 * pixels, which Java2D scales directly. Asked to scale or draw any other type
	 * (16-bit, packed, with alpha), it first copies the whole image into 4-byte pixels,
	 * once or twice; drawn a strip of rows at a time, it only copies a strip. The decoded
	 * raster can go once this is drawn.
	 */
	private static BufferedImage flattened(BufferedImage decoded) {
		int width = decoded.getWidth();
		int height = decoded.getHeight();
		BufferedImage flat = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = flat.createGraphics();
		try {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			for (int y = 0; y < height; y += STRIP_ROWS) {
				graphics.drawImage(decoded.getSubimage(0, y, width, Math.min(STRIP_ROWS, height - y)), 0, y, null);
			}
		}
		finally {
			graphics.dispose();
		}
		return flat;
	}

	/**
	 * The image at the given size: halved step by step first, since one bilinear step of
	 * more than half loses detail unevenly.
	 */
	private static BufferedImage scaled(BufferedImage image, int width, int height) {
		BufferedImage current = image;
		while (current.getWidth() != width || current.getHeight() != height) {
			int nextWidth = Math.max(width, current.getWidth() / 2);
			int nextHeight = Math.max(height, current.getHeight() / 2);
			current = drawn(current, nextWidth, nextHeight);
		}
		return current;
	}

	private static BufferedImage drawn(BufferedImage image, int width, int height) {
		BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = result.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			graphics.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return result;
	}

	/**
	 * A baseline JPEG of the pixels alone: no metadata goes in but the JFIF header the
	 * writer adds.
	 */
	private static byte[] jpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	/**
	 * What became of an upload: a poster, with how it was decoded; refused before a
	 * decoding was planned; or refused once its planned decoding proved too costly. Match
	 * the three with {@code instanceof}; like {@link org.guestpass.system.Outcome}'s, the
	 * {@link #refusal()} and {@link #image()} of the case that has none are null.
	 */
	sealed interface Conversion {

		static Conversion refused(MediaRefusal refusal) {
			return new Refused(refusal);
		}

		/** Why the upload was refused, or null when it was converted. */
		default MediaRefusal refusal() {
			return null;
		}

		/** The poster made, or null when the upload was refused. */
		default PosterImage image() {
			return null;
		}

		/**
		 * How the image was, or would have been, decoded; an upload refused before one
		 * was planned has none, and asking for it is a mistake.
		 */
		default Decoding decoding() {
			throw new IllegalStateException("Refused before a decoding was planned: " + refusal());
		}

		/** The upload made this poster, decoded so. */
		record Converted(PosterImage image, Decoding decoding) implements Conversion {
		}

		/** The upload was refused for this reason before any decoding was planned. */
		record Refused(MediaRefusal refusal) implements Conversion {
		}

		/** The upload was refused once its decoding was planned, as planned. */
		record RefusedAsPlanned(MediaRefusal refusal, Decoding decoding) implements Conversion {
		}

	}

	/**
	 * How an image is (or would be) decoded: every {@code stepX}-th pixel of every
	 * {@code stepY}-th row, giving a raster of {@code width} × {@code height} pixels.
	 *
	 * @param rasterBytes the decoded raster's size: planned from the reader's image type,
	 * and once decoded, the size of the raster it produced
	 * @param heapBytes the raster and the 4-byte RGB copy of it that is scaled down,
	 * which {@link #HEAP_BUDGET} bounds
	 * @param nativeBytes what the decoder holds outside the heap, which
	 * {@link #NATIVE_BUDGET} bounds
	 */
	record Decoding(int stepX, int stepY, int width, int height, long rasterBytes, long heapBytes, long nativeBytes) {

		boolean withinBudget() {
			return this.heapBytes <= HEAP_BUDGET && this.nativeBytes <= NATIVE_BUDGET;
		}

	}

	/** A width and height in pixels. */
	record Size(int width, int height) {
	}

	/**
	 * An image stream that reads bytes already in memory where they are, rather than
	 * copying them into a cache.
	 */
	private static final class BytesInput extends ImageInputStreamImpl {

		private byte[] bytes;

		BytesInput(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		public int read() throws IOException {
			checkClosed();
			this.bitOffset = 0;
			return (this.streamPos < this.bytes.length) ? this.bytes[(int) this.streamPos++] & 0xFF : -1;
		}

		@Override
		public int read(byte[] into, int offset, int length) throws IOException {
			checkClosed();
			Objects.checkFromIndexSize(offset, length, into.length);
			this.bitOffset = 0;
			if (length == 0) {
				return 0;
			}
			if (this.streamPos >= this.bytes.length) {
				return -1;
			}
			int count = (int) Math.min(length, this.bytes.length - this.streamPos);
			System.arraycopy(this.bytes, (int) this.streamPos, into, offset, count);
			this.streamPos += count;
			return count;
		}

		@Override
		public long length() {
			return (this.bytes != null) ? this.bytes.length : -1;
		}

		@Override
		public void close() throws IOException {
			super.close();
			// Closed streams wait for finalization before they are collected; the bytes
			// need not.
			this.bytes = null;
		}

	}

}
