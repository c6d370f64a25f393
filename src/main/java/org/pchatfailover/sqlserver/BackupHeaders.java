package org.pchatfailover.sqlserver;

import java.time.Duration;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.SharePaths;

/**
 * Reads {@code RESTORE HEADERONLY} of candidate log backups and keeps the usable ones: a file the instance cannot
 * read (torn, 3241) or that holds another database or backup type is left out and recorded, so the chain
 * analysis shows the gap it leaves rather than a failed step.
 */
final class BackupHeaders {

	BackupHeader readOne(SqlServerConnection sql, String folder, String fileName, String database, ActionLog actions) {
		try {
			BackupHeader header = sql.readBackupHeader(SharePaths.device(folder, fileName), fileName);
			if (header.backupType() != BackupHeader.LOG || !database.equalsIgnoreCase(header.databaseName())) {
				actions.record(sql.instance(), "check", "backup header " + fileName, "not a log backup of " + database
						+ " (database " + header.databaseName() + ", type " + header.backupType() + "): ignored", true,
						Duration.ZERO);
				return null;
			}
			return header;
		}
		catch (SqlServerException ex) {
			if (ex.errorNumber() == SqlServerException.UNREACHABLE) {
				throw ex;
			}
			actions.record(sql.instance(), "check", "backup header " + fileName,
					"unreadable, left out: " + ex.errorNumber(), false, Duration.ZERO);
			return null;
		}
	}

}
