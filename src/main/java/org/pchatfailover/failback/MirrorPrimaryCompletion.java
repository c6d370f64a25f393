package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.failover.TaskDecisions;
import org.pchatfailover.sqlserver.DatabaseMirroringRow;
import org.pchatfailover.sqlserver.DatabaseMirroringService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * MirrorPrimaryDatabase: "installed" counts only when the primary itself shows the session (sys.database_mirroring:
 * PRINCIPAL, SYNCHRONIZED or SYNCHRONIZING, partner = primary-mirror-sql), so the task cannot be ticked off without
 * the work. Deferring is allowed, with a reason for the record: the failback does not depend on the mirror.
 */
@Component("mirrorPrimaryCompletion")
class MirrorPrimaryCompletion implements TaskListener {

	private final DatabaseMirroringService mirroring;

	private final FailbackTarget target;

	MirrorPrimaryCompletion(DatabaseMirroringService mirroring, FailbackTarget target) {
		this.mirroring = mirroring;
		this.target = target;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean installed = TaskDecisions.requireYesNo(task, FailbackVariables.PRIMARY_MIRROR_INSTALLED,
				"mirroring installed (checked now) or deferred");
		if (!installed) {
			TaskDecisions.requireText(task, FailbackVariables.PRIMARY_MIRROR_COMMENT, "why mirroring is deferred");
			return;
		}
		Pool pool = target.pool(task);
		DatabaseMirroringRow row;
		try {
			row = mirroring.readPrimaryMirroring(pool, new ActionLog())
				.orElse(new DatabaseMirroringRow(null, null, null, null));
		}
		catch (RuntimeException ex) {
			throw TaskDecisions.rejected(task, FailbackVariables.PRIMARY_MIRROR_INSTALLED, "cannot read"
					+ " sys.database_mirroring on " + pool.primarySql().displayName() + ": " + ex.getMessage());
		}
		if (!row.isPrincipalMirroredTo(pool.primaryMirrorSql())) {
			throw TaskDecisions.rejected(task, FailbackVariables.PRIMARY_MIRROR_INSTALLED, "sys.database_mirroring of "
					+ pool.database() + " on " + pool.primarySql().displayName() + " shows " + row.summary()
					+ "; expected PRINCIPAL/SYNCHRONIZED or SYNCHRONIZING, partner "
					+ pool.primaryMirrorSql().displayName() + ": run the command shown, or defer with a reason");
		}
		task.getExecution().setVariable(FailbackVariables.PRIMARY_MIRRORING, row.summary());
	}

}
