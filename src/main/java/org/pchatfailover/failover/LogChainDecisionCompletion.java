package org.pchatfailover.failover;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pchatfailover.failover.FailoverVariables.LogChainDecision;
import org.springframework.stereotype.Component;

/** DecideBrokenLogChain: one of the three decisions, with the reason written down (data loss is at stake). */
@Component("logChainDecisionCompletion")
class LogChainDecisionCompletion implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		Object decision = TaskDecisions.processScope(task, FailoverVariables.LOG_CHAIN_DECISION)
			.getVariable(FailoverVariables.LOG_CHAIN_DECISION);
		boolean known = Arrays.stream(LogChainDecision.values()).anyMatch(d -> d.name().equals(decision));
		if (!known) {
			throw TaskDecisions.rejected(task, FailoverVariables.LOG_CHAIN_DECISION,
					FormLabels.of(FailoverVariables.LOG_CHAIN_DECISION) + ": choose one of "
							+ Arrays.toString(LogChainDecision.values()));
		}
		TaskDecisions.requireText(task, FailoverVariables.LOG_CHAIN_COMMENT, "why you decided so");
	}

}
