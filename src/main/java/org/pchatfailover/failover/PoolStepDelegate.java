package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.topology.Pool;

/**
 * A service step that acts on the failover's pool: resolves the pool from the failover's registration, runs the
 * step and stores what it did as {@code actionLog} for the report. Exceptions are left to the engine: the
 * job is retried, then becomes an incident.
 */
abstract class PoolStepDelegate implements JavaDelegate {

	private final FailoverTarget target;

	PoolStepDelegate(FailoverTarget target) {
		this.target = target;
	}

	@Override
	public final void execute(DelegateExecution execution) throws Exception {
		ActionLog actions = new ActionLog();
		run(target.pool(execution), execution, actions);
		JsonVariables.storeActions(execution, actions);
	}

	/** The registration of this failover: what it acts on, fixed at its start. */
	FailoverRegistry.Registration registration(DelegateExecution execution) {
		return target.registration(execution);
	}

	/** Keeps what the plan found for the steps after it. */
	void recordPlannedFolders(DelegateExecution execution, LogShippingFolders folders) {
		target.recordPlannedFolders(execution, folders);
	}

	abstract void run(Pool pool, DelegateExecution execution, ActionLog actions) throws Exception;

}
