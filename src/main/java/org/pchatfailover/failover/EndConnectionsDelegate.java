package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.DatabaseRecoveryService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Runbook step 4, first half: end all user connections to the Persistent Chat database. */
@Component("endConnections")
class EndConnectionsDelegate extends PoolStepDelegate {

	private final DatabaseRecoveryService recovery;

	EndConnectionsDelegate(DatabaseRecoveryService recovery, FailoverTarget target) {
		super(target);
		this.recovery = recovery;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		recovery.endConnections(pool, actions);
	}

}
