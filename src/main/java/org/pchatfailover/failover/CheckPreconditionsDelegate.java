package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.readiness.EstateReadiness;
import org.pchatfailover.readiness.ReadinessReport;
import org.pchatfailover.sqlserver.FailoverPlan;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Reads the secondary's log-shipping state and builds the plan the operator confirms in ConfirmFailover. */
@Component("checkPreconditions")
class CheckPreconditionsDelegate extends PoolStepDelegate {

	private final LogShippingService logShipping;

	private final EstateReadiness readiness;

	CheckPreconditionsDelegate(LogShippingService logShipping, EstateReadiness readiness, FailoverTarget target) {
		super(target);
		this.logShipping = logShipping;
		this.readiness = readiness;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		FailoverPlan plan = logShipping.planFailover(pool, actions);
		execution.setVariable(FailoverVariables.FAILOVER_PLAN, JsonVariables.json(plan));
		TextVariables.store(execution, FailoverVariables.PLAN_SUMMARY, PlanSummary.describe(plan),
				PlanSummary.FULL_PLAN);
		// the last scheduled result, not a new check: the approver sees how the estate looked before the outage
		String readinessReport = "GET /api/pools/" + pool.fqdn() + "/readiness";
		TextVariables.store(execution, FailoverVariables.READINESS_SUMMARY, readiness.last(pool.fqdn())
			.map(ReadinessReport::summary)
			.orElse("No estate check of pool " + pool.fqdn() + " has run yet (" + readinessReport + ")."),
				readinessReport);
		LogShippingFolders folders = LogShippingFolders.planned(plan);
		if (folders != null) {
			// kept beside the failover, not only in the variable: the copy and restore steps must use what msdb said
			recordPlannedFolders(execution, folders);
		}
	}

}
