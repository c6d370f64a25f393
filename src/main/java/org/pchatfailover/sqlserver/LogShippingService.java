package org.pchatfailover.sqlserver;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupShareAdapter;
import org.pchatfailover.backup.BackupShareAdapter.CopyOutcome;
import org.pchatfailover.i18n.DisplaySentences;
import org.pchatfailover.topology.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runbook steps 1 to 3: plan, remove log shipping on the backup SQL instance, copy the log backups not yet copied
 * from the backup share, apply the pending ones. SQL Server tells which folders and which logs; the backup share
 * adapter only lists and copies files.
 */
@Service
public class LogShippingService {

	private static final Logger log = LoggerFactory.getLogger(LogShippingService.class);

	private final SqlServerAdapter sqlServer;

	/** How long restoring waits for the next log backup to be copied from the share. */
	static final Duration COPY_TIMEOUT = Duration.ofMinutes(30);

	private final BackupHeaders headers = new BackupHeaders();

	private final BackupShareAdapter share;

	private final LogRestorePipeline pipeline;

	public LogShippingService(SqlServerAdapter sqlServer, BackupShareAdapter share) {
		this.sqlServer = sqlServer;
		this.share = share;
		this.pipeline = new LogRestorePipeline(share, headers, COPY_TIMEOUT);
	}

	/** CheckPreconditions: read the log-shipping configuration, the database state and the log chain. */
	public FailoverPlan planFailover(Pool pool, ActionLog actions) {
		try (SqlServerConnection sql = sqlServer.connect(pool.backupSql(), actions)) {
			return new FailoverPlanner(pool, sql, share, actions, headers).plan(Instant.now());
		}
	}

	/** RemoveLogShipping: {@code sp_delete_log_shipping_secondary_database}; no-op when already removed. */
	public void removeSecondary(Pool pool, ActionLog actions) {
		String database = pool.database();
		try (SqlServerConnection sql = sqlServer.connect(pool.backupSql(), actions)) {
			if (sql.readLogShippingSecondary(database).isEmpty()) {
				actions.record(sql.instance(), "check", "log shipping secondary " + database,
						"not configured in msdb: already removed, nothing to do", true, Duration.ZERO);
				log.info("RemoveLogShipping pool {}: {} on {} has no log shipping, skipped", pool.fqdn(), database,
						sql.instance());
				return;
			}
			sql.deleteLogShippingSecondary(database);
			if (sql.readLogShippingSecondary(database).isPresent()) {
				throw new IllegalStateException("log shipping of " + database + " on " + sql.instance()
						+ " is still configured after sp_delete_log_shipping_secondary_database");
			}
			log.info("RemoveLogShipping pool {}: removed log shipping of {} on {}", pool.fqdn(), database,
					sql.instance());
		}
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
		List<String> onShare = share.listLogBackups(pool, folders.source());
		requireSpaceFor(pool, folders, onShare, actions);
		List<String> copied = new ArrayList<>();
		for (String name : onShare) {
			if (copyOne(pool, folders, name, actions)) {
				copied.add(name);
			}
		}
		log.info("CopyBackupFiles pool {}: copied {} file(s) from {} to {}", pool.fqdn(), copied.size(),
				folders.source(), folders.destination());
		return copied;
	}

