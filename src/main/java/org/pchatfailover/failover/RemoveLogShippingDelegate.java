package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Runbook step 1: remove the log-shipping secondary configuration of the backup database. */
@Component("removeLogShipping")
class RemoveLogShippingDelegate extends PoolStepDelegate {

	private final LogShippingService logShipping;

	RemoveLogShippingDelegate(LogShippingService logShipping, FailoverTarget target) {
		super(target);
		this.logShipping = logShipping;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		logShipping.removeSecondary(pool, actions);
	}

}
