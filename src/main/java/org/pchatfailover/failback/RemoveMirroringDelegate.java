package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.FailbackDatabaseService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Article step 2: mirroring of mgc and mgccomp removed on the backup instance. */
@Component("removeMirroring")
class RemoveMirroringDelegate extends FailbackStepDelegate {

	private final FailbackDatabaseService databases;

	RemoveMirroringDelegate(FailbackDatabaseService databases, FailbackTarget target) {
		super(target);
		this.databases = databases;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		databases.removeMirroring(pool, actions);
	}

}
