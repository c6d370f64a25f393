package org.pchatfailover.sqlserver;

import java.time.Instant;

/**
 * What RestorePrimaryDatabase is about to overwrite and with what, read right before it, for ConfirmOverwritePrimary.
 *
 * @param checkedAt when it was read
 * @param primaryInstance the primary instance whose database is overwritten
 * @param database the database overwritten there
 * @param primaryState its state now (sys.databases)
 * @param primarySizeKb its data and log files' size in KB (sys.master_files, size in 8-KB pages), null if unknown
 * @param primaryLastRestore when a backup was last restored into it (msdb restorehistory), null when never
 * @param backupFile the full backup file that will be restored
 * @param backupDatabase DatabaseName of its backup set (RESTORE HEADERONLY)
 * @param backupServer ServerName of its backup set, the instance that wrote it
 * @param backupSizeBytes BackupSize of its backup set, null when not reported
 * @param backupFinished BackupFinishDate of its backup set
 */
public record OverwritePreview(Instant checkedAt, String primaryInstance, String database, String primaryState,
		Long primarySizeKb, Instant primaryLastRestore, String backupFile, String backupDatabase, String backupServer,
		Long backupSizeBytes, Instant backupFinished) {

	/** The overwrite in words, for the ConfirmOverwritePrimary form. */
	public String summary() {
		return "Overwrites " + database + " on " + primaryInstance + " (now " + primaryState + ", "
				+ (primarySizeKb == null ? "size unknown" : primarySizeKb + " KB in data and log files") + ", "
				+ (primaryLastRestore == null ? "never restored into" : "last restored into at " + primaryLastRestore)
				+ ").\nWith the full backup " + backupFile + ": database " + backupDatabase + " of " + backupServer
				+ ", " + (backupSizeBytes == null ? "size not reported" : backupSizeBytes + " bytes")
				+ ", finished at " + backupFinished + ".\nRESTORE DATABASE " + database + " ... WITH REPLACE, RECOVERY"
				+ " discards everything in the primary's " + database + ". Read at " + checkedAt + ".";
	}

}
