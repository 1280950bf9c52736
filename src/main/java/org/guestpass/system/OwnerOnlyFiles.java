package org.guestpass.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders readable only by the user GuestPass runs as: its data folder, the
 * embedded database, media files and secrets. (Where the file system has no POSIX
 * permissions, such as on Windows, the folder's own access rules apply.)
 */
public final class OwnerOnlyFiles {

	private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private OwnerOnlyFiles() {
	}

	/**
	 * Creates the file (it must not exist) with owner-only permissions, then writes the
	 * text and a line end.
	 */
	public static void write(Path file, String text) throws IOException {
		write(file, (text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Creates the file (it must not exist) with owner-only permissions, then writes the
	 * bytes.
	 */
	public static void write(Path file, byte[] content) throws IOException {
		if (POSIX) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
		}
		else {
			Files.createFile(file);
		}
		Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
	}

	/**
	 * Creates the folder and any missing parents, each new one readable only by its
	 * owner.
	 */
	public static Path createFolders(Path folder) throws IOException {
		Path absolute = folder.toAbsolutePath().normalize();
		if (Files.isDirectory(absolute)) {
			return absolute;
		}
		Path parent = absolute.getParent();
		if (parent != null) {
			createFolders(parent);
		}
		try {
			if (POSIX) {
				Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
			}
			else {
				Files.createDirectory(absolute);
			}
		}
		catch (java.nio.file.FileAlreadyExistsException ex) {
			// Another node or thread made it first.
		}
		return absolute;
	}

	/**
	 * Makes an existing file or folder readable only by its owner; true when that changed
	 * anything.
	 */
	public static boolean restrict(Path path) throws IOException {
		if (!POSIX) {
			return false;
		}
		Set<PosixFilePermission> wanted = Files.isDirectory(path) ? FOLDER : FILE;
		if (Files.getPosixFilePermissions(path).equals(wanted)) {
			return false;
		}
		Files.setPosixFilePermissions(path, wanted);
		return true;
	}

}
