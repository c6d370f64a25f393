package org.pchatfailover.failback;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.failover.TaskDecisions;
import org.pchatfailover.sqlserver.PrimaryMirrorLogShipping;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * ShipLogsFromPrimaryMirror: "done" counts only when the mirror instance's msdb shows mgc as a log-shipping primary
 * with the backup instance as secondary and mgc is principal on the primary again; a refusal names what is missing
 * and changes nothing. Deferring needs a reason: the failback does not depend on the mirror's log shipping.
 */
@Component("shipLogsFromPrimaryMirrorCompletion")
class PrimaryMirrorLogShippingCompletion implements TaskListener {

	private final PrimaryMirrorLogShipping mirrorLogShipping;

	private final FailbackTarget target;

	PrimaryMirrorLogShippingCompletion(PrimaryMirrorLogShipping mirrorLogShipping, FailbackTarget target) {
		this.mirrorLogShipping = mirrorLogShipping;
		this.target = target;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean done = TaskDecisions.requireYesNo(task, FailbackVariables.MIRROR_LOG_SHIPPING_DONE,
				"commands run (checked now) or deferred");
		if (!done) {
			TaskDecisions.requireText(task, FailbackVariables.MIRROR_LOG_SHIPPING_COMMENT,
					"why log shipping from the primary's mirror is deferred");
			return;
		}
		Pool pool = target.pool(task);
		List<String> missing;
		try {
			missing = mirrorLogShipping.missing(pool, new ActionLog());
		}
		catch (RuntimeException ex) {
			throw TaskDecisions.rejected(task, FailbackVariables.MIRROR_LOG_SHIPPING_DONE, "cannot check "
					+ pool.primaryMirrorSql().displayName() + " and " + pool.primarySql().displayName() + ": "
					+ ex.getMessage());
		}
		if (!missing.isEmpty()) {
			throw TaskDecisions.rejected(task, FailbackVariables.MIRROR_LOG_SHIPPING_DONE, String.join("; ", missing)
					+ ": run the commands shown, in their order, or defer with a reason");
		}
	}

}
