package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lync.PoolFailbackService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Article step 7: Set-CsPersistentChatState -PoolState Normal, verified with Get-. */
@Component("setPoolNormal")
class SetPoolNormalDelegate extends FailbackStepDelegate {

	private final PoolFailbackService poolService;

	SetPoolNormalDelegate(PoolFailbackService poolService, FailbackTarget target) {
		super(target);
		this.poolService = poolService;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		poolService.setPoolNormal(pool, actions);
	}

}
