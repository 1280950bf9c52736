package org.guestpass.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A video is recognised by its first bytes: the MP4 "ftyp" box, an EBML header naming the
 * "webm" doc type, or an Ogg page. Anything else, however it is named, is not a video.
 */
class VideoFormatTests {

	/** The start of a real WebM file: the EBML header with DocType "webm". */
	private static final byte[] WEBM = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86,
			(byte) 0x81, 0x01, 0x42, (byte) 0xF7, (byte) 0x81, 0x01, 0x42, (byte) 0xF2, (byte) 0x81, 0x04, 0x42,
			(byte) 0xF3, (byte) 0x81, 0x08, 0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm', 0x42, (byte) 0x87,
			(byte) 0x81, 0x02, 0x42, (byte) 0x85, (byte) 0x81, 0x02 };

	/** The same EBML header for a Matroska (.mkv) file: DocType "matroska". */
	private static final byte[] MATROSKA = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0xA3, 0x42, (byte) 0x86,
			(byte) 0x81, 0x01, 0x42, (byte) 0xF7, (byte) 0x81, 0x01, 0x42, (byte) 0xF2, (byte) 0x81, 0x04, 0x42,
			(byte) 0xF3, (byte) 0x81, 0x08, 0x42, (byte) 0x82, (byte) 0x88, 'm', 'a', 't', 'r', 'o', 's', 'k', 'a',
			0x42, (byte) 0x87, (byte) 0x81, 0x04, 0x42, (byte) 0x85, (byte) 0x81, 0x02 };

	private static final byte[] MP4 = { 0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0 };

	private static final byte[] OGG = { 'O', 'g', 'g', 'S', 0, 2, 0, 0, 0, 0, 0, 0, 0, 0 };

	@Test
	void recognisesAnMp4ByItsFtypBox() {
		assertThat(VideoFormat.detect(MP4, MP4.length)).contains(VideoFormat.MP4);
		assertThat(VideoFormat.MP4.contentType()).isEqualTo("video/mp4");
	}

	@Test
	void recognisesAWebmByItsEbmlHeaderAndDocType() {
		assertThat(VideoFormat.detect(WEBM, WEBM.length)).contains(VideoFormat.WEBM);
		assertThat(VideoFormat.WEBM.contentType()).isEqualTo("video/webm");
	}

	@Test
	void recognisesAnOggByItsCapturePattern() {
		assertThat(VideoFormat.detect(OGG, OGG.length)).contains(VideoFormat.OGG);
		assertThat(VideoFormat.OGG.contentType()).isEqualTo("video/ogg");
	}

	@Test
	void recognisesAFormatFromAHeaderOfTheFullLength() {
		byte[] header = Arrays.copyOf(MP4, VideoFormat.HEADER_LENGTH);
		assertThat(VideoFormat.detect(header, header.length)).contains(VideoFormat.MP4);
	}

	@Test
	void refusesAMatroskaFileThatIsNotWebm() {
		assertThat(VideoFormat.detect(MATROSKA, MATROSKA.length)).isEmpty();
	}

	@Test
	void refusesTextEvenWhenItMentionsTheSignatures() {
		byte[] text = "This is not a video, even if it says ftyp, webm and OggS.".getBytes(StandardCharsets.US_ASCII);
		assertThat(VideoFormat.detect(text, text.length)).isEmpty();
	}

	@Test
	void refusesEmptyInput() {
		assertThat(VideoFormat.detect(new byte[0], 0)).isEmpty();
	}

	@Test
	void refusesInputTooShortToHoldASignature() {
		assertThat(VideoFormat.detect(Arrays.copyOf(MP4, 7), 7)).isEmpty();
		assertThat(VideoFormat.detect(Arrays.copyOf(OGG, 3), 3)).isEmpty();
		assertThat(VideoFormat.detect(Arrays.copyOf(WEBM, 4), 4)).isEmpty();
	}

	@Test
	void looksOnlyAtTheBytesThatWereRead() {
		assertThat(VideoFormat.detect(MP4, 7)).isEmpty();
		assertThat(VideoFormat.detect(OGG, 3)).isEmpty();
		assertThat(VideoFormat.detect(WEBM, 27)).isEmpty();
		assertThat(VideoFormat.detect(WEBM, 28)).contains(VideoFormat.WEBM);
	}

	@Test
	void refusesAnEbmlHeaderWithoutADocType() {
		byte[] ebmlOnly = Arrays.copyOf(WEBM, 8);
		assertThat(VideoFormat.detect(ebmlOnly, ebmlOnly.length)).isEmpty();
	}

}
