package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lync.PoolFailbackService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Article step 1: every server of the pool off the active list, so none connects to mgc during the failback. */
@Component("clearActiveServers")
class ClearActiveServersDelegate extends FailbackStepDelegate {

	private final PoolFailbackService poolService;

	ClearActiveServersDelegate(PoolFailbackService poolService, FailbackTarget target) {
		super(target);
		this.poolService = poolService;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		poolService.clearActiveServers(pool, actions);
	}

}
