package org.pchatfailover.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.sqlserver.SqlServerAdapter;
import org.pchatfailover.sqlserver.SqlServerConnection;
import org.pchatfailover.topology.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Runbook step 2: copy the log backups not yet copied from the backup share to the copy destination. */
@Service
public class BackupCopyService {

	private static final Logger log = LoggerFactory.getLogger(BackupCopyService.class);

	private final SqlServerAdapter sqlServer;

	public BackupCopyService(SqlServerAdapter sqlServer) {
		this.sqlServer = sqlServer;
	}

	/**
	 * CopyBackupFiles: verified copy of every missing {@code <db>_yyyyMMddHHmmss.trn}; a file already present and
	 * identical is left alone, a torn or different one is replaced.
	 * @return the files copied by this call
	 */
	public List<String> copyMissingFiles(Pool pool, ActionLog actions) {
		return copyMissingFiles(pool, null, actions);
	}

	/** @param planned the folders the failover plan read before log shipping was removed (may be null) */
	public List<String> copyMissingFiles(Pool pool, LogShippingFolders planned, ActionLog actions) {
		LogShippingFolders folders;
		try (SqlServerConnection sql = sqlServer.connect(pool.backupSql(), actions)) {
			folders = LogShippingFolders.resolve(pool, sql, planned);
		}
		if (folders.source() == null) {
			throw new IllegalStateException("the backup share of pool " + pool.fqdn()
					+ " cannot be determined: log shipping is removed and pchat.pools[].shares does not name exactly "
					+ "one share besides the copy destination " + folders.destination());
		}
		List<String> copied = new ArrayList<>();
		for (String name : LogBackupFiles.list(SharePaths.toLocal(pool, folders.source()), pool.database())) {
			if (copyOne(pool, folders, name, actions)) {
				copied.add(name);
			}
		}
		log.info("CopyBackupFiles pool {}: copied {} file(s) from {} to {}", pool.fqdn(), copied.size(),
				folders.source(), folders.destination());
		return copied;
	}

	/**
	 * Copies one log backup share -> copy destination unless an identical copy is there; does not record, so a
	 * copying thread can hand the outcome to the thread that owns the action log.
	 */
	public CopyOutcome copyLogBackup(Pool pool, LogShippingFolders folders, String fileName) {
		if (!LogBackupFiles.isLogBackup(pool.database(), fileName)) {
			throw new IllegalArgumentException("not a log backup file name of " + pool.database() + ": " + fileName);
		}
		Path from = SharePaths.toLocal(pool, folders.source()).resolve(fileName);
		Path to = SharePaths.toLocal(pool, folders.destination()).resolve(fileName);
		String command = "copy " + SharePaths.device(folders.source(), fileName) + " -> "
				+ SharePaths.device(folders.destination(), fileName);
		Instant started = Instant.now();
		try {
			if (VerifiedCopy.identical(from, to)) {
				return new CopyOutcome(fileName, folders.destination(), command,
						"already present and identical, skipped", false, Duration.between(started, Instant.now()));
			}
			boolean replacing = Files.exists(to);
			String sha256 = VerifiedCopy.copy(from, to);
			return new CopyOutcome(fileName, folders.destination(), command,
					(replacing ? "replaced a different copy; " : "copied; ") + "size and SHA-256 " + sha256 + " verified",
					true, Duration.between(started, Instant.now()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(command + " failed: " + ex.getMessage(), ex);
		}
	}

	private boolean copyOne(Pool pool, LogShippingFolders folders, String fileName, ActionLog actions) {
		try {
			CopyOutcome outcome = copyLogBackup(pool, folders, fileName);
			outcome.recordIn(actions);
			return outcome.copied();
		}
		catch (UncheckedIOException ex) {
			actions.record(folders.destination(), "file", "copy " + fileName, "failed: " + ex.getMessage(), false,
					Duration.ZERO);
			throw ex;
		}
	}

	/**
	 * @param copied true when the file was written, false when an identical copy was already there
	 */
	public record CopyOutcome(String fileName, String target, String command, String outcome, boolean copied,
			Duration duration) {

		public void recordIn(ActionLog actions) {
			actions.record(target, "file", command, outcome, true, duration);
		}
	}

}
