package org.guestpass.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small files that claim many pixels, written by hand in the test: PNGs whose image data
 * is a compressed run of zeros (a 2559 × 8000 16-bit RGBA one is 159 KB and decodes to
 * 164 MB), animated PNGs, and JPEGs whose frame header claims more than their scans hold,
 * or that repeat their scans.
 */
final class CraftedImages {

	static final int GRAY = 0;

	static final int RGB = 2;

	static final int PALETTE = 3;

	static final int GRAY_ALPHA = 4;

	static final int RGBA = 6;

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/**
	 * The run of zeros compressed once and repeated: independent deflate blocks, each
	 * ending on a full flush.
	 */
	private static final int UNIT = 1 << 20;

	private static final byte[] DEFLATED_UNIT = deflatedZeros(UNIT);

	private CraftedImages() {
	}

	/**
	 * A whole PNG of the given size and format, every sample 0 (black, or transparent, or
	 * palette entry 0).
	 */
	static byte[] png(int width, int height, int bitDepth, int colorType, boolean interlaced) {
		return concat(SIGNATURE, header(width, height, bitDepth, colorType, interlaced), palette(colorType, bitDepth),
				chunk("IDAT", zlibOfZeros(imageDataLength(width, height, bitDepth, colorType, interlaced))),
				chunk("IEND", new byte[0]));
	}

	/**
	 * An animated PNG: its default image (which a reader without animation support
	 * shows), then {@code frames} further frames of {@code frameWidth} ×
	 * {@code frameHeight} at its top left, RGBA.
	 */
	static byte[] apng(int width, int height, int frames, int frameWidth, int frameHeight) {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(SIGNATURE);
		png.writeBytes(header(width, height, 8, RGBA, false));
		png.writeBytes(chunk("acTL", ByteBuffer.allocate(8).putInt(frames + 1).putInt(0).array()));
		int sequence = 0;
		png.writeBytes(chunk("fcTL", frameControl(sequence++, width, height)));
		png.writeBytes(chunk("IDAT", zlibOfZeros(imageDataLength(width, height, 8, RGBA, false))));
		byte[] frameData = zlibOfZeros(imageDataLength(frameWidth, frameHeight, 8, RGBA, false));
		for (int frame = 0; frame < frames; frame++) {
			png.writeBytes(chunk("fcTL", frameControl(sequence++, frameWidth, frameHeight)));
			png.writeBytes(chunk("fdAT", concat(ByteBuffer.allocate(4).putInt(sequence++).array(), frameData)));
		}
		png.writeBytes(chunk("IEND", new byte[0]));
		return png.toByteArray();
	}

	/** The PNG with a chunk added right after its header chunk. */
	static byte[] withChunk(byte[] png, String type, byte[] data) {
		int afterHeader = 8 + 12 + 13;
		return concat(Arrays.copyOf(png, afterHeader), chunk(type, data),
				Arrays.copyOfRange(png, afterHeader, png.length));
	}

