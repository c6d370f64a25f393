package org.pchatfailover.failover;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * ConfirmFailover: an approval counts only with every precondition of the runbook confirmed, because failing
 * over while the primary still runs splits the pool's data between two data centres.
 */
@Component("confirmFailoverCompletion")
class ConfirmFailoverCompletion implements TaskListener {

	private static final List<String> PRECONDITIONS = List.of(FailoverVariables.PRIMARY_DATABASE_DOWN,
			FailoverVariables.PRIMARY_MIRROR_DOWN, FailoverVariables.FRONT_END_DOWN,
			FailoverVariables.COMPLIANCE_OUTPUT_SECURED);

	@Override
	public void notify(DelegateTask task) {
		boolean approved = TaskDecisions.requireYesNo(task, FailoverVariables.FAILOVER_APPROVED,
				"choose Approve or Abort");
		TaskDecisions.requireText(task, FailoverVariables.CONFIRMATION_COMMENT, "who confirmed the outage, and how");
		if (!approved) {
			return;
		}
		VariableScope process = TaskDecisions.processScope(task, PRECONDITIONS.toArray(String[]::new));
		List<String> unconfirmed = PRECONDITIONS.stream().filter(name -> !FailoverVariables.isTrue(process, name)).toList();
		if (!unconfirmed.isEmpty()) {
			throw TaskDecisions.rejected(task, unconfirmed.get(0), "approval needs every precondition confirmed; tick "
					+ String.join(", ", unconfirmed.stream().map(FormLabels::of).toList())
					+ " once you have checked it, or choose Abort");
		}
	}

}
