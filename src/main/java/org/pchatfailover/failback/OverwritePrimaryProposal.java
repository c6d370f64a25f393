package org.pchatfailover.failback;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.failover.JsonVariables;
import org.pchatfailover.sqlserver.FailbackDatabaseService;
import org.pchatfailover.sqlserver.OverwritePreview;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * Entering ConfirmOverwritePrimary: reads, right before the overwrite, what the primary's database is now and which
 * backup file will replace it, so the operator confirms the real thing and not the plan read an hour ago. The task is
 * asynchronous before, so a primary that cannot be read is an incident on this task, retried like a step.
 */
@Component("proposeOverwritePrimary")
class OverwritePrimaryProposal implements ExecutionListener {

	private final FailbackDatabaseService databases;

	private final FailbackTarget target;

	OverwritePrimaryProposal(FailbackDatabaseService databases, FailbackTarget target) {
		this.databases = databases;
		this.target = target;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Pool pool = target.pool(execution);
		ActionLog actions = new ActionLog();
		OverwritePreview preview = databases.previewOverwrite(pool, target.backupFile(execution), Instant.now(),
				actions);
		execution.setVariable(FailbackVariables.OVERWRITE_PREVIEW, JsonVariables.json(preview));
		execution.setVariable(FailbackVariables.OVERWRITE_SUMMARY, preview.summary());
		execution.setVariable(FailbackVariables.OVERWRITE_TARGET, pool.primarySql().displayName());
		JsonVariables.storeActions(execution, actions);
	}

}