	/** A zTXt chunk's data: a keyword, then {@code length} zeros compressed. */
	static byte[] compressedText(long length) {
		return concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1), zlibOfZeros(length));
	}

	/**
	 * A JPEG written by ImageIO, baseline or progressive, of a picture with some detail
	 * in it.
	 */
	static byte[] jpeg(int width, int height, boolean progressive) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.BLUE);
		graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if (progressive) {
				param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			}
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	/**
	 * The JPEG with its frame header claiming another size: its scans then hold too
	 * little, which decoders make up for with grey, after allocating for the claimed
	 * size.
	 */
	static byte[] claimingSize(byte[] jpeg, int width, int height) {
		byte[] patched = jpeg.clone();
		int frame = frameHeader(patched);
		patched[frame + 5] = (byte) (height >> 8);
		patched[frame + 6] = (byte) height;
		patched[frame + 7] = (byte) (width >> 8);
		patched[frame + 8] = (byte) width;
		return patched;
	}

	/** The JPEG with its last scan repeated {@code copies} more times before its end. */
	static byte[] withRepeatedLastScan(byte[] jpeg, int copies) {
		int end = jpeg.length - 2;
		int lastScan = -1;
		for (int i = end - 2; i >= 0; i--) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
				lastScan = i;
				break;
			}
		}
		byte[] scan = Arrays.copyOfRange(jpeg, lastScan, end);
		ByteArrayOutputStream repeated = new ByteArrayOutputStream();
		repeated.write(jpeg, 0, end);
		for (int copy = 0; copy < copies; copy++) {
			repeated.writeBytes(scan);
		}
		repeated.write(jpeg, end, 2);
		return repeated.toByteArray();
	}

	/** How many scans the JPEG has, by its start-of-scan markers. */
	static int scans(byte[] jpeg) {
		int scans = 0;
		for (int i = 0; i + 1 < jpeg.length; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
				scans++;
			}
		}
		return scans;
	}

	/** Where the JPEG's frame header marker is, walking its segments from the start. */
	private static int frameHeader(byte[] jpeg) {
		int position = 2;
		while (position + 4 <= jpeg.length) {
			int marker = jpeg[position + 1] & 0xFF;
			if (marker >= 0xC0 && marker <= 0xC2) {
				return position;
			}
			position += 2 + (((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF));
		}
		throw new IllegalArgumentException("No frame header");
	}

	private static byte[] header(int width, int height, int bitDepth, int colorType, boolean interlaced) {
		return chunk("IHDR",
				ByteBuffer.allocate(13)
					.putInt(width)
					.putInt(height)
					.put((byte) bitDepth)
					.put((byte) colorType)
					.put((byte) 0)
					.put((byte) 0)
					.put((byte) (interlaced ? 1 : 0))
					.array());
	}

	private static byte[] palette(int colorType, int bitDepth) {
		if (colorType != PALETTE) {
			return new byte[0];
		}
		byte[] entries = new byte[3 * (1 << bitDepth)];
		entries[0] = (byte) 0xFF;
		return chunk("PLTE", entries);
	}

	private static byte[] frameControl(int sequence, int width, int height) {
		return ByteBuffer.allocate(26)
			.putInt(sequence)
			.putInt(width)
			.putInt(height)
			.putInt(0)
			.putInt(0)
			.putShort((short) 1)
			.putShort((short) 10)
			.put((byte) 0)
			.put((byte) 0)
			.array();
	}

	/**
	 * The bytes of a PNG's filtered scanlines (one filter byte a row), for each Adam7
	 * pass if interlaced.
	 */
	static long imageDataLength(int width, int height, int bitDepth, int colorType, boolean interlaced) {
		int bitsPerPixel = bitDepth * switch (colorType) {
			case GRAY, PALETTE -> 1;
			case GRAY_ALPHA -> 2;
			case RGB -> 3;
			case RGBA -> 4;
			default -> throw new IllegalArgumentException("colour type " + colorType);
		};
		if (!interlaced) {
			return (long) height * (1 + ((long) width * bitsPerPixel + 7) / 8);
		}
		int[][] passes = { { 0, 0, 8, 8 }, { 4, 0, 8, 8 }, { 0, 4, 4, 8 }, { 2, 0, 4, 4 }, { 0, 2, 2, 4 },
				{ 1, 0, 2, 2 }, { 0, 1, 1, 2 } };
		long length = 0;
		for (int[] pass : passes) {
			long passWidth = (width - pass[0] + pass[2] - 1) / pass[2];
			long passHeight = (height - pass[1] + pass[3] - 1) / pass[3];
			if (passWidth > 0 && passHeight > 0) {
				length += passHeight * (1 + (passWidth * bitsPerPixel + 7) / 8);
			}
		}
		return length;
	}

	/**
	 * A zlib stream of {@code length} zeros, made without compressing them all: one
	 * compressed megabyte repeated, the rest, an empty final block, and the checksum
	 * (Adler-32 of n zeros is n mod 65521 in its high half and 1 in its low half).
	 */
	static byte[] zlibOfZeros(long length) {
		ByteArrayOutputStream zlib = new ByteArrayOutputStream();
		zlib.write(0x78);
		zlib.write(0xDA);
		for (long unit = 0; unit < length / UNIT; unit++) {
			zlib.writeBytes(DEFLATED_UNIT);
		}
		zlib.writeBytes(deflatedZeros((int) (length % UNIT)));
		zlib.write(0x03);
		zlib.write(0x00);
		zlib.writeBytes(ByteBuffer.allocate(4).putInt((int) (((length % 65521) << 16) | 1)).array());
		return zlib.toByteArray();
	}

	/**
	 * Raw deflate blocks of {@code length} zeros that refer to nothing before them and
	 * end on a byte.
	 */
	private static byte[] deflatedZeros(int length) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			deflater.setInput(new byte[length]);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int count;
			do {
				count = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
				out.write(buffer, 0, count);
			}
			while (count == buffer.length);
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	static byte[] chunk(String type, byte[] data) {
		byte[] typeAndData = concat(type.getBytes(StandardCharsets.US_ASCII), data);
		CRC32 crc = new CRC32();
		crc.update(typeAndData);
		return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeAndData,
				ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

}
