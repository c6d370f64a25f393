package org.pchatfailover.sqlserver;

import org.pchatfailover.report.ActionLog;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Service;

/** Runbook step 4: end connections to the database, then bring it online WITH RECOVERY. */
@Service
public class DatabaseRecoveryService {

	/** EndConnections: kill user sessions in the database. */
	public void endConnections(Pool pool, ActionLog actions) {
		throw new UnsupportedOperationException("SQL Server adapter not implemented yet (issue 4)");
	}

	/** RecoverDatabase: {@code RESTORE DATABASE ... WITH RECOVERY}, verified ONLINE; no-op when already ONLINE. */
	public void recoverDatabase(Pool pool, ActionLog actions) {
		throw new UnsupportedOperationException("SQL Server adapter not implemented yet (issue 4)");
	}

}
