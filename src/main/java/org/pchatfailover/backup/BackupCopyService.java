package org.pchatfailover.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.report.ActionLog;
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
		LogShippingFolders folders;
		try (SqlServerConnection sql = sqlServer.connect(pool.backupSql(), actions)) {
			folders = LogShippingFolders.resolve(pool, sql);
		}
		if (folders.source() == null) {
			throw new IllegalStateException("the backup share of pool " + pool.fqdn()
					+ " cannot be determined: log shipping is removed and pchat.pools[].shares does not name exactly "
					+ "one share besides the copy destination " + folders.destination());
		}
		Path source = SharePaths.toLocal(pool, folders.source());
		Path target = SharePaths.toLocal(pool, folders.destination());
		List<String> copied = new ArrayList<>();
		for (String name : LogBackupFiles.list(source, pool.database())) {
			if (copyOne(source.resolve(name), target.resolve(name), folders, actions)) {
				copied.add(name);
			}
		}
		log.info("CopyBackupFiles pool {}: copied {} file(s) from {} to {}", pool.fqdn(), copied.size(),
				folders.source(), folders.destination());
		return copied;
	}

	private boolean copyOne(Path from, Path to, LogShippingFolders folders, ActionLog actions) {
		String command = "copy " + SharePaths.device(folders.source(), from.getFileName().toString()) + " -> "
				+ SharePaths.device(folders.destination(), to.getFileName().toString());
		Instant started = Instant.now();
		try {
			if (VerifiedCopy.identical(from, to)) {
				actions.record(folders.destination(), "file", command, "already present and identical, skipped", true,
						Duration.between(started, Instant.now()));
				return false;
			}
			boolean replacing = to.toFile().exists();
			String sha256 = VerifiedCopy.copy(from, to);
			actions.record(folders.destination(), "file", command,
					(replacing ? "replaced a different copy; " : "copied; ") + "size and SHA-256 " + sha256 + " verified",
					true, Duration.between(started, Instant.now()));
			return true;
		}
		catch (IOException ex) {
			actions.record(folders.destination(), "file", command, "failed: " + ex.getMessage(), false,
					Duration.between(started, Instant.now()));
			throw new UncheckedIOException(command + " failed: " + ex.getMessage(), ex);
		}
	}

}