	private boolean copyOne(Pool pool, LogShippingFolders folders, String fileName, ActionLog actions) {
		try {
			CopyOutcome outcome = share.copyLogBackup(pool, folders.source(), folders.destination(), fileName);
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
	 * Refuses to start copying into a copy destination that cannot hold the files it lacks (a full disk would fail
	 * the copy half way, after minutes of the outage); a file of another size there is counted as replaced.
	 */
	void requireSpaceFor(Pool pool, LogShippingFolders folders, Collection<String> names, ActionLog actions) {
		long needed = 0;
		int files = 0;
		for (String name : names) {
			long size = share.size(pool, folders.source(), name);
			if (size >= 0 && size != share.size(pool, folders.destination(), name)) {
				needed += size;
				files++;
			}
		}
		if (files == 0) {
			return;
		}
		long free = share.freeSpace(pool, folders.destination());
		boolean enough = free >= needed;
		String outcome = free + " bytes free, " + files + " log backup(s) to copy need " + needed + " bytes";
		actions.record(folders.destination(), "check", "free space in " + folders.destination(), outcome, enough,
				Duration.ZERO);
		if (!enough) {
			throw new IllegalStateException("copy destination " + folders.destination() + " has " + free
					+ " bytes free, but the " + files + " log backup(s) to copy from " + folders.source() + " need "
					+ needed + " bytes: free space there, then retry");
		}
	}

	/**
	 * ApplyLogBackups: restore every pending log in LSN order WITH NORECOVERY, skipping applied ones. What is
	 * pending is derived from the database's redo LSN and the headers of the files in the copy destination (and of
	 * those only on the share, read from their copies, made while the previous log restores) each time, so a re-run
	 * after a crash applies nothing twice. When SQL Server refuses a log because an earlier restore was interrupted
	 * (4319), the file it names is restored again WITH NORECOVERY, RESTART if it is one of the database's log backups
	 * in the copy destination; anything else stops the step with what a DBA has to do.
	 * @return the files restored by this call
	 */
	public List<String> applyPendingLogs(Pool pool, ActionLog actions) throws LogChainBrokenException {
		return applyPendingLogs(pool, null, actions);
	}

	/** @param planned the folders the failover plan read before log shipping was removed (may be null) */
	public List<String> applyPendingLogs(Pool pool, LogShippingFolders planned, ActionLog actions)
			throws LogChainBrokenException {
		String database = pool.database();
		try (SqlServerConnection sql = sqlServer.connect(pool.backupSql(), actions)) {
			DatabaseStatus status = FailoverPlanner.requireDatabase(sql, database);
			if (status.isRecovered()) {
				actions.record(sql.instance(), "check", "state of " + database,
						"ONLINE: already recovered, no log can be applied any more", true, Duration.ZERO);
				return List.of();
			}
			if (!status.isRestoring() && !status.isStandby()) {
				throw new IllegalStateException(database + " on " + sql.instance() + " is " + status.state()
						+ ", not RESTORING: log backups cannot be applied");
			}
			LogShippingFolders folders = LogShippingFolders.resolve(pool, sql, planned);
			// the headers of logs only on the share are read from their copies, as the pipeline makes them
			LogBackupCandidates candidates = LogBackupCandidates.collectCopyDestination(pool, sql, share, folders,
					headers, actions);
			if (status.isStandby()) {
				// files still to copy make standbyUpToDate refuse, so the copy destination's headers suffice here
				return standbyUpToDate(database, sql.instance(),
						LogChain.analyse(status.redoStartLsn(), candidates.logs()), candidates, actions);
			}
			requireSpaceFor(pool, folders, candidates.toCopy(), actions);
			LogRestorePipeline.Outcome outcome = pipeline.restore(pool, sql, folders, status.redoStartLsn(),
					candidates.logs(), candidates.toCopy(), actions);
			List<String> restored = outcome.restored();
			if (outcome.chain().gap() != null) {
				throw broken(database, sql.instance(), outcome.chain());
			}
			log.info("ApplyLogBackups pool {}: restored {} log backup(s) into {} on {}", pool.fqdn(), restored.size(),
					database, sql.instance());
			return restored;
		}
	}

	/**
	 * Log shipping in STANDBY mode restores each log WITH STANDBY; the runbook applies them WITH NORECOVERY, which
	 * would take the readable copy away mid-failover. With every log already restored there is nothing to apply and
	 * RecoverDatabase brings the database out of standby; otherwise a DBA decides, so the step refuses.
	 */
	private static List<String> standbyUpToDate(String database, String instance, LogChain.Analysis chain,
			LogBackupCandidates candidates, ActionLog actions) {
		if (!chain.toApply().isEmpty() || chain.gap() != null || !candidates.toCopy().isEmpty()) {
			throw standby(database, instance, actions);
		}
		actions.record(instance, "check", "state of " + database,
				"STANDBY (read-only) with every log backup restored: nothing to apply", true, Duration.ZERO);
		return List.of();
	}

	private static IllegalStateException standby(String database, String instance, ActionLog actions) {
		String message = database + " on " + instance + " is in STANDBY (ONLINE, read-only, is_in_standby = 1): "
				+ "its log shipping restores WITH STANDBY, but ApplyLogBackups restores WITH NORECOVERY; switch the "
				+ "secondary to NORECOVERY restore mode or apply the pending logs WITH STANDBY by hand, then retry";
		actions.record(instance, "check", "state of " + database, message, false, Duration.ZERO);
		return new IllegalStateException(message);
	}

	private static LogChainBrokenException broken(String database, String instance, LogChain.Analysis chain) {
		FailoverPlan.LogChainGap gap = chain.gap();
		// a display.* template, so DecideBrokenLogChain says the stored English in the reader's language
		String message = DisplaySentences.english("logChainGap",
				Map.of("database", database, "instance", instance, "lsn", String.valueOf(gap.expectedFirstLsn()), "file",
						String.valueOf(gap.foundFile()), "foundLsn", String.valueOf(gap.foundFirstLsn()), "statement",
						chain.dataLoss().description()));
		return new LogChainBrokenException(gap, chain.dataLoss().description(), message);
	}

}
