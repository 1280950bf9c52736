package org.guestpass.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The video containers GuestPass accepts, recognised from a file's first bytes rather
 * than from its name or the type the browser claims.
 */
public enum VideoFormat {

	MP4("video/mp4"), WEBM("video/webm"), OGG("video/ogg");

	/** How many leading bytes {@link #detect} needs. */
	public static final int HEADER_LENGTH = 64;

	private static final byte[] EBML = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3 };

	private static final byte[] OGG_S = { 'O', 'g', 'g', 'S' };

	private static final byte[] FTYP = { 'f', 't', 'y', 'p' };

	private final String contentType;

	VideoFormat(String contentType) {
		this.contentType = contentType;
	}

	public String contentType() {
		return this.contentType;
	}

	/** The format whose signature the header starts with, if any. */
	public static Optional<VideoFormat> detect(byte[] header, int length) {
		if (length >= 8 && Arrays.equals(header, 4, 8, FTYP, 0, 4)) {
			return Optional.of(MP4);
		}
		if (length >= 4 && Arrays.equals(header, 0, 4, EBML, 0, 4) && containsWebmDocType(header, length)) {
			return Optional.of(WEBM);
		}
		if (length >= 4 && Arrays.equals(header, 0, 4, OGG_S, 0, 4)) {
			return Optional.of(OGG);
		}
		return Optional.empty();
	}

	// A WebM file is an EBML (Matroska) file whose header names the doc type "webm".
	private static boolean containsWebmDocType(byte[] header, int length) {
		for (int i = 4; i + 4 <= length; i++) {
			if (header[i] == 'w' && header[i + 1] == 'e' && header[i + 2] == 'b' && header[i + 3] == 'm') {
				return true;
			}
		}
		return false;
	}

}
