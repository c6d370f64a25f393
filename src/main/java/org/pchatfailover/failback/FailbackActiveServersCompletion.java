package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.failover.TaskDecisions;
import org.pchatfailover.topology.ActiveServerRules;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * ConfirmActiveServers of the failback: the chosen servers sit in the primary data centre, or the operator confirms
 * low latency and high bandwidth to it (the article's step 6).
 */
@Component("failbackActiveServersCompletion")
class FailbackActiveServersCompletion implements TaskListener {

	private final FailbackTarget target;

	FailbackActiveServersCompletion(FailbackTarget target) {
		this.target = target;
	}

	@Override
	public void notify(DelegateTask task) {
		try {
			VariableScope process = TaskDecisions.processScope(task, FailoverVariables.ACTIVE_SERVERS,
					FailoverVariables.LOW_LATENCY_CONFIRMED);
			Pool pool = target.pool(task);
			ActiveServerRules.check(pool, pool.primaryDataCenter(), FailoverVariables.activeServers(process),
					FailoverVariables.isTrue(process, FailoverVariables.LOW_LATENCY_CONFIRMED));
		}
		catch (IllegalArgumentException ex) {
			throw TaskDecisions.rejected(task, FailoverVariables.ACTIVE_SERVERS, ex.getMessage());
		}
	}

}
