package org.pchatfailover.sqlserver;

import java.util.Optional;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Service;

/**
 * Reads the pool's database on its backup instance itself, as a DBA would, for the Lync steps that must not act on
 * Lync's word alone: its state (sys.databases) and mirroring. After a failover Lync's Get-CsDatabaseMirrorState
 * reports the active store, and whether that is the backup instance is the Lync topology's word, not SQL Server's.
 */
@Service
public class DatabaseMirroringService {

	private final SqlServerAdapter sql;

	public DatabaseMirroringService(SqlServerAdapter sql) {
		this.sql = sql;
	}

	/** sys.databases state of the pool's database on its backup SQL Server; empty when it has no such database. */
	public Optional<DatabaseStatus> readBackupDatabase(Pool pool, ActionLog actions) {
		try (SqlServerConnection connection = sql.connect(pool.backupSql(), actions)) {
			return connection.readDatabaseStatus(pool.database());
		}
	}

	/** sys.database_mirroring of the pool's database on its backup SQL Server; empty when it has no such database. */
	public Optional<DatabaseMirroringRow> readBackupMirroring(Pool pool, ActionLog actions) {
		try (SqlServerConnection connection = sql.connect(pool.backupSql(), actions)) {
			return connection.readDatabaseMirroring(pool.database());
		}
	}

	/** sys.database_mirroring of the pool's database on the primary instance (MirrorPrimaryDatabase's check). */
	public Optional<DatabaseMirroringRow> readPrimaryMirroring(Pool pool, ActionLog actions) {
		try (SqlServerConnection connection = sql.connect(pool.primarySql(), actions)) {
			return connection.readDatabaseMirroring(pool.database());
		}
	}

}
