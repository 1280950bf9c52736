package org.guestpass.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A PNG's header, and the PNG cut down to the chunks that make its pixels, read without
 * decoding anything.
 * <p>
 * Only the header (IHDR), palette (PLTE), transparency (tRNS), image data (IDAT) and end
 * (IEND) chunks are handed to the decoder. Everything else is left out before any of it
 * is read: compressed text (zTXt, iTXt) and colour profiles (iCCP), which Java's PNG
 * reader inflates or copies into memory when it reads a palette image's metadata, so that
 * a small chunk could unpack to far more than the upload; the frames of an animated PNG
 * (acTL, fcTL, fdAT), of which only the default image is a poster; text, EXIF and
 * anything after the end chunk. None of them changes a pixel that Java's reader produces.
 *
 * @param width the width its header claims
 * @param height the height its header claims
 * @param imageChunks the signature and the chunks above in their order, or {@code null}
 * when the file's chunks are not whole up to its end chunk, or it has no image data
 */
record PngStructure(int width, int height, byte[] imageChunks) {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "tRNS", "IDAT", "IEND");

	/** A chunk's length, type and CRC. */
	private static final int FRAMING = 12;

	/**
	 * The header and its chunks; empty when the file does not start with a PNG signature
	 * and header chunk.
	 */
	static Optional<PngStructure> of(byte[] png) {
		if (png.length < SIGNATURE.length + FRAMING + 13
				|| !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length) || int32(png, 8) != 13
				|| !"IHDR".equals(type(png, 12))) {
			return Optional.empty();
		}
		int width = int32(png, 16);
		int height = int32(png, 20);
		return Optional.of(new PngStructure(width, height, imageChunks(png)));
	}

	private static byte[] imageChunks(byte[] png) {
		ByteArrayOutputStream kept = new ByteArrayOutputStream(png.length);
		kept.write(png, 0, SIGNATURE.length);
		boolean imageData = false;
		int position = SIGNATURE.length;
		while (position + FRAMING <= png.length) {
			long length = int32(png, position) & 0xFFFFFFFFL;
			if (length > png.length - position - FRAMING) {
				return null;
			}
			String type = type(png, position + 4);
			int size = FRAMING + (int) length;
			if (KEPT.contains(type)) {
				kept.write(png, position, size);
			}
			imageData |= type.equals("IDAT");
			if (type.equals("IEND")) {
				return imageData ? kept.toByteArray() : null;
			}
			position += size;
		}
		return null;
	}

	private static int int32(byte[] bytes, int at) {
		return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
				| (bytes[at + 3] & 0xFF);
	}

	private static String type(byte[] bytes, int at) {
		return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
	}

}
