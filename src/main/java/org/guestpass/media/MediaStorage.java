package org.guestpass.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * Where media files live. Keys are chosen by the storage, never taken from user input.
 */
interface MediaStorage {

	/** A stored video file: its key, its format and its size. */
	record StoredFile(String key, VideoFormat format, long size) {
	}

	/**
	 * Streams the content to a new file if its first bytes are those of a supported video; leaves
	 * nothing behind otherwise, nor when the stream breaks.
	 */
	Optional<StoredFile> storeVideo(InputStream content) throws IOException;

	/**
	 * Writes a small file the caller has already checked and holds in memory, such as a poster
	 * image, under a new key; the file appears whole or not at all.
	 */
	String storeFile(byte[] content) throws IOException;

	Resource load(String key);

	/** Removes the file; removing one that is already gone is not an error. */
	void delete(String key);

}
