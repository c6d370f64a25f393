package org.pchatfailover.lab.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The primary's backup share, unreachable and back (lab fault {@code share-unreachable}): its folder is moved aside, so
 * the folder this host mounts it at ({@code pchat.pools[].shares}) is gone and cannot be listed or read, and the lab
 * SQL Server, which reaches the share through the same folder, answers a device there with operating system error 53.
 * Nothing in it is deleted: back, the folder holds what it held, as a share does when its host answers again.
 */
final class ShareOutage {

	private final Path share;

	private final Path aside;

	ShareOutage(Path share) {
		this.share = share;
		this.aside = share.resolveSibling(share.getFileName() + ".unreachable");
	}

	/** Whether the share is unreachable now, also after a restart of the lab. */
	boolean active() {
		return Files.isDirectory(aside);
	}

	/** The share becomes unreachable; nothing happens when it is already. */
	void begin() {
		if (active() || !Files.isDirectory(share)) {
			return;
		}
		move(share, aside);
	}

	/** The share answers again with what it held; nothing happens when it did. */
	void end() {
		if (!active()) {
			return;
		}
		// a folder someone made meanwhile at the mount point is an empty mount point, not the share
		if (Files.isDirectory(share) && isEmpty(share)) {
			delete(share);
		}
		move(aside, share);
	}

	private static boolean isEmpty(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.findAny().isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + folder, ex);
		}
	}

	private static void delete(Path folder) {
		try {
			Files.delete(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot remove the empty " + folder, ex);
		}
	}

	private static void move(Path from, Path to) {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot move the lab's backup share " + from + " to " + to, ex);
		}
	}

}
