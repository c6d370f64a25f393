package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Runbook step 2: copy the log backups not yet copied from the backup share to the copy destination. */
@Component("copyBackupFiles")
class CopyBackupFilesDelegate extends PoolStepDelegate {

	private final LogShippingService logShipping;

	CopyBackupFilesDelegate(LogShippingService logShipping, FailoverTarget target) {
		super(target);
		this.logShipping = logShipping;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		logShipping.copyMissingFiles(pool, registration(execution).plannedFolders(), actions);
	}

}
