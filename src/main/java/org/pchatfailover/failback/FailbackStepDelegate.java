package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.failover.JsonVariables;
import org.pchatfailover.topology.Pool;

/**
 * A service step of the failback: resolves the pool from the failback's registration, runs the step and stores what
 * it did as {@code actionLog} for the report. Exceptions are left to the engine: retried, then an incident.
 */
abstract class FailbackStepDelegate implements JavaDelegate {

	private final FailbackTarget target;

	FailbackStepDelegate(FailbackTarget target) {
		this.target = target;
	}

	@Override
	public final void execute(DelegateExecution execution) throws Exception {
		ActionLog actions = new ActionLog();
		try {
			run(target.pool(execution), execution, actions);
		}
		catch (BpmnError outcome) {
			// a business outcome commits with the step: what it did belongs in the report
			JsonVariables.storeActions(execution, actions);
			throw outcome;
		}
		JsonVariables.storeActions(execution, actions);
	}

	FailbackTarget target() {
		return target;
	}

	abstract void run(Pool pool, DelegateExecution execution, ActionLog actions) throws Exception;

}
