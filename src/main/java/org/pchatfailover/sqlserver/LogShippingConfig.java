package org.pchatfailover.sqlserver;

/**
 * The log-shipping secondary configuration of one database, from msdb (read before removal: removal deletes it).
 *
 * @param secondaryDatabase the restoring database, e.g. {@code mgc}
 * @param primaryServer the primary instance
 * @param backupSourceDirectory where the primary writes log backups (usually a UNC share)
 * @param backupDestinationDirectory the copy destination the secondary restores from
 * @param lastCopiedFile the last file the copy job copied (full path), may be null
 * @param lastRestoredFile the last file the restore job restored (full path), may be null
 */
public record LogShippingConfig(String secondaryDatabase, String primaryServer, String backupSourceDirectory,
		String backupDestinationDirectory, String lastCopiedFile, String lastRestoredFile) {

	/** As a DBA reads the row: msdb's column names, for the action log and the report. */
	@Override
	public String toString() {
		return "primary_server=" + primaryServer + ", backup_source_directory=" + backupSourceDirectory
				+ ", backup_destination_directory=" + backupDestinationDirectory + ", last_copied_file=" + lastCopiedFile
				+ ", last_restored_file=" + lastRestoredFile;
	}

}
