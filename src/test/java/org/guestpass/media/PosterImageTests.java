package org.guestpass.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What becomes of an uploaded poster: a JPEG at most 1280 pixels wide with nothing of the file but
 * its pixels, or a refusal that names the reason, reached without decoding what is too large.
 */
class PosterImageTests {

	@Test
	void scalesAWideImageDownTo1280PixelsKeepingItsAspectRatio() throws IOException {
		PosterImage poster = accepted(image("png", 4000, 1000, BufferedImage.TYPE_INT_RGB, Color.BLUE));

		assertThat(poster.width()).isEqualTo(1280);
		assertThat(poster.height()).isEqualTo(320);
		BufferedImage stored = decodedJpeg(poster.jpeg());
		assertThat(stored.getWidth()).isEqualTo(1280);
		assertThat(stored.getHeight()).isEqualTo(320);
		assertThat(new Color(stored.getRGB(640, 160)).getBlue()).isGreaterThan(200);
	}

	@Test
	void keepsTheSizeOfAnImageThatIsNotTooWide() throws IOException {
		PosterImage poster = accepted(image("jpeg", 640, 360, BufferedImage.TYPE_INT_RGB, Color.RED));

		assertThat(poster.width()).isEqualTo(640);
		assertThat(poster.height()).isEqualTo(360);
		assertThat(decodedJpeg(poster.jpeg()).getWidth()).isEqualTo(640);
	}

	@Test
	void drawsATransparentPngOnWhite() throws IOException {
		PosterImage poster = accepted(image("png", 100, 50, BufferedImage.TYPE_INT_ARGB, new Color(0, 0, 0, 0)));

		Color pixel = new Color(decodedJpeg(poster.jpeg()).getRGB(50, 25));
		assertThat(pixel.getRed()).isGreaterThan(240);
		assertThat(pixel.getGreen()).isGreaterThan(240);
		assertThat(pixel.getBlue()).isGreaterThan(240);
	}

	@Test
	void keepsNoneOfTheFilesMetadata() throws IOException {
		byte[] jpeg = withExif(image("jpeg", 320, 240, BufferedImage.TYPE_INT_RGB, Color.GREEN),
				"GPS 48.8584 N 2.2945 E");
		byte[] png = withTextChunk(image("png", 320, 240, BufferedImage.TYPE_INT_RGB, Color.GREEN),
				"Author: Ada Secret");
		assertThat(contains(jpeg, "GPS 48.8584")).as("the upload carries the position").isTrue();

		byte[] fromJpeg = accepted(jpeg).jpeg();
		byte[] fromPng = accepted(png).jpeg();

		assertThat(contains(fromJpeg, "GPS 48.8584")).isFalse();
		assertThat(contains(fromJpeg, "Exif")).isFalse();
		assertThat(contains(fromPng, "Ada Secret")).isFalse();
		assertThat(Arrays.copyOf(fromPng, 3)).containsExactly(0xFF, 0xD8, 0xFF);
	}

	@Test
	void refusesAHeaderClaimingMoreThan8000PixelsWithoutDecodingIt() throws IOException {
		assertThat(refusal(pngHeader(20000, 20000))).isEqualTo(MediaRefusal.IMAGE_DIMENSIONS_TOO_LARGE);
		assertThat(refusal(pngHeader(8001, 1))).isEqualTo(MediaRefusal.IMAGE_DIMENSIONS_TOO_LARGE);
		assertThat(refusal(pngHeader(1, 8001))).isEqualTo(MediaRefusal.IMAGE_DIMENSIONS_TOO_LARGE);
		assertThat(refusal(pngHeader(100, 100))).as("a header alone is no image").isEqualTo(MediaRefusal.NOT_AN_IMAGE);
	}

	@Test
	void acceptsAnImageOf8000Pixels() throws IOException {
		PosterImage poster = accepted(image("png", 8000, 10, BufferedImage.TYPE_INT_RGB, Color.BLUE));

		assertThat(poster.width()).isEqualTo(1280);
		assertThat(poster.height()).isEqualTo(2);
	}

