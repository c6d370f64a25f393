package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pchatfailover.lync.PersistentChatPoolService;
import org.pchatfailover.topology.Topology;
import org.springframework.stereotype.Component;

/**
 * ConfirmActiveServers: the chosen servers must sit in the new primary's data centre, or the operator must
 * confirm they have low latency and high bandwidth to it (runbook step 7).
 */
@Component("activeServersCompletion")
class ActiveServersCompletion implements TaskListener {

	private final PersistentChatPoolService poolService;

	private final Topology topology;

	ActiveServersCompletion(PersistentChatPoolService poolService, Topology topology) {
		this.poolService = poolService;
		this.topology = topology;
	}

	@Override
	public void notify(DelegateTask task) {
		try {
			poolService.checkActiveServers(topology.pool(FailoverVariables.poolFqdn(task)),
					FailoverVariables.activeServers(task),
					FailoverVariables.isTrue(task, FailoverVariables.LOW_LATENCY_CONFIRMED));
		}
		catch (IllegalArgumentException ex) {
			throw TaskDecisions.rejected(task, ex.getMessage());
		}
	}

}
