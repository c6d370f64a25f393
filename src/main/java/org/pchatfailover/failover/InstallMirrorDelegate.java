package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lync.PersistentChatPoolService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Runbook step 6: Install-CsMirrorDatabase with the backup instance as the new principal. */
@Component("installMirror")
class InstallMirrorDelegate extends PoolStepDelegate {

	private final PersistentChatPoolService poolService;

	InstallMirrorDelegate(PersistentChatPoolService poolService, FailoverTarget target) {
		super(target);
		this.poolService = poolService;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		poolService.installMirror(pool, actions);
	}

}
