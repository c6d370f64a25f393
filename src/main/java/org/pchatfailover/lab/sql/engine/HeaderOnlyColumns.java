package org.pchatfailover.lab.sql.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RESTORE HEADERONLY result set in SQL Server's column order and types (SQL Server 2016+), filled from the
 * lab's backup file header; columns a log backup leaves empty are NULL.
 */
final class HeaderOnlyColumns {

	static final List<Column> COLUMNS = List.of(nv("BackupName", 128), nv("BackupDescription", 255),
			c("BackupType", SqlType.SMALLINT), c("ExpirationDate", SqlType.DATETIME), c("Compressed", SqlType.BIT),
			c("Position", SqlType.SMALLINT), c("DeviceType", SqlType.TINYINT), nv("UserName", 128),
			nv("ServerName", 128), nv("DatabaseName", 128), c("DatabaseVersion", SqlType.INT),
			c("DatabaseCreationDate", SqlType.DATETIME), c("BackupSize", SqlType.numeric(20, 0)),
			c("FirstLSN", SqlType.LSN), c("LastLSN", SqlType.LSN), c("CheckpointLSN", SqlType.LSN),
			c("DatabaseBackupLSN", SqlType.LSN), c("BackupStartDate", SqlType.DATETIME),
			c("BackupFinishDate", SqlType.DATETIME), c("SortOrder", SqlType.SMALLINT),
			c("CodePage", SqlType.SMALLINT), c("UnicodeLocaleId", SqlType.INT),
			c("UnicodeComparisonStyle", SqlType.INT), c("CompatibilityLevel", SqlType.TINYINT),
			c("SoftwareVendorId", SqlType.INT), c("SoftwareVersionMajor", SqlType.INT),
			c("SoftwareVersionMinor", SqlType.INT), c("SoftwareVersionBuild", SqlType.INT), nv("MachineName", 128),
			c("Flags", SqlType.INT), c("BindingID", SqlType.UNIQUEIDENTIFIER),
			c("RecoveryForkID", SqlType.UNIQUEIDENTIFIER), nv("Collation", 128),
			c("FamilyGUID", SqlType.UNIQUEIDENTIFIER), c("HasBulkLoggedData", SqlType.BIT),
			c("IsSnapshot", SqlType.BIT), c("IsReadOnly", SqlType.BIT), c("IsSingleUser", SqlType.BIT),
			c("HasBackupChecksums", SqlType.BIT), c("IsDamaged", SqlType.BIT), c("BeginsLogChain", SqlType.BIT),
			c("HasIncompleteMetaData", SqlType.BIT), c("IsForceOffline", SqlType.BIT), c("IsCopyOnly", SqlType.BIT),
			c("FirstRecoveryForkID", SqlType.UNIQUEIDENTIFIER), c("ForkPointLSN", SqlType.LSN),
			nv("RecoveryModel", 60), c("DifferentialBaseLSN", SqlType.LSN),
			c("DifferentialBaseGUID", SqlType.UNIQUEIDENTIFIER), nv("BackupTypeDescription", 60),
			c("BackupSetGUID", SqlType.UNIQUEIDENTIFIER), c("CompressedBackupSize", SqlType.BIGINT),
			c("Containment", SqlType.TINYINT), nv("KeyAlgorithm", 32), c("EncryptorThumbprint", SqlType.varbinary(20)),
			nv("EncryptorType", 32));

	private HeaderOnlyColumns() {
	}

	/** @param sizeBytes the file's length, the lab's BackupSize: one backup set per file, no media header apart */
	static List<Object> row(BackupFile file, long sizeBytes) {
		Object[] values = new Object[COLUMNS.size()];
		set(values, "BackupSize", BigInteger.valueOf(sizeBytes));
		set(values, "BackupType", file.backupType());
		set(values, "Compressed", false);
		set(values, "Position", 1);
		set(values, "DeviceType", 2);
		set(values, "ServerName", file.serverName());
		set(values, "DatabaseName", file.databaseName());
		set(values, "DatabaseVersion", 957);
		set(values, "FirstLSN", file.firstLsn());
		set(values, "LastLSN", file.lastLsn());
		set(values, "BackupStartDate", file.backupStartDate());
		set(values, "BackupFinishDate", file.backupFinishDate());
		set(values, "CompatibilityLevel", 110);
		// ServerName the instance that wrote the backup, MachineName its computer (sql-docs backupset: server_name,
		// machine_name)
		set(values, "MachineName", file.serverName().replaceFirst("\\\\.*$", ""));
		set(values, "Collation", "SQL_Latin1_General_CP1_CI_AS");
		set(values, "HasBackupChecksums", true);
		set(values, "IsDamaged", false);
		set(values, "RecoveryModel", "FULL");
		set(values, "BackupTypeDescription", file.backupType() == 2 ? "Transaction Log" : "Database");
		set(values, "Containment", 0);
		return new ArrayList<>(Arrays.asList(values));
	}

	private static void set(Object[] values, String column, Object value) {
		for (int i = 0; i < COLUMNS.size(); i++) {
			if (COLUMNS.get(i).name().equals(column)) {
				values[i] = value;
				return;
			}
		}
		throw new IllegalArgumentException("no RESTORE HEADERONLY column " + column);
	}

	private static Column c(String name, SqlType type) {
		return new Column(name, type);
	}

	private static Column nv(String name, int length) {
		return new Column(name, SqlType.nvarchar(length));
	}

}
