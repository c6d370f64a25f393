package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.sqlserver.LogShippingSetup;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Article step 5: log shipping from the primary to the backup instance again, verified in msdb on both. */
@Component("reestablishLogShipping")
class ReestablishLogShippingDelegate extends FailbackStepDelegate {

	private final LogShippingSetup logShipping;

	ReestablishLogShippingDelegate(LogShippingSetup logShipping, FailbackTarget target) {
		super(target);
		this.logShipping = logShipping;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		LogShippingFolders folders = target().folders(execution);
		logShipping.reestablish(pool, folders.source(), folders.destination(), target().initialisationFile(execution),
				actions);
	}

}
