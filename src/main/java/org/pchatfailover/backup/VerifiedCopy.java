package org.pchatfailover.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies one file so that the destination never holds a partial copy under the real name: write to a temporary
 * name in the destination folder, compare size and SHA-256 with the source, then rename atomically over any old
 * file. The log shipping restore job, a DBA or the next step sees the old file or the verified new one.
 */
final class VerifiedCopy {

	static final String TEMP_SUFFIX = ".pchat-copy";

	private VerifiedCopy() {
	}

	/** True when the target exists with the source's size and SHA-256. */
	static boolean identical(Path source, Path target) throws IOException {
		return Files.isRegularFile(target) && Files.size(source) == Files.size(target)
				&& sha256(source).equals(sha256(target));
	}

	/** Copies and verifies; returns the SHA-256 of the copied file. */
	static String copy(Path source, Path target) throws IOException {
		// a name of its own per attempt: after a job lock expired, two engine nodes may copy the same file at once
		Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".", TEMP_SUFFIX);
		try {
			Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
			String expected = sha256(source);
			long size = Files.size(source);
			if (Files.size(temp) != size || !sha256(temp).equals(expected)) {
				throw new IOException("copy of " + source + " does not match its source (size or SHA-256)");
			}
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return expected;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
