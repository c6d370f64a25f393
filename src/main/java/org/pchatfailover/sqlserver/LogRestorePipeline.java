package org.pchatfailover.sqlserver;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * during the outage. The header of a copied log backup is read from its copy, not across the WAN from the share,
 * and the chain is extended as each copy arrives: the restores start with the first file, not after the last copy.
 * Only the calling thread writes the action log and talks to SQL Server; the copier hands over its outcomes.
 */
final class LogRestorePipeline {

	private final BackupShareAdapter share;

	private final BackupHeaders headers;

	private final Duration copyTimeout;

	LogRestorePipeline(BackupShareAdapter share, BackupHeaders headers, Duration copyTimeout) {
		this.share = share;
		this.headers = headers;
		this.copyTimeout = copyTimeout;
	}

	/** A file ready in the copy destination, or why it is not. */
	private record Ready(String fileName, CopyOutcome copy, RuntimeException failure) {
	}

	/**
	 * @param restored the files restored, in order
	 * @param chain the chain from the redo LSN the restores started at, over every log backup read: its gap is
	 * where restoring had to stop
	 */
	record Outcome(List<String> restored, LogChain.Analysis chain) {
	}

	/** The chain's end so far: the logs with a header not yet restored, and the LSN the next one must cover. */
	private static final class Progress {

		final List<BackupHeader> pending;

		BigInteger next;

		final List<String> restored = new ArrayList<>();

		Progress(BigInteger redoLsn, List<BackupHeader> known) {
			this.next = redoLsn;
			this.pending = new ArrayList<>(known);
		}

	}

	/**
	 * @param local the log backups in the copy destination, headers read
	 * @param toCopy names of the log backups only on the share (or torn in the copy destination), oldest first
	 */
	Outcome restore(Pool pool, SqlServerConnection sql, LogShippingFolders folders, BigInteger redoLsn,
			List<BackupHeader> local, List<String> toCopy, ActionLog actions) throws LogChainBrokenException {
		List<BackupHeader> read = new ArrayList<>(local);
		Progress progress = new Progress(redoLsn, local);
		BlockingQueue<Ready> ready = new ArrayBlockingQueue<>(1);
		ExecutorService copying = Executors.newSingleThreadExecutor(r -> new Thread(r, "log-copy-" + pool.fqdn()));
		try {
			if (!toCopy.isEmpty()) {
				copying.execute(() -> copyInOrder(pool, folders, toCopy, ready));
			}
			restoreApplicable(pool, sql, folders, progress, actions);
			for (String name : toCopy) {
				Ready file = next(ready, name);
				if (file.copy() != null) {
					file.copy().recordIn(actions);
				}
				if (file.failure() != null) {
					throw file.failure();
				}
				BackupHeader header = headers.readOne(sql, folders.destination(), name, pool.database(), actions);
				if (header != null) {
					read.add(header);
					progress.pending.add(header);
					restoreApplicable(pool, sql, folders, progress, actions);
				}
			}
			return new Outcome(progress.restored, LogChain.analyse(redoLsn, read));
		}
		finally {
			copying.shutdownNow();
		}
	}

	/** Restores every pending log that continues the chain from where it ends now. */
	private static void restoreApplicable(Pool pool, SqlServerConnection sql, LogShippingFolders folders,
			Progress progress, ActionLog actions) throws LogChainBrokenException {
		LogChain.Analysis chain = LogChain.analyse(progress.next, progress.pending);
		progress.pending.removeAll(chain.alreadyApplied());
		for (BackupHeader log : chain.toApply()) {
			progress.restored.addAll(restoreOne(pool, sql, folders, log, actions));
			progress.pending.remove(log);
			progress.next = log.lastLsn();
		}
	}

	private void copyInOrder(Pool pool, LogShippingFolders folders, List<String> toCopy, BlockingQueue<Ready> ready) {
		try {
			for (String name : toCopy) {
				Ready file;
				try {
					file = new Ready(name, share.copyLogBackup(pool, folders.source(), folders.destination(), name),
							null);
				}
				catch (RuntimeException ex) {
					file = new Ready(name, null, ex);
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
						new FailoverPlan.LogChainGap(null, log.fileName(), log.firstLsn().toString()),
						DataLossStatement.refusedAsTooRecent(log), ex.getMessage());
			}
			throw ex;
		}
	}

}
