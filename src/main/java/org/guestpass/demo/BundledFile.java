package org.guestpass.demo;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file bundled with GuestPass, handed to the media library as if it had been uploaded.
 */
final class BundledFile implements MultipartFile {

	private final ClassPathResource resource;

	BundledFile(String path) {
		this.resource = new ClassPathResource(path);
	}

	@Override
	public String getName() {
		return "file";
	}

	@Override
	public String getOriginalFilename() {
		return this.resource.getFilename();
	}

	@Override
	public String getContentType() {
		return null;
	}

	@Override
	public boolean isEmpty() {
		return getSize() == 0;
	}

	@Override
	public long getSize() {
		try {
			return this.resource.contentLength();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	@Override
	public byte[] getBytes() throws IOException {
		return this.resource.getContentAsByteArray();
	}

	@Override
	public InputStream getInputStream() throws IOException {
		return this.resource.getInputStream();
	}

	@Override
	public void transferTo(File destination) throws IOException {
		try (InputStream in = getInputStream()) {
			Files.copy(in, destination.toPath(), StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
