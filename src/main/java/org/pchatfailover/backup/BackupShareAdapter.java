package org.pchatfailover.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * The log-shipping folders as this host mounts them: the primary's backup share and the copy destination, named
 * by their UNC paths as SQL Server knows them and mapped to local folders by {@code pchat.pools[].shares}. One
 * method per file operation; which folders and which files is the log-shipping step's to decide.
 */
@Component
public class BackupShareAdapter {

	/** Where this host reaches a UNC folder; {@code IllegalStateException} naming the folder when none maps it. */
	public Path localFolder(Pool pool, String uncFolder) {
		return SharePaths.toLocal(pool, uncFolder);
	}

	/** The database's log backup file names in a UNC folder, oldest first. */
	public List<String> listLogBackups(Pool pool, String uncFolder) {
		return LogBackupFiles.list(SharePaths.toLocal(pool, uncFolder), pool.database());
	}

	/** The size in bytes of a file in a UNC folder, or -1 when it is not there. */
	public long size(Pool pool, String uncFolder, String fileName) {
		Path file = SharePaths.toLocal(pool, uncFolder).resolve(fileName);
		try {
			return Files.isRegularFile(file) ? Files.size(file) : -1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the size of " + SharePaths.device(uncFolder, fileName) + ": "
					+ ex.getMessage(), ex);
		}
	}

	/** Whether this host may write into the folder: the permission, read without writing anything. */
	public boolean isWritable(Pool pool, String uncFolder) {
		Path folder = SharePaths.toLocal(pool, uncFolder);
		return Files.isDirectory(folder) && Files.isWritable(folder);
	}

	/** Bytes a copy may still write into the folder (the usable space of the file system holding it). */
	public long freeSpace(Pool pool, String uncFolder) {
		Path folder = SharePaths.toLocal(pool, uncFolder);
		try {
			return Files.getFileStore(folder).getUsableSpace();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the free space of " + uncFolder + " (" + folder + "): "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Copies one log backup from one folder to another unless an identical copy is there: size and SHA-256
	 * verified, written under a temporary name and renamed, so the destination never holds a partial copy under
	 * the real name. Does not record, so a copying thread can hand the outcome to the thread that owns the
	 * action log.
	 */
	public CopyOutcome copyLogBackup(Pool pool, String sourceFolder, String destinationFolder, String fileName) {
		if (!LogBackupFiles.isLogBackup(pool.database(), fileName)) {
			throw new IllegalArgumentException("not a log backup file name of " + pool.database() + ": " + fileName);
		}
		Path from = SharePaths.toLocal(pool, sourceFolder).resolve(fileName);
		Path to = SharePaths.toLocal(pool, destinationFolder).resolve(fileName);
		String command = "copy " + SharePaths.device(sourceFolder, fileName) + " -> "
				+ SharePaths.device(destinationFolder, fileName);
		Instant started = Instant.now();
		try {
			if (VerifiedCopy.identical(from, to)) {
				return new CopyOutcome(fileName, destinationFolder, command, "already present and identical, skipped",
						false, Duration.between(started, Instant.now()));
			}
			boolean replacing = Files.exists(to);
			String sha256 = VerifiedCopy.copy(from, to);
			return new CopyOutcome(fileName, destinationFolder, command,
					(replacing ? "replaced a different copy; " : "copied; ") + "size and SHA-256 " + sha256 + " verified",
					true, Duration.between(started, Instant.now()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(command + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param target the destination folder (UNC), where the action happened
	 * @param copied true when the file was written, false when an identical copy was already there
	 */
	public record CopyOutcome(String fileName, String target, String command, String outcome, boolean copied,
			Duration duration) {

		public void recordIn(ActionLog actions) {
			actions.record(target, "file", command, outcome, true, duration);
		}
	}

}
