package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.failover.JsonVariables;
import org.pchatfailover.lync.LyncCmdlets;
import org.pchatfailover.sqlserver.LogShippingScript;
import org.pchatfailover.sqlserver.PrimaryMirrorLogShipping;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * Entering ShipLogsFromPrimaryMirror: JJ204887's three commands generated for this pool, in its order: mgc failed
 * over to the primary's mirror (Invoke-CsDatabaseFailover -NewPrincipal 'Mirror'), the primary half of the
 * log-shipping script for the mirror instance (same share and settings as the primary's, the backup instance as the
 * already initialised secondary), mgc failed back (-NewPrincipal 'Primary'). Reads the backup instance's
 * {@code @@SERVERNAME}; the task is asyncBefore, so an unreachable instance is an incident retried like a step.
 */
@Component("proposeShipLogsFromPrimaryMirror")
class PrimaryMirrorLogShippingProposal implements ExecutionListener {

	private final PrimaryMirrorLogShipping mirrorLogShipping;

	private final FailbackTarget target;

	PrimaryMirrorLogShippingProposal(PrimaryMirrorLogShipping mirrorLogShipping, FailbackTarget target) {
		this.mirrorLogShipping = mirrorLogShipping;
		this.target = target;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Pool pool = target.pool(execution);
		ActionLog actions = new ActionLog();
		String secondary = mirrorLogShipping.readSecondaryServer(pool, actions);
		JsonVariables.storeActions(execution, actions);
		execution.setVariable(FailbackVariables.MIRROR_LOG_SHIPPING_SECONDARY, secondary);
		execution.setVariable(FailbackVariables.FAILOVER_TO_MIRROR_COMMAND,
				LyncCmdlets.invokeDatabaseFailover(pool.fqdn(), LyncCmdlets.NewPrincipal.MIRROR).command());
		execution.setVariable(FailbackVariables.MIRROR_LOG_SHIPPING_SCRIPT, LogShippingScript.primaryHalfForMirror(
				pool.database(), pool.primaryMirrorSql().displayName(), secondary, target.folders(execution).source()));
		execution.setVariable(FailbackVariables.FAILBACK_TO_PRIMARY_COMMAND,
				LyncCmdlets.invokeDatabaseFailover(pool.fqdn(), LyncCmdlets.NewPrincipal.PRIMARY).command());
		execution.setVariable(FailbackVariables.PRIMARY_MIRROR_INSTANCE, pool.primaryMirrorSql().displayName());
	}

}
