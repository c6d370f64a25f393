package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.lync.PoolFailbackService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Article step 6 (step id SetActiveServers): the servers the operator confirmed, in the primary data centre. */
@Component("setFailbackActiveServers")
class SetFailbackActiveServersDelegate extends FailbackStepDelegate {

	private final PoolFailbackService poolService;

	SetFailbackActiveServersDelegate(PoolFailbackService poolService, FailbackTarget target) {
		super(target);
		this.poolService = poolService;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		poolService.setActiveServers(pool, FailoverVariables.activeServers(execution),
				FailoverVariables.isTrue(execution, FailoverVariables.LOW_LATENCY_CONFIRMED), actions);
	}

}
