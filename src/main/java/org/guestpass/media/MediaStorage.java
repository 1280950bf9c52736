package org.guestpass.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.guestpass.system.GuestPassProperties;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Media files on the local file system (in production, a folder every node shares). File names are
 * random keys, never anything a user typed.
 */
@Component
class MediaStorage {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

	private final Path root;

	MediaStorage(GuestPassProperties properties) {
		this.root = properties.storageDir().toAbsolutePath().normalize();
	}

	/** A stored video file: its key, its format and its size. */
	record StoredFile(String key, VideoFormat format, long size) {
	}

	/**
	 * Streams the content to a new file if its first bytes are those of a supported video; leaves
	 * nothing behind otherwise, nor when the stream breaks.
	 */
	Optional<StoredFile> storeVideo(InputStream content) throws IOException {
		byte[] header = content.readNBytes(VideoFormat.HEADER_LENGTH);
		Optional<VideoFormat> format = VideoFormat.detect(header, header.length);
		if (format.isEmpty()) {
			return Optional.empty();
		}
		Files.createDirectories(this.root);
		String key = UUID.randomUUID().toString().replace("-", "");
		Path partial = this.root.resolve(key + ".part");
		try {
			long size;
			try (OutputStream out = Files.newOutputStream(partial)) {
				out.write(header);
				size = header.length + content.transferTo(out);
			}
			Files.move(partial, path(key), StandardCopyOption.ATOMIC_MOVE);
			return Optional.of(new StoredFile(key, format.get(), size));
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
	}

	Resource load(String key) {
		return new FileSystemResource(path(key));
	}

	void delete(String key) {
		try {
			Files.deleteIfExists(path(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path path(String key) {
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a storage key");
		}
		return this.root.resolve(key + ".media");
	}

}
