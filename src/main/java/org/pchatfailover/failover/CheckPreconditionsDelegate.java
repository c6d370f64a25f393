package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.FailoverPlan;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Reads the secondary's log-shipping state and builds the plan the operator confirms in ConfirmFailover. */
@Component("checkPreconditions")
class CheckPreconditionsDelegate extends PoolStepDelegate {

	private final LogShippingService logShipping;

	CheckPreconditionsDelegate(LogShippingService logShipping, FailoverTarget target) {
		super(target);
		this.logShipping = logShipping;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		FailoverPlan plan = logShipping.planFailover(pool, actions);
		execution.setVariable(FailoverVariables.FAILOVER_PLAN, JsonVariables.json(plan));
		execution.setVariable(FailoverVariables.PLAN_SUMMARY, PlanSummary.describe(plan));
		LogShippingFolders folders = LogShippingFolders.planned(plan);
		if (folders != null) {
			// kept beside the failover, not only in the variable: the copy and restore steps must use what msdb said
			recordPlannedFolders(execution, folders);
		}
	}

}
