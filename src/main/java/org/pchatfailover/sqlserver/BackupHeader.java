package org.pchatfailover.sqlserver;

import java.math.BigInteger;
import java.time.Instant;

/**
 * What {@code RESTORE HEADERONLY} reports of a backup file.
 *
 * @param fileName the file name, e.g. {@code mgc_20261125080000.trn}
 * @param device the full path SQL Server opened
 * @param databaseName DatabaseName
 * @param backupType BackupType (2 = transaction log)
 * @param firstLsn FirstLSN
 * @param lastLsn LastLSN
 * @param backupFinishDate BackupFinishDate
 */
public record BackupHeader(String fileName, String device, String databaseName, int backupType, BigInteger firstLsn,
		BigInteger lastLsn, Instant backupFinishDate) {

	/** RESTORE HEADERONLY's BackupType of a full database backup. */
	public static final int DATABASE = 1;

	public static final int LOG = 2;

	FailoverPlan.LogBackup toLogBackup() {
		return new FailoverPlan.LogBackup(fileName, firstLsn.toString(), lastLsn.toString(), backupFinishDate);
	}

}
