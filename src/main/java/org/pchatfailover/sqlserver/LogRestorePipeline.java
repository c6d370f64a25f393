package org.pchatfailover.sqlserver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupShareAdapter;
import org.pchatfailover.backup.BackupShareAdapter.CopyOutcome;
import org.pchatfailover.backup.SharePaths;
import org.pchatfailover.topology.Pool;

/**
 * Restores log backups in order while the next one is still being copied from the share: a copying thread
 * stays at most one file ahead of the restoring one (a queue of one), so copy time hides behind restore time
 * during the outage. Only the calling thread writes the action log; the copier hands over its outcomes.
 */
final class LogRestorePipeline {

	private final BackupShareAdapter share;

	private final Duration copyTimeout;

	LogRestorePipeline(BackupShareAdapter share, Duration copyTimeout) {
		this.share = share;
		this.copyTimeout = copyTimeout;
	}

	/** A file ready in the copy destination, or why it is not. */
	private record Ready(String fileName, CopyOutcome copy, RuntimeException failure) {
	}

	/**
	 * @param toCopy names of the logs that must be copied from the share before they can be restored
	 * @return the files restored, in order
	 */
	List<String> restore(Pool pool, SqlServerConnection sql, LogShippingFolders folders, List<BackupHeader> logs,
			Set<String> toCopy, ActionLog actions) throws LogChainBrokenException {
		BlockingQueue<Ready> ready = new ArrayBlockingQueue<>(1);
		ExecutorService copying = Executors.newSingleThreadExecutor(r -> new Thread(r, "log-copy-" + pool.fqdn()));
		try {
			copying.execute(() -> copyInOrder(pool, folders, logs, toCopy, ready));
			List<String> restored = new ArrayList<>();
			for (BackupHeader log : logs) {
				Ready file = next(ready, log.fileName());
				if (file.copy() != null) {
					file.copy().recordIn(actions);
				}
				if (file.failure() != null) {
					throw file.failure();
				}
				restored.addAll(restoreOne(pool, sql, folders, log, actions));
			}
			return restored;
		}
		finally {
			copying.shutdownNow();
		}
	}

	private void copyInOrder(Pool pool, LogShippingFolders folders, List<BackupHeader> logs, Set<String> toCopy,
			BlockingQueue<Ready> ready) {
		try {
			for (BackupHeader log : logs) {
				Ready file;
				try {
					CopyOutcome copy = toCopy.contains(log.fileName())
							? share.copyLogBackup(pool, folders.source(), folders.destination(), log.fileName()) : null;
					file = new Ready(log.fileName(), copy, null);
				}
				catch (RuntimeException ex) {
					file = new Ready(log.fileName(), null, ex);
				}
				ready.put(file);
				if (file.failure() != null) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // the restoring side stopped: nothing left to hand over
		}
	}

	private Ready next(BlockingQueue<Ready> ready, String fileName) {
		try {
			Ready file = ready.poll(copyTimeout.toMillis(), TimeUnit.MILLISECONDS);
			if (file == null) {
				throw new IllegalStateException("copying " + fileName + " to the copy destination took longer than "
						+ copyTimeout);
			}
			return file;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for " + fileName + " to be copied", ex);
		}
	}

	/**
	 * Restores one log. A 4319 first completes the interrupted restore it names, then tries again: the files
	 * restored, in order; none when SQL Server says the log is applied already (4326: another node or a DBA got
	 * there first).
	 */
	private static List<String> restoreOne(Pool pool, SqlServerConnection sql, LogShippingFolders folders,
			BackupHeader log, ActionLog actions) throws LogChainBrokenException {
		String device = SharePaths.device(folders.destination(), log.fileName());
		try {
			return restoreOrSkip(sql, pool.database(), device, log, actions);
		}
		catch (SqlServerException ex) {
			if (ex.errorNumber() != InterruptedRestore.ERROR) {
				throw ex;
			}
			String completed = InterruptedRestore.complete(pool, sql, folders, log.fileName(), ex, actions);
			List<String> restored = new ArrayList<>(List.of(completed));
			restored.addAll(restoreOrSkip(sql, pool.database(), device, log, actions));
			return restored;
		}
	}

	private static List<String> restoreOrSkip(SqlServerConnection sql, String database, String device,
			BackupHeader log, ActionLog actions) throws LogChainBrokenException {
		try {
			sql.restoreLog(database, device);
			return List.of(log.fileName());
		}
		catch (SqlServerException ex) {
			if (ex.errorNumber() == 4326) {
				actions.record(sql.instance(), "check", "RESTORE LOG " + log.fileName(),
						"4326: already applied, skipped", true, Duration.ZERO);
				return List.of();
			}
			if (ex.errorNumber() == 4305) {
				throw new LogChainBrokenException(
						new FailoverPlan.LogChainGap(null, log.fileName(), log.firstLsn().toString()), ex.getMessage());
			}
			throw ex;
		}
	}

}
