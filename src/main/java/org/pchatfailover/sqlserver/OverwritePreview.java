package org.pchatfailover.sqlserver;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.pchatfailover.i18n.DisplaySentences;

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

	/**
	 * The overwrite in words, for the ConfirmOverwritePrimary form: one {@code display.overwrite.*} template a line
	 * and variant ({@link DisplaySentences}), so the form says it in the reader's language, every value as read.
	 */
	public String summary() {
		Map<String, String> values = new HashMap<>();
		values.put("database", database);
		values.put("instance", primaryInstance);
		values.put("state", primaryState);
		values.put("sizeKb", String.valueOf(primarySizeKb));
		values.put("lastRestore", String.valueOf(primaryLastRestore));
		values.put("file", backupFile);
		values.put("backupDatabase", backupDatabase);
		values.put("server", backupServer);
		values.put("bytes", String.valueOf(backupSizeBytes));
		values.put("finished", String.valueOf(backupFinished));
		values.put("time", String.valueOf(checkedAt));
		String primary = "overwrite.primary" + (primarySizeKb == null ? "SizeUnknown" : "")
				+ (primaryLastRestore == null ? "NeverRestored" : "");
		String backup = "overwrite.backup" + (backupSizeBytes == null ? "SizeNotReported" : "");
		return DisplaySentences.english(primary, values) + "\n" + DisplaySentences.english(backup, values) + "\n"
				+ DisplaySentences.english("overwrite.discards", values);
	}

}
