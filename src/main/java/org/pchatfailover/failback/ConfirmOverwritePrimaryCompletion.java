package org.pchatfailover.failback;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pchatfailover.failover.TaskDecisions;
import org.springframework.stereotype.Component;

/**
 * ConfirmOverwritePrimary: the overwrite of the primary's database counts as approved only with its instance name
 * typed by hand ("type to confirm"), so a click in the wrong tab cannot overwrite a database. An abort needs nothing
 * typed.
 */
@Component("confirmOverwritePrimaryCompletion")
class ConfirmOverwritePrimaryCompletion implements TaskListener {

	private final FailbackTarget target;

	ConfirmOverwritePrimaryCompletion(FailbackTarget target) {
		this.target = target;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean approved = TaskDecisions.requireYesNo(task, FailbackVariables.OVERWRITE_APPROVED,
				"overwrite the primary's database now or abort the failback");
		if (!approved) {
			return;
		}
		// the expected name comes from the topology, never from a variable the operator could set with the task
		String expected = target.pool(task).primarySql().displayName();
		String typed = TaskDecisions.requireText(task, FailbackVariables.OVERWRITE_CONFIRMATION,
				"the primary instance's name, " + expected);
		if (!typed.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT))) {
			throw TaskDecisions.rejected(task, FailbackVariables.OVERWRITE_CONFIRMATION, "'" + typed
					+ "' is not the primary instance " + expected + ": type its name exactly to confirm the overwrite");
		}
	}

}
