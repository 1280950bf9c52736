package org.guestpass.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.OwnerOnlyFiles;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Media files in a folder of the local file system (in production, one every node shares,
 * such as NFS). File names are random keys, never anything a user typed; files are
 * readable only by the user GuestPass runs as, and so is the folder when GuestPass
 * creates it.
 */
@Component
class FileSystemMediaStorage implements MediaStorage {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

	private final Path root;

	FileSystemMediaStorage(GuestPassProperties properties) {
		this.root = properties.storageDir().toAbsolutePath().normalize();
	}

	@Override
	public Optional<StoredFile> storeVideo(MultipartFile upload) throws IOException {
		byte[] header;
		try (InputStream content = upload.getInputStream()) {
			header = content.readNBytes(VideoFormat.HEADER_LENGTH);
		}
		Optional<VideoFormat> format = VideoFormat.detect(header, header.length);
		if (format.isEmpty()) {
			return Optional.empty();
		}
		OwnerOnlyFiles.createFolders(this.root);
		String key = newKey();
		Path partial = this.root.resolve(key + ".part");
		try {
			// transferTo(File), not transferTo(Path), which always copies: the servlet
			// container renames
			// the file it spooled the upload to when that lies on this file system, and
			// copies it otherwise.
			upload.transferTo(partial.toFile());
			// A moved upload keeps the permissions the servlet container gave it.
			OwnerOnlyFiles.restrict(partial);
			long size = Files.size(partial);
			Files.move(partial, path(key), StandardCopyOption.ATOMIC_MOVE);
			return Optional.of(new StoredFile(key, format.get(), size));
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
	}

	@Override
	public String storeFile(byte[] content) throws IOException {
		OwnerOnlyFiles.createFolders(this.root);
		String key = newKey();
		Path partial = this.root.resolve(key + ".part");
		try {
			OwnerOnlyFiles.write(partial, content);
			Files.move(partial, path(key), StandardCopyOption.ATOMIC_MOVE);
			return key;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
	}

	@Override
	public Resource load(String key) {
		return new FileSystemResource(path(key));
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(path(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String newKey() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private Path path(String key) {
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a storage key");
		}
		return this.root.resolve(key + ".media");
	}

}
