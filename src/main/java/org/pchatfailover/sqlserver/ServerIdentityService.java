package org.pchatfailover.sqlserver;

import java.util.List;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Service;

/**
 * Reads which Persistent Chat servers run against the pool's database on the backup instance: the documented
 * evidence of runbook step 7, since no cmdlet returns the active servers. Each server updates its row of
 * dbo.tblServerIdentity "to give evidence that it is running" (Persistent Chat database schema).
 */
@Service
public class ServerIdentityService {

	private final SqlServerAdapter sqlServer;

	public ServerIdentityService(SqlServerAdapter sqlServer) {
		this.sqlServer = sqlServer;
	}

	/** The rows of {@code <database>.dbo.tblServerIdentity} on the pool's backup SQL Server. */
	public List<ServerIdentity> readServerIdentities(Pool pool, ActionLog actions) {
		try (SqlServerConnection sql = sqlServer.connect(pool.backupSql(), actions)) {
			return sql.readiness().readServerIdentities(pool.database());
		}
	}

}
