package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.DatabaseRecoveryService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Runbook step 4: RESTORE DATABASE ... WITH RECOVERY on the backup instance, verified ONLINE. */
@Component("recoverDatabase")
class RecoverDatabaseDelegate extends PoolStepDelegate {

	private final DatabaseRecoveryService recovery;

	RecoverDatabaseDelegate(DatabaseRecoveryService recovery, FailoverTarget target) {
		super(target);
		this.recovery = recovery;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		recovery.recoverDatabase(pool, actions);
	}

}
