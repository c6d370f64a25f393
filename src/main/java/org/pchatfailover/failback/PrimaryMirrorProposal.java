package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.pchatfailover.lync.LyncCmdlets;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * Entering MirrorPrimaryDatabase: the exact Install-CsMirrorDatabase command for the restored primary, generated with
 * the failover's quoting (every value a single-quoted literal, FQDN and instance validated), for the operator to run.
 * The cmdlet takes the mirror from the published topology (it has no mirror parameter), so the form names the
 * instance the check will expect.
 */
@Component("proposePrimaryMirror")
class PrimaryMirrorProposal implements ExecutionListener {

	private final FailbackTarget target;

	PrimaryMirrorProposal(FailbackTarget target) {
		this.target = target;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Pool pool = target.pool(execution);
		if (pool.primaryMirrorSql() == null) {
			throw new IllegalStateException("pool " + pool.fqdn() + " has no primary-mirror-sql: nothing to mirror");
		}
		execution.setVariable(FailbackVariables.PRIMARY_MIRROR_COMMAND, LyncCmdlets.installMirrorDatabase(
				pool.primarySql().fqdn(), pool.primarySql().instance(), pool.mirrorFileShare()).command());
		execution.setVariable(FailbackVariables.PRIMARY_MIRROR_INSTANCE, pool.primaryMirrorSql().displayName());
	}

}
