package org.guestpass.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What becomes of an uploaded poster: a JPEG within 1280 × 1280 pixels with nothing of
 * the file but its pixels, or a refusal that names the reason, reached without decoding
 * what is too large. Files that claim many pixels (tall, wide, 16-bit, palette,
 * interlaced, progressive, with many frames or scans) are made by hand in
 * {@link CraftedImages}; for each, what its decoding took is checked twice: the decoded
 * raster's size, and the heap the converting thread allocated, garbage included.
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
	void scalesATallImageDownTo1280PixelsHighKeepingItsAspectRatio() throws IOException {
		PosterImage poster = accepted(image("png", 900, 1600, BufferedImage.TYPE_INT_RGB, Color.BLUE));

		assertThat(poster.width()).isEqualTo(720);
		assertThat(poster.height()).isEqualTo(1280);
		assertThat(decodedJpeg(poster.jpeg()).getHeight()).isEqualTo(1280);
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

	@Test
	void fitsTheAttacksTallSixteenBitImageWithinTheBoxDecodingItWithinTheBudget() throws IOException {
		byte[] bomb = CraftedImages.png(2559, 8000, 16, CraftedImages.RGBA, false);
		assertThat(bomb.length).as("a small file").isLessThan(200_000);

		Measured measured = measured(bomb);

		assertPoster(measured, 409, 1280);
		assertWithinBudget(measured, bomb);
		assertThat(measured.conversion().decoding().rasterBytes()).as("8 bytes a pixel")
			.isEqualTo(8L * measured.conversion().decoding().width() * measured.conversion().decoding().height());
	}

	@Test
	void fitsImagesOnePixelWideOrHighWithinTheBox() throws IOException {
		byte[] tall = CraftedImages.png(1, 8000, 8, CraftedImages.RGB, false);
		byte[] wide = CraftedImages.png(8000, 1, 8, CraftedImages.RGB, false);

		assertPoster(measured(tall), 1, 1280);
		assertPoster(measured(wide), 1280, 1);
		assertWithinBudget(measured(tall), tall);
		assertWithinBudget(measured(wide), wide);
	}

	@Test
	void decodesAnInterlacedSixteenBitImageWithinTheBudget() throws IOException {
		byte[] interlaced = CraftedImages.png(2559, 8000, 16, CraftedImages.RGBA, true);

		Measured measured = measured(interlaced);

		assertPoster(measured, 409, 1280);
		assertWithinBudget(measured, interlaced);
	}

	@Test
	void decodesEveryKindOfPngToARasterOfItsBitsPerPixelWithinTheBudget() throws IOException {
		// Wide enough to be halved on the way to the poster, odd so that rows of fewer
		// than 8 bits a pixel end within a byte; few rows, as the raster's size is not
		// the point here.
		for (int[] kind : PNG_KINDS) {
			assertDecodedToItsBitsPerPixel(kind, 2561, 201, 1280, 100);
		}
	}

	@Test
	void decodesTheKindsOfPngWhoseRasterCouldOverrunTheBudgetWithinItAtFullSize() throws IOException {
		// Three bytes a pixel or more: 2561 x 2001 of them, decoded whole and copied to
		// be
		// scaled, would pass the heap budget.
		int[][] large = Arrays.stream(PNG_KINDS)
			.filter((kind) -> PNG_CHANNELS[kind[0]] * kind[1] >= 24)
			.toArray(int[][]::new);
		assertThat(large.length).as("kinds of 3 bytes a pixel or more").isEqualTo(5);
		for (int[] kind : large) {
			assertDecodedToItsBitsPerPixel(kind, 2561, 2001, 1280, 1000);
		}
	}

	/** Every colour type PNG has, at each bit depth it allows: colour type, bits. */
	private static final int[][] PNG_KINDS = { { CraftedImages.GRAY, 1 }, { CraftedImages.GRAY, 2 },
			{ CraftedImages.GRAY, 4 }, { CraftedImages.GRAY, 8 }, { CraftedImages.GRAY, 16 }, { CraftedImages.RGB, 8 },
			{ CraftedImages.RGB, 16 }, { CraftedImages.PALETTE, 1 }, { CraftedImages.PALETTE, 2 },
			{ CraftedImages.PALETTE, 4 }, { CraftedImages.PALETTE, 8 }, { CraftedImages.GRAY_ALPHA, 8 },
			{ CraftedImages.GRAY_ALPHA, 16 }, { CraftedImages.RGBA, 8 }, { CraftedImages.RGBA, 16 } };

	/** The channels of each colour type, by its number. */
	private static final int[] PNG_CHANNELS = { 1, 0, 3, 1, 2, 0, 4 };

	private static void assertDecodedToItsBitsPerPixel(int[] kind, int width, int height, int posterWidth,
			int posterHeight) throws IOException {
		String what = "colour type " + kind[0] + " at " + kind[1] + " bits, " + width + " x " + height;
		byte[] png = CraftedImages.png(width, height, kind[1], kind[0], false);

		Measured measured = measured(png);

		assertThat(measured.conversion().refusal()).as(what).isNull();
		assertThat(measured.conversion().image().width()).as(what).isEqualTo(posterWidth);
		assertThat(measured.conversion().image().height()).as(what).isEqualTo(posterHeight);
		assertWithinBudget(measured, png);
		PosterImage.Decoding decoding = measured.conversion().decoding();
		long bitsPerPixel = (long) PNG_CHANNELS[kind[0]] * kind[1];
		assertThat(decoding.rasterBytes()).as(what + ": the decoded raster's bytes")
			.isEqualTo((decoding.width() * bitsPerPixel + 7) / 8 * decoding.height());
	}

	@Test
	void refusesMoreThan40MillionPixelsWithoutDecodingThem() throws IOException {
		assertThat(refusal(pngHeader(8000, 5001))).isEqualTo(MediaRefusal.IMAGE_TOO_MANY_PIXELS);
		assertThat(refusal(pngHeader(6325, 6325))).isEqualTo(MediaRefusal.IMAGE_TOO_MANY_PIXELS);
		byte[] jpeg = CraftedImages.claimingSize(CraftedImages.jpeg(64, 64, false), 8000, 5001);
		assertThat(refusal(jpeg)).isEqualTo(MediaRefusal.IMAGE_TOO_MANY_PIXELS);
	}

	@Test
	void acceptsTheLargestSixteenBitImageAllowedWithinTheBudget() throws IOException {
		byte[] largest = CraftedImages.png(8000, 5000, 16, CraftedImages.RGBA, false);

		Measured measured = measured(largest);

		assertPoster(measured, 1280, 800);
		assertWithinBudget(measured, largest);
	}

	@Test
	void refusesAProgressiveJpegWhoseCoefficientsWouldNotFitTheBudget() throws IOException {
		byte[] progressive = CraftedImages.claimingSize(CraftedImages.jpeg(64, 64, true), 6000, 4000);
		assertThat(progressive.length).as("a small file").isLessThan(10_000);

		Measured measured = measured(progressive);

		assertThat(measured.conversion().refusal()).isEqualTo(MediaRefusal.IMAGE_TOO_COMPLEX);
		// 4:2:0: a luma block for every 8 × 8 pixels and two chroma blocks for every 16 ×
		// 16, 128 bytes each.
		assertThat(measured.conversion().decoding().nativeBytes()).isEqualTo((750L * 500 + 2 * 375 * 250) * 128)
			.isGreaterThan(PosterImage.NATIVE_BUDGET);
		assertThat(measured.allocated()).as("heap allocated: nothing decoded").isLessThan(4 * MB);
	}

	@Test
	void acceptsAProgressiveJpegWhoseCoefficientsFitTheBudget() throws IOException {
		byte[] progressive = CraftedImages.claimingSize(CraftedImages.jpeg(64, 64, true), 4000, 3000);

		Measured measured = measured(progressive);

		assertPoster(measured, 1280, 960);
		// Java's reader draws the image after each scan, handing over each row in a new
		// array: garbage.
		long rowsOfEveryScan = CraftedImages.scans(progressive) * measured.conversion().decoding().rasterBytes();
		assertWithinBudget(measured, progressive, rowsOfEveryScan);
		assertThat(measured.conversion().decoding().nativeBytes()).isEqualTo((500L * 376 + 2 * 250 * 188) * 128)
			.isLessThanOrEqualTo(PosterImage.NATIVE_BUDGET);
	}

	@Test
	void refusesAProgressiveJpegThatWouldBeDrawnTooManyTimes() throws IOException {
		byte[] progressive = CraftedImages.claimingSize(CraftedImages.jpeg(64, 64, true), 4000, 3000);
		int scans = CraftedImages.scans(progressive);
		byte[] manyScans = CraftedImages.withRepeatedLastScan(progressive, 21 - scans);
		assertThat(21L * 4000 * 3000).as("pixels drawn").isGreaterThan(PosterImage.MAX_DRAWN_PIXELS);

		Measured measured = measured(manyScans);

		assertThat(measured.conversion().refusal()).isEqualTo(MediaRefusal.IMAGE_TOO_COMPLEX);
		assertThat(measured.allocated()).as("heap allocated: nothing decoded").isLessThan(4 * MB);
	}

	@Test
	void decodesABaselineJpegRowsAtATimeWhateverItsSize() throws IOException {
		byte[] baseline = CraftedImages.claimingSize(CraftedImages.jpeg(64, 64, false), 8000, 5000);

		Measured measured = measured(baseline);

		assertPoster(measured, 1280, 800);
		assertWithinBudget(measured, baseline);
		assertThat(measured.conversion().decoding().nativeBytes()).isZero();
	}

	@Test
	void refusesAJpegWithMoreScansThanEncodersWrite() throws IOException {
		byte[] progressive = CraftedImages.jpeg(64, 64, true);
		int scans = CraftedImages.scans(progressive);
		byte[] most = CraftedImages.withRepeatedLastScan(progressive, PosterImage.MAX_SCANS - scans);
		byte[] tooMany = CraftedImages.withRepeatedLastScan(progressive, PosterImage.MAX_SCANS - scans + 1);
		byte[] bomb = CraftedImages.withRepeatedLastScan(CraftedImages.claimingSize(progressive, 4000, 3000), 20_000);
		assertThat(bomb.length).as("a file within the upload limit").isLessThan(PosterImage.MAX_BYTES);

		assertThat(accepted(most).width()).isEqualTo(64);
		assertThat(refusal(tooMany)).isEqualTo(MediaRefusal.IMAGE_TOO_COMPLEX);
		long started = System.nanoTime();
		assertThat(refusal(bomb)).isEqualTo(MediaRefusal.IMAGE_TOO_COMPLEX);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused without decoding 20,000 scans")
			.isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void decodesOnlyTheFirstImageOfAJpegThatHoldsSeveral() throws IOException {
		byte[] first = CraftedImages.jpeg(320, 240, false);
		byte[] second = CraftedImages.claimingSize(CraftedImages.jpeg(64, 64, true), 8000, 5000);
		byte[] several = CraftedImages.concat(first, second, second);

		Measured measured = measured(several);

		assertPoster(measured, 320, 240);
		assertThat(measured.conversion().decoding().nativeBytes()).isZero();
		assertThat(measured.allocated()).as("heap allocated").isLessThan(8 * MB);
	}

	@Test
	void decodesOnlyTheDefaultImageOfAnAnimatedPngWithinTheBudget() throws IOException {
		byte[] animated = CraftedImages.apng(4000, 4000, 1000, 1000, 1000);
		assertThat(animated.length).as("a file within the upload limit").isLessThan(PosterImage.MAX_BYTES);

		Measured measured = measured(animated);

		assertPoster(measured, 1280, 1280);
		assertWithinBudget(measured, animated);
	}

	@Test
	void leavesAPalettePngsCompressedTextAndProfileUnread() throws IOException {
		byte[] palette = CraftedImages.png(320, 240, 8, CraftedImages.PALETTE, false);
		byte[] withText = CraftedImages.withChunk(palette, "zTXt", CraftedImages.compressedText(1L << 30));
		byte[] withProfile = CraftedImages.withChunk(withText, "iCCP", CraftedImages.compressedText(1L << 30));
		assertThat(withProfile.length).as("a file within the upload limit").isLessThan(PosterImage.MAX_BYTES);

		Measured measured = measured(withProfile);

		assertPoster(measured, 320, 240);
		assertThat(measured.allocated()).as("heap allocated, against 2 GB of text and profile")
			.isLessThan(2L * withProfile.length + 8 * MB);
	}

	private static final long MB = 1024 * 1024;

	private static Measured measured(byte[] upload) throws IOException {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		PosterImage.Conversion conversion = PosterImage.convert(new ByteArrayInputStream(upload));
		return new Measured(conversion, threads.getCurrentThreadAllocatedBytes() - before);
	}

	private static void assertPoster(Measured measured, int width, int height) throws IOException {
		assertThat(measured.conversion().refusal()).isNull();
		assertThat(measured.conversion().image().width()).as("poster width").isEqualTo(width);
		assertThat(measured.conversion().image().height()).as("poster height").isEqualTo(height);
		BufferedImage stored = decodedJpeg(measured.conversion().image().jpeg());
		assertThat(stored.getWidth()).isEqualTo(width);
		assertThat(stored.getHeight()).isEqualTo(height);
	}

	private static void assertWithinBudget(Measured measured, byte[] upload) {
		assertWithinBudget(measured, upload, 0);
	}

	/**
	 * The decoded raster, as decoded, and the copy it is scaled from were within the
	 * budget; and the heap the conversion allocated, garbage included, stayed within the
	 * budget, the upload read and copied, poster-sized images (the poster, the halving
	 * steps before it, the JPEG writer's rows: 32 MB), and any other garbage named.
	 */
	private static void assertWithinBudget(Measured measured, byte[] upload, long garbage) {
		assertThat(measured.allocated()).as("heap allocated while converting")
			.isLessThan(PosterImage.HEAP_BUDGET + 3L * upload.length + 32 * MB + garbage);
		PosterImage.Decoding decoding = measured.conversion().decoding();
		assertThat(decoding.rasterBytes()).as("decoded raster").isLessThanOrEqualTo(decoding.heapBytes());
		assertThat(decoding.heapBytes()).as("decoded raster and its scaling copy")
			.isLessThanOrEqualTo(PosterImage.HEAP_BUDGET);
		assertThat(decoding.nativeBytes()).as("native memory").isLessThanOrEqualTo(PosterImage.NATIVE_BUDGET);
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
		Graphics2D graphics = image.createGraphics();
		graphics.setComposite(AlphaComposite.Src);
		graphics.setColor(color);
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			assertThat(ImageIO.write(image, format, bytes)).isTrue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * A JPEG with an EXIF segment (a TIFF header and an image description) right after
	 * its start.
	 */
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

	/**
	 * The conversion of an upload, and the heap the converting thread allocated
	 * meanwhile, garbage included.
	 */
	private record Measured(PosterImage.Conversion conversion, long allocated) {
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
