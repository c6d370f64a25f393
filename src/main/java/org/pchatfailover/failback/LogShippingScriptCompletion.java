package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.failover.TaskDecisions;
import org.pchatfailover.sqlserver.LogShippingSetup;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * RunLogShippingScript: "I ran the script" counts only when msdb shows log shipping on both instances and mgc waits
 * RESTORING on the backup, the step's own verification; "retry" goes back to ReestablishLogShipping.
 */
@Component("logShippingScriptCompletion")
class LogShippingScriptCompletion implements TaskListener {

	private final LogShippingSetup logShipping;

	private final FailbackTarget target;

	LogShippingScriptCompletion(LogShippingSetup logShipping, FailbackTarget target) {
		this.logShipping = logShipping;
		this.target = target;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean run = TaskDecisions.requireYesNo(task, FailbackVariables.LOG_SHIPPING_SCRIPT_RUN,
				"script run (checked now) or retry the step");
		if (!run) {
			return;
		}
		Pool pool = target.pool(task);
		try {
			logShipping.verify(pool, new ActionLog());
		}
		catch (RuntimeException notDone) {
			throw TaskDecisions.rejected(task, FailbackVariables.LOG_SHIPPING_SCRIPT_RUN, notDone.getMessage()
					+ ": run the script's missing parts, or retry the step");
		}
	}

}
