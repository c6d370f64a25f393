package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lync.PersistentChatPoolService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Runbook step 5: Set-CsPersistentChatState -PoolState FailedOver. */
@Component("setPoolFailedOver")
class SetPoolFailedOverDelegate extends PoolStepDelegate {

	private final PersistentChatPoolService poolService;

	SetPoolFailedOverDelegate(PersistentChatPoolService poolService, FailoverTarget target) {
		super(target);
		this.poolService = poolService;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		poolService.setPoolFailedOver(pool, actions);
	}

}
