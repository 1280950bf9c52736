package org.guestpass.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A poster image ready to store: a JPEG made from an uploaded PNG or JPEG, at most
 * {@value #MAX_WIDTH} pixels wide.
 * <p>
 * The upload is trusted for nothing. Its type comes from its first bytes, never from its name or
 * declared type; at most {@value #MAX_BYTES} bytes are read; its dimensions are read from the image
 * header before any pixel is decoded, so a small file that claims more than {@value #MAX_DIMENSION}
 * pixels a side (a decompression bomb) is refused without being decoded. What is kept is a new JPEG
 * drawn from the decoded pixels, so nothing else of the file survives: EXIF and GPS positions,
 * comments, thumbnails and any bytes appended to the image are all dropped.
 */
record PosterImage(byte[] jpeg, int width, int height) {

	/** The largest upload read. */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	/** The most pixels either side of an upload may have. */
	static final int MAX_DIMENSION = 8000;

	/** The widest poster kept; wider images are scaled down, keeping their aspect ratio. */
	static final int MAX_WIDTH = 1280;

	static final String CONTENT_TYPE = "image/jpeg";

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final float JPEG_QUALITY = 0.85f;

	/** A poster made from an upload, or why there is none. */
	record Conversion(PosterImage image, MediaRefusal refusal) {

		static Conversion refused(MediaRefusal refusal) {
			return new Conversion(null, refusal);
		}

	}

	/** Reads, checks and re-encodes an upload; the stream is read no further than one byte past the limit. */
	static Conversion convert(InputStream upload) throws IOException {
		byte[] bytes = upload.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			return Conversion.refused(MediaRefusal.IMAGE_TOO_LARGE);
		}
		Optional<String> format = format(bytes);
		if (format.isEmpty()) {
			return Conversion.refused(MediaRefusal.NOT_AN_IMAGE);
		}
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.get());
		if (!readers.hasNext()) {
			throw new IllegalStateException("This Java runtime has no " + format.get() + " reader");
		}
		ImageReader reader = readers.next();
		int width;
		int height;
		BufferedImage decoded;
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(input, true, true);
			width = reader.getWidth(0);
			height = reader.getHeight(0);
			if (width > MAX_DIMENSION || height > MAX_DIMENSION) {
				return Conversion.refused(MediaRefusal.IMAGE_DIMENSIONS_TOO_LARGE);
			}
			if (width < 1 || height < 1) {
				return Conversion.refused(MediaRefusal.NOT_AN_IMAGE);
			}
			// A very wide image is decoded at every n-th pixel, to at least twice the poster's width,
			// so that no more memory is used than the result needs; the smooth scaling comes after.
			int step = Math.max(1, width / (2 * MAX_WIDTH));
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(step, step, 0, 0);
			decoded = reader.read(0, param);
		}
		catch (IOException | RuntimeException ex) {
			// Image readers meet broken files with all kinds of exceptions; each means "not an image".
			return Conversion.refused(MediaRefusal.NOT_AN_IMAGE);
		}
		finally {
			reader.dispose();
		}
		int targetWidth = Math.min(width, MAX_WIDTH);
		int targetHeight = Math.max(1, (int) Math.round((double) height * targetWidth / width));
		BufferedImage poster = scaled(decoded, targetWidth, targetHeight);
		return new Conversion(new PosterImage(jpeg(poster), targetWidth, targetHeight), null);
	}

	/** "png" or "jpeg" by the file's first bytes. */
	private static Optional<String> format(byte[] bytes) {
		if (startsWith(bytes, PNG)) {
			return Optional.of("png");
		}
		if (startsWith(bytes, JPEG)) {
			return Optional.of("jpeg");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	/**
	 * The image at the given size, drawn on white (JPEG has no transparency): halved step by step
	 * first, since one bilinear step of more than half loses detail unevenly.
	 */
	private static BufferedImage scaled(BufferedImage image, int width, int height) {
		BufferedImage current = image;
		do {
			int nextWidth = Math.max(width, current.getWidth() / 2);
			int nextHeight = Math.max(height, current.getHeight() / 2);
			current = drawn(current, nextWidth, nextHeight);
		}
		while (current.getWidth() != width || current.getHeight() != height);
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

	/** A baseline JPEG of the pixels alone: no metadata goes in but the JFIF header the writer adds. */
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

}
