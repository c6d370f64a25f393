package org.pchatfailover.failback;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.failover.TaskDecisions;
import org.springframework.stereotype.Component;

/**
 * ConfirmFailback: an approval counts only with every precondition of the article confirmed, because the failback
 * overwrites the primary's mgc and a primary that was not rebuilt, or a new mirror or backup server, would be lost.
 */
@Component("confirmFailbackCompletion")
class ConfirmFailbackCompletion implements TaskListener {

	static final List<String> PRECONDITIONS = List.of(FailbackVariables.PRIMARY_DATA_CENTER_RECOVERED,
			FailbackVariables.PRIMARY_DATABASES_REBUILT, FailbackVariables.NO_NEW_MIRROR_OR_BACKUP_SERVERS,
			FailbackVariables.SQL_AGENT_CAN_REACH_SHARES);

	@Override
	public void notify(DelegateTask task) {
		boolean approved = TaskDecisions.requireYesNo(task, FailbackVariables.FAILBACK_APPROVED,
				"approve or abort the failback");
		TaskDecisions.requireText(task, FailoverVariables.CONFIRMATION_COMMENT, "a comment for the record");
		if (!approved) {
			return;
		}
		VariableScope process = TaskDecisions.processScope(task, PRECONDITIONS.toArray(String[]::new));
		List<String> unconfirmed = PRECONDITIONS.stream().filter(name -> !FailoverVariables.isTrue(process, name)).toList();
		if (!unconfirmed.isEmpty()) {
			throw TaskDecisions.rejected(task, FailbackVariables.FAILBACK_APPROVED, "approval needs every precondition confirmed; not confirmed: "
					+ String.join(", ", unconfirmed));
		}
	}

}
