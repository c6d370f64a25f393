package org.pchatfailover.sqlserver;

import java.util.Optional;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Service;

/**
 * Reads mirroring of the pool's database on the instance itself, as a DBA would: after a failover Lync's
 * Get-CsDatabaseMirrorState reports the active store, and whether that is the backup instance is the Lync
 * topology's word, not SQL Server's.
 */
@Service
public class DatabaseMirroringService {

	private final SqlServerAdapter sql;

	public DatabaseMirroringService(SqlServerAdapter sql) {
		this.sql = sql;
	}

	/** sys.database_mirroring of the pool's database on its backup SQL Server; empty when it has no such database. */
	public Optional<DatabaseMirroringRow> readBackupMirroring(Pool pool, ActionLog actions) {
		try (SqlServerConnection connection = sql.connect(pool.backupSql(), actions)) {
			return connection.readDatabaseMirroring(pool.database());
		}
	}

}
