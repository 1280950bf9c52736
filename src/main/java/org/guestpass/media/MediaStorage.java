package org.guestpass.media;

import java.io.IOException;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.web.multipart.MultipartFile;

/**
 * Where media files live. Keys are chosen by the storage, never taken from user input.
 */
interface MediaStorage {

	/**
	 * Puts the uploaded file into storage if its first bytes are those of a supported
	 * video, moving it there when it can rather than copying it; leaves nothing behind
	 * otherwise, nor when the transfer fails.
	 */
	Optional<StoredFile> storeVideo(MultipartFile upload) throws IOException;

	/**
	 * Writes a small file the caller has already checked and holds in memory, such as a
	 * poster image, under a new key; the file appears whole or not at all.
	 */
	String storeFile(byte[] content) throws IOException;

	Resource load(String key);

	/** Removes the file; removing one that is already gone is not an error. */
	void delete(String key);

	/** A stored video file: its key, its format and its size. */
	record StoredFile(String key, VideoFormat format, long size) {
	}

}
