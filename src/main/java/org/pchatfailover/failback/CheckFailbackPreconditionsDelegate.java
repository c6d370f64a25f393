package org.pchatfailover.failback;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.failover.JsonVariables;
import org.pchatfailover.lync.LyncCmdlets;
import org.pchatfailover.lync.PoolFailbackService;
import org.pchatfailover.sqlserver.FailbackDatabaseService;
import org.pchatfailover.sqlserver.FailbackPlan;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * The failback's preconditions that can be read: the pool FailedOver, the backup database ONLINE, the primary
 * instance reachable with its database rebuilt. Builds the plan ConfirmFailback shows: what is overwritten, from
 * which backup, and the folders log shipping will use again.
 */
@Component("checkFailbackPreconditions")
class CheckFailbackPreconditionsDelegate extends FailbackStepDelegate {

	private final FailbackDatabaseService databases;

	private final PoolFailbackService poolService;

	CheckFailbackPreconditionsDelegate(FailbackDatabaseService databases, PoolFailbackService poolService,
			FailbackTarget target) {
		super(target);
		this.databases = databases;
		this.poolService = poolService;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		String state = poolService.poolState(pool, actions);
		if (!LyncCmdlets.POOL_STATE_FAILED_OVER.equals(state)) {
			throw new IllegalStateException("pool " + pool.fqdn() + " is " + state + ", not FailedOver: a failback"
					+ " follows a failover (Get-CsPersistentChatState)");
		}
		String ticketId = target().registration(execution).ticketId();
		FailbackPlan plan = databases.planFailback(pool, Instant.now(),
				FailbackTarget.backupFileName(ticketId, pool.database()), actions);
		target().recordPlannedFolders(execution, new LogShippingFolders(plan.logShippingShare(), plan.copyFolder(),
				"failback plan"));
		execution.setVariable(FailbackVariables.FAILBACK_PLAN, JsonVariables.json(plan));
		execution.setVariable(FailoverVariables.PLAN_SUMMARY, plan.summary(pool.database()));
		execution.setVariable(FailbackVariables.PRIMARY_MIRROR_CONFIGURED, pool.primaryMirrorSql() != null);
	}

}
