package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pchatfailover.report.ActionLog;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;

/**
 * A service step that acts on the failover's pool: resolves the pool from the process variables, runs the
 * step and stores what it did as {@code actionLog} for the report. Exceptions are left to the engine: the
 * job is retried, then becomes an incident.
 */
abstract class PoolStepDelegate implements JavaDelegate {

	private final Topology topology;

	PoolStepDelegate(Topology topology) {
		this.topology = topology;
	}

	@Override
	public final void execute(DelegateExecution execution) throws Exception {
		ActionLog actions = new ActionLog();
		run(topology.pool(FailoverVariables.poolFqdn(execution)), execution, actions);
		JsonVariables.storeActions(execution, actions);
	}

	abstract void run(Pool pool, DelegateExecution execution, ActionLog actions) throws Exception;

}
