package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lync.ActiveServerEvidence;
import org.pchatfailover.lync.PersistentChatPoolService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * Runbook step 7: Set-CsPersistentChatActiveServer with the servers the operator confirmed; keeps what the database
 * says about them for VerifyService.
 */
@Component("setActiveServers")
class SetActiveServersDelegate extends PoolStepDelegate {

	private final PersistentChatPoolService poolService;

	SetActiveServersDelegate(PersistentChatPoolService poolService, FailoverTarget target) {
		super(target);
		this.poolService = poolService;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		ActiveServerEvidence evidence = poolService.setActiveServers(pool, FailoverVariables.activeServers(execution),
				FailoverVariables.isTrue(execution, FailoverVariables.LOW_LATENCY_CONFIRMED), actions);
		TextVariables.store(execution, FailoverVariables.ACTIVE_SERVER_EVIDENCE, evidence.summary(),
				"SetActiveServers in the failover's report");
	}

}
