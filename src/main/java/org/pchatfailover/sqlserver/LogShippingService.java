package org.pchatfailover.sqlserver;

import java.util.List;

import org.pchatfailover.report.ActionLog;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Service;

/** Runbook steps 1 and 3 on the backup SQL instance: plan, remove log shipping, apply pending logs. */
@Service
public class LogShippingService {

	/** CheckPreconditions: read the log-shipping configuration, the database state and the log chain. */
	public FailoverPlan planFailover(Pool pool, ActionLog actions) {
		throw new UnsupportedOperationException("SQL Server adapter not implemented yet (issue 4)");
	}

	/** RemoveLogShipping: {@code sp_delete_log_shipping_secondary_database}; no-op when already removed. */
	public void removeSecondary(Pool pool, ActionLog actions) {
		throw new UnsupportedOperationException("SQL Server adapter not implemented yet (issue 4)");
	}

	/**
	 * ApplyLogBackups: restore every pending log in LSN order WITH NORECOVERY, skipping applied ones.
	 * @return the files restored by this call
	 */
	public List<String> applyPendingLogs(Pool pool, ActionLog actions) throws LogChainBrokenException {
		throw new UnsupportedOperationException("SQL Server adapter not implemented yet (issue 4)");
	}

}
