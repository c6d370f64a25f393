package org.pchatfailover.sqlserver;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.pchatfailover.topology.Pool;

/**
 * The failback's statements on one connection, each with its values as parameters where T-SQL takes a variable.
 * {@code ALTER DATABASE} takes no variable for the database name: it is checked against the plain-identifier pattern
 * of {@link Pool#DATABASE_PATTERN} and bracketed, so the text cannot carry anything else.
 */
final class FailbackStatements {

	/** Cannot open backup device: the file is not there (yet). */
	static final int CANNOT_OPEN_BACKUP_DEVICE = 3201;

	private final SqlServerConnection sql;

	FailbackStatements(SqlServerConnection sql) {
		this.sql = sql;
	}

	/** {@code ALTER DATABASE [db] SET PARTNER OFF}: "removes the database mirroring session" (sql-docs). */
	void setPartnerOff(String database) {
		String sqlText = "ALTER DATABASE " + bracketed(database) + " SET PARTNER OFF";
		sql.statements().executeLiteral("remove mirroring of " + database, sqlText, "mirroring removed");
	}

	/**
	 * A full backup that starts no new media set question: INIT overwrites the file's backup sets, CHECKSUM lets
	 * VERIFYONLY and the restore check the pages. Not COPY_ONLY: it is an ordinary full backup, the base of what
	 * follows.
	 */
	void backupDatabase(String database, String file) {
		sql.statements().update("BACKUP DATABASE " + database,
				"BACKUP DATABASE ? TO DISK = ? WITH INIT, CHECKSUM", List.of(database, file));
	}

	void verifyBackup(String file) {
		sql.statements().update("verify backup " + file, "RESTORE VERIFYONLY FROM DISK = ? WITH CHECKSUM",
				List.of(file));
	}

	/** The file's first backup set, empty when the file cannot be opened (3201): no backup was written there yet. */
	Optional<BackupHeader> readBackupHeader(String file) {
		try {
			return Optional.of(sql.readBackupHeader(file, file.substring(file.lastIndexOf('\\') + 1)));
		}
		catch (SqlServerException ex) {
			if (ex.errorNumber() == CANNOT_OPEN_BACKUP_DEVICE) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/** "Overwrite the existing database" and "leave the database ready to use": REPLACE, RECOVERY. */
	void restoreReplaceRecovery(String database, String file) {
		sql.statements().update("RESTORE DATABASE " + database + " WITH REPLACE, RECOVERY",
				"RESTORE DATABASE ? FROM DISK = ? WITH REPLACE, RECOVERY", List.of(database, file));
	}

	/** The log-shipping secondary's initialisation: overwritten, left RESTORING for the logs to follow. */
	void restoreReplaceNoRecovery(String database, String file) {
		sql.statements().update("RESTORE DATABASE " + database + " WITH REPLACE, NORECOVERY",
				"RESTORE DATABASE ? FROM DISK = ? WITH REPLACE, NORECOVERY", List.of(database, file));
	}

	/** The device of the newest full restore into the database per msdb's history, empty when it has none. */
	Optional<String> readLastDatabaseRestoreDevice(String database) {
		return sql.statements().query("read database restore history of " + database,
				"SELECT TOP (1) m.physical_device_name FROM msdb.dbo.restorehistory r"
						+ " JOIN msdb.dbo.backupset b ON b.backup_set_id = r.backup_set_id"
						+ " JOIN msdb.dbo.backupmediafamily m ON m.media_set_id = b.media_set_id"
						+ " WHERE r.destination_database_name = ? AND r.restore_type = 'D'"
						+ " ORDER BY r.restore_history_id DESC",
				List.of(database), rows -> rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty());
	}

	/** HEADERONLY's ServerName and BackupSize of a file's first backup set. */
	record BackupOrigin(String serverName, Long sizeBytes) {
	}

	/** HEADERONLY's ServerName and BackupSize (bytes) of the file's first backup set; BackupSize may be NULL. */
	BackupOrigin readBackupOrigin(String file) {
		return sql.statements().query("read backup origin " + file, "RESTORE HEADERONLY FROM DISK = ?", List.of(file),
				rows -> {
					if (!rows.next()) {
						throw new SQLException("RESTORE HEADERONLY returned no backup set for " + file);
					}
					BigDecimal size = rows.getBigDecimal("BackupSize");
					return new BackupOrigin(rows.getString("ServerName"), size == null ? null : size.longValueExact());
				});
	}

	/** The database's files in KB: sys.master_files' size is in 8-KB pages (sql-docs). Empty when it has none. */
	Optional<Long> readDatabaseSizeKb(String database) {
		return sql.statements().query("read size of " + database,
				"SELECT SUM(f.size) FROM sys.master_files f JOIN sys.databases d ON d.database_id = f.database_id"
						+ " WHERE d.name = ?",
				List.of(database), rows -> {
					if (!rows.next()) {
						return Optional.<Long>empty();
					}
					long pages = rows.getLong(1);
					return rows.wasNull() ? Optional.<Long>empty() : Optional.of(pages * 8);
				});
	}

	/** When a backup was last restored into the database (msdb restorehistory), a wall-clock time of the server. */
	Optional<LocalDateTime> readLastRestoreDate(String database) {
		return sql.statements().query("read last restore of " + database,
				"SELECT TOP (1) restore_date FROM msdb.dbo.restorehistory WHERE destination_database_name = ?"
						+ " ORDER BY restore_history_id DESC",
				List.of(database), rows -> rows.next()
						? Optional.ofNullable(rows.getObject(1, LocalDateTime.class))
						: Optional.<LocalDateTime>empty());
	}

	static String bracketed(String database) {
		if (database == null || !database.matches(Pool.DATABASE_PATTERN)) {
			throw new IllegalArgumentException("not a plain SQL Server identifier: '" + database + "'");
		}
		return "[" + database + "]";
	}

}
