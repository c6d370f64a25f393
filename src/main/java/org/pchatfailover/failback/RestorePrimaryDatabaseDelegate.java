package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.FailbackDatabaseService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Article step 4: the primary's rebuilt mgc overwritten from the step 3 backup, WITH REPLACE, RECOVERY. */
@Component("restorePrimaryDatabase")
class RestorePrimaryDatabaseDelegate extends FailbackStepDelegate {

	private final FailbackDatabaseService databases;

	RestorePrimaryDatabaseDelegate(FailbackDatabaseService databases, FailbackTarget target) {
		super(target);
		this.databases = databases;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		databases.restorePrimaryDatabase(pool, target().backupFile(execution), actions);
	}

}
