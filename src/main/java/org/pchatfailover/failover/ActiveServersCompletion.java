package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.pchatfailover.topology.ActiveServerRules;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * ConfirmActiveServers: the chosen servers must sit in the new primary's data centre, or the operator must
 * confirm they have low latency and high bandwidth to it (runbook step 7).
 */
@Component("activeServersCompletion")
class ActiveServersCompletion implements TaskListener {

	private final FailoverTarget target;

	ActiveServersCompletion(FailoverTarget target) {
		this.target = target;
	}

	@Override
	public void notify(DelegateTask task) {
		try {
			VariableScope process = TaskDecisions.processScope(task, FailoverVariables.ACTIVE_SERVERS,
					FailoverVariables.LOW_LATENCY_CONFIRMED);
			Pool pool = target.pool(task);
			ActiveServerRules.check(pool, pool.backupDataCenter(), FailoverVariables.activeServers(process),
					FailoverVariables.isTrue(process, FailoverVariables.LOW_LATENCY_CONFIRMED));
		}
		catch (IllegalArgumentException ex) {
			throw TaskDecisions.rejected(task, FailoverVariables.ACTIVE_SERVERS,
					FormLabels.of(FailoverVariables.ACTIVE_SERVERS) + ": " + ex.getMessage());
		}
	}

}
