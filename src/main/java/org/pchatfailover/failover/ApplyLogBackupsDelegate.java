package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.LogChainBrokenException;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Runbook step 3: restore pending log backups in LSN order WITH NORECOVERY; a gap goes to the operator. */
@Component("applyLogBackups")
class ApplyLogBackupsDelegate extends PoolStepDelegate {

	private final LogShippingService logShipping;

	private final LogsAppliedCounter logsApplied;

	ApplyLogBackupsDelegate(LogShippingService logShipping, FailoverTarget target, LogsAppliedCounter logsApplied) {
		super(target);
		this.logShipping = logShipping;
		this.logsApplied = logsApplied;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		try {
			logShipping.applyPendingLogs(pool, registration(execution).plannedFolders(), actions);
		}
		catch (LogChainBrokenException ex) {
			// keep what was applied before the gap: the operator decides knowing it
			JsonVariables.storeActions(execution, actions);
			TextVariables.store(execution, FailoverVariables.LOG_CHAIN_GAP, ex.getMessage(),
					"ApplyLogBackups in the failover's report");
			TextVariables.store(execution, FailoverVariables.DATA_LOSS_STATEMENT, ex.dataLoss(),
					"the data-loss window of the failover's report");
			throw new BpmnError(FailoverErrors.LOG_CHAIN_BROKEN, ex.getMessage());
		}
		finally {
			logsApplied.count(pool, actions);
		}
	}

}
