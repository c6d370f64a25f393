package org.pchatfailover.sqlserver;

import java.time.Instant;
import java.util.List;

/**
 * What {@code CheckPreconditions} found and what the failover will do, shown to the operator in
 * {@code ConfirmFailover} and stored as the JSON variable {@code failoverPlan}. Read before log shipping is
 * removed, because removal deletes the configuration from msdb.
 *
 * @param poolFqdn the pool being failed over
 * @param database the Persistent Chat database, normally {@code mgc}
 * @param backupInstance the backup SQL instance, {@code host\instance}
 * @param databaseState {@code sys.databases.state_desc} of the database on the backup instance
 * @param redoStartLsn redo LSN of the database (numeric(25,0) as text), null when not restoring
 * @param backupSourceDirectory where the primary wrote log backups (UNC as configured in msdb)
 * @param backupDestinationDirectory the copy destination the secondary restores from
 * @param lastCopiedFile last file the copy job copied, per msdb
 * @param lastRestoredFile last file the restore job restored, per msdb
 * @param filesToCopy log backup file names on the share not yet in the copy destination
 * @param logsToApply log backups still to restore, in LSN order
 * @param logsAlreadyApplied log backups whose LastLSN is at or below the redo LSN
 * @param gap the break in the log chain, null when the chain is continuous
 * @param dataLoss the window of transactions that would be lost when recovering now
 * @param checkedAt when the plan was made
 */
public record FailoverPlan(String poolFqdn, String database, String backupInstance, String databaseState,
		String redoStartLsn, String backupSourceDirectory, String backupDestinationDirectory, String lastCopiedFile,
		String lastRestoredFile, List<String> filesToCopy, List<LogBackup> logsToApply,
		List<LogBackup> logsAlreadyApplied, LogChainGap gap, DataLossWindow dataLoss, Instant checkedAt) {

	/**
	 * One transaction log backup as {@code RESTORE HEADERONLY} describes it.
	 *
	 * @param fileName file name in the copy destination, e.g. {@code mgc_20261125084500.trn}
	 * @param firstLsn FirstLSN (numeric(25,0) as text)
	 * @param lastLsn LastLSN (numeric(25,0) as text)
	 * @param backupFinishedAt BackupFinishDate, the newest transaction it can contain
	 */
	public record LogBackup(String fileName, String firstLsn, String lastLsn, Instant backupFinishedAt) {
	}

	/**
	 * @param expectedFirstLsn the LSN the next log must start at or before (the redo LSN or previous LastLSN)
	 * @param foundFile the file that starts too late, null when no further log exists
	 * @param foundFirstLsn its FirstLSN
	 */
	public record LogChainGap(String expectedFirstLsn, String foundFile, String foundFirstLsn) {
	}

	/**
	 * @param lastRecoverableAt newest transaction time that will survive the failover
	 * @param lostUntil newest log backup seen that cannot be applied (null when nothing known is lost)
	 * @param description the window in words, for the operator
	 */
	public record DataLossWindow(Instant lastRecoverableAt, Instant lostUntil, String description) {
	}

}
