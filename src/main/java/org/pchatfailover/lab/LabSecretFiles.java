package org.pchatfailover.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The lab's secret files (the SSH and SQL passwords, the SSH host key): readable and writable by their owner only,
 * 0600, wherever the file system has POSIX permissions. A file is created with those permissions rather than
 * narrowed after it was written, so no other user can open it in between; one that exists is narrowed first.
 */
public final class LabSecretFiles {

	/** rw------- (0600). */
	public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private LabSecretFiles() {
	}

	/** Writes {@code content} (UTF-8) to {@code file}, creating it and its parent directories as needed. */
	public static void write(Path file, String content) {
		try {
			create(file);
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the lab secret " + file, ex);
		}
	}

	/** The file's content, stripped; the file is first written with {@code initial} when it does not exist. */
	public static String readOrCreate(Path file, String initial) {
		if (!Files.isRegularFile(file)) {
			write(file, initial);
		}
		try {
			restrict(file);
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the lab secret " + file, ex);
		}
	}

	/**
	 * Creates {@code file} empty and owner-only when it does not exist, with its parent directories; narrows an
	 * existing one to owner-only.
	 */
	public static void create(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		if (Files.exists(file)) {
			restrict(file);
			return;
		}
		try {
			if (hasPosixPermissions(parent)) {
				FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
				Files.createFile(file, ownerOnly);
				// the umask may have taken bits away from the requested ones, never added any; set them exactly
				Files.setPosixFilePermissions(file, OWNER_ONLY);
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			restrict(file);
		}
	}

	/** Sets owner-only permissions where the file system has POSIX permissions; elsewhere does nothing. */
	public static void restrict(Path file) throws IOException {
		if (hasPosixPermissions(file)) {
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
	}

	private static boolean hasPosixPermissions(Path path) {
		return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
	}

}