	@Test
	void refusesMoreThan5MegabytesAndReadsNoFurther() throws IOException {
		CountingEndlessPng endless = new CountingEndlessPng();

		assertThat(PosterImage.convert(endless).refusal()).isEqualTo(MediaRefusal.IMAGE_TOO_LARGE);
		assertThat(endless.read).isEqualTo(PosterImage.MAX_BYTES + 1);
	}

	@Test
	void refusesWhatIsNotAPngOrAJpegWhateverItIsCalled() throws IOException {
		byte[] webm = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 0x01 };
		byte[] png = image("png", 10, 10, BufferedImage.TYPE_INT_RGB, Color.BLUE);
		for (byte[] file : new byte[][] { webm, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(),
				"GIF89a".getBytes(), new byte[0], Arrays.copyOf(png, 40), Arrays.copyOf(png, 8) }) {
			assertThat(refusal(file)).isEqualTo(MediaRefusal.NOT_AN_IMAGE);
		}
	}

	private static PosterImage accepted(byte[] upload) throws IOException {
		PosterImage.Conversion conversion = PosterImage.convert(new ByteArrayInputStream(upload));
		assertThat(conversion.refusal()).isNull();
		return conversion.image();
	}

	private static MediaRefusal refusal(byte[] upload) throws IOException {
		return PosterImage.convert(new ByteArrayInputStream(upload)).refusal();
	}

	private static BufferedImage decodedJpeg(byte[] jpeg) throws IOException {
		assertThat(Arrays.copyOf(jpeg, 3)).containsExactly(0xFF, 0xD8, 0xFF);
		return ImageIO.read(new ByteArrayInputStream(jpeg));
	}

	/** An image of one colour, encoded by ImageIO. */
	static byte[] image(String format, int width, int height, int type, Color color) {
		BufferedImage image = new BufferedImage(width, height, type);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, color.getRGB());
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			assertThat(ImageIO.write(image, format, bytes)).isTrue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** A JPEG with an EXIF segment (a TIFF header and an image description) right after its start. */
	static byte[] withExif(byte[] jpeg, String description) {
		byte[] text = (description + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4 + text.length);
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
		tiff.putShort((short) 1).putShort((short) 0x010E).putShort((short) 2).putInt(text.length);
		tiff.putInt(8 + 2 + 12 + 4);
		tiff.putInt(0).put(text);
		byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
		int length = exif.length + 2;
		byte[] segment = concat(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length }, exif);
		return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
	}

	/** A PNG with a tEXt chunk after its header chunk. */
	static byte[] withTextChunk(byte[] png, String text) {
		int afterHeader = 8 + 4 + 4 + 13 + 4;
		byte[] chunk = chunk("tEXt", ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1));
		return concat(Arrays.copyOf(png, afterHeader), chunk, Arrays.copyOfRange(png, afterHeader, png.length));
	}

	/** The signature and header chunk of a PNG of the given size, and nothing else. */
	static byte[] pngHeader(int width, int height) {
		byte[] header = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] { 8, 2, 0, 0, 0 }).array();
		return concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, chunk("IHDR", header));
	}

	private static byte[] chunk(String type, byte[] data) {
		byte[] typeAndData = concat(type.getBytes(StandardCharsets.US_ASCII), data);
		CRC32 crc = new CRC32();
		crc.update(typeAndData);
		return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeAndData,
				ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

	private static boolean contains(byte[] bytes, String text) {
		byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i + needle.length <= bytes.length; i++) {
			if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
				return true;
			}
		}
		return false;
	}

	/** A PNG signature followed by bytes without end, counting how many were read. */
	private static final class CountingEndlessPng extends InputStream {

		private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

		long read;

		@Override
		public int read() {
			int value = (this.read < SIGNATURE.length) ? SIGNATURE[(int) this.read] & 0xFF : 0;
			this.read++;
			return value;
		}

	}

}
