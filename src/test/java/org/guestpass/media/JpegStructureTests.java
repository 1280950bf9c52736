package org.guestpass.media;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a JPEG's markers tell before it is decoded: its frame, whether its decoder must
 * gather it whole, and how many scans it has; of its first image only, past a leading
 * tables-only stream.
 */
class JpegStructureTests {

	@Test
	void readsTheFrameAndScansOfBaselineAndProgressiveJpegs() {
		JpegStructure baseline = JpegStructure.of(CraftedImages.jpeg(640, 480, false)).orElseThrow();
		JpegStructure progressive = JpegStructure.of(CraftedImages.jpeg(640, 480, true)).orElseThrow();

		assertThat(baseline.width()).isEqualTo(640);
		assertThat(baseline.height()).isEqualTo(480);
		assertThat(baseline.scans()).isEqualTo(1);
		assertThat(baseline.buffersWholeImage()).isFalse();
		assertThat(progressive.progressive()).isTrue();
		assertThat(progressive.scans()).isEqualTo(10);
		assertThat(progressive.buffersWholeImage()).isTrue();
		// 4:2:0: 80 × 60 luma blocks, 40 × 30 of each chroma, 128 bytes each.
		assertThat(progressive.coefficientBytes()).isEqualTo((80L * 60 + 2 * 40 * 30) * 128);
	}

	@Test
	void aSequentialJpegInSeveralScansIsGatheredWholeToo() {
		byte[] frame = { 8, 0x1F, 0x40, 0x1F, 0x40, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1 };
		byte[] scan = { 1, 1, 0, 0, 63, 0 };
		byte[] data = { 0x12, (byte) 0xFF, 0x00, 0x34, (byte) 0xFF, (byte) 0xD0, 0x56 };
		byte[] jpeg = CraftedImages.concat(new byte[] { (byte) 0xFF, (byte) 0xD8 }, segment(0xC0, frame),
				segment(0xDA, scan), data, segment(0xDA, scan), data, segment(0xDA, scan), data,
				new byte[] { (byte) 0xFF, (byte) 0xD9 });

		JpegStructure structure = JpegStructure.of(jpeg).orElseThrow();

		assertThat(structure.width()).isEqualTo(8000);
		assertThat(structure.height()).isEqualTo(8000);
		assertThat(structure.progressive()).isFalse();
		assertThat(structure.scans()).as("stuffed bytes and restart markers are no scans").isEqualTo(3);
		assertThat(structure.buffersWholeImage()).isTrue();
		assertThat(structure.coefficientBytes()).isEqualTo(3L * 1000 * 1000 * 128);
	}

	@Test
	void readsTheImageAfterATablesOnlyStreamAndNothingAfterTheFirstImage() {
		byte[] image = CraftedImages.jpeg(320, 240, true);
		byte[] tables = CraftedImages.concat(new byte[] { (byte) 0xFF, (byte) 0xD8 }, segment(0xFE, new byte[10]),
				new byte[] { (byte) 0xFF, (byte) 0xD9 });
		byte[] second = CraftedImages.claimingSize(CraftedImages.jpeg(64, 64, true), 8000, 8000);

		JpegStructure structure = JpegStructure.of(CraftedImages.concat(tables, image, second, second)).orElseThrow();

		assertThat(structure.width()).isEqualTo(320);
		assertThat(structure.scans()).isEqualTo(10);
	}

	@Test
	void findsNoStructureInBrokenMarkers() {
		byte[] jpeg = CraftedImages.jpeg(64, 64, false);
		byte[] soiInside = CraftedImages.concat(Arrays.copyOf(jpeg, 20), new byte[] { (byte) 0xFF, (byte) 0xD8 },
				Arrays.copyOfRange(jpeg, 20, jpeg.length));
		byte[] tablesOnly = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 };

		assertThat(JpegStructure.of(Arrays.copyOf(jpeg, 4))).isEmpty();
		assertThat(JpegStructure.of(tablesOnly)).isEmpty();
		assertThat(JpegStructure.of(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })).isEmpty();
		assertThat(JpegStructure.of(soiInside)).as("a start-of-image inside an image").isEmpty();
		assertThat(JpegStructure.of(Arrays.copyOf(jpeg, jpeg.length - 100))).as("cut short after its frame")
			.hasValueSatisfying((structure) -> assertThat(structure.width()).isEqualTo(64));
	}

	private static byte[] segment(int marker, byte[] data) {
		int length = data.length + 2;
		return CraftedImages.concat(new byte[] { (byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length },
				data);
	}

}
