package org.pchatfailover.ticketing;

import java.util.Set;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.pchatfailover.failover.FailoverState;

/**
 * Schedules the INCIDENT callback when a step of a failover has used up its retries. It runs beside the
 * engine's own failed-job incident handler (which creates the incident), in the transaction that creates the
 * incident. Incidents without an execution (a callback job that failed for good) call nobody back.
 */
class CallbackIncidentHandler implements IncidentHandler {

	private final CallbackScheduler callbacks;

	private final Set<String> processKeys;

	CallbackIncidentHandler(CallbackScheduler callbacks, Set<String> processKeys) {
		this.callbacks = callbacks;
		this.processKeys = processKeys;
	}

	@Override
	public String getIncidentHandlerType() {
		return Incident.FAILED_JOB_HANDLER_TYPE;
	}

	@Override
	public Incident handleIncident(IncidentContext context, String message) {
		if (context.getExecutionId() == null) {
			return null;
		}
		ExecutionEntity execution = Context.getCommandContext()
			.getExecutionManager()
			.findExecutionById(context.getExecutionId());
		if (execution != null && processKeys.contains(execution.getProcessDefinition().getKey())) {
			callbacks.schedule(execution, FailoverState.INCIDENT, context.getActivityId());
		}
		return null;
	}

	@Override
	public void resolveIncident(IncidentContext context) {
		// the failover goes on; its next milestone calls back
	}

	@Override
	public void deleteIncident(IncidentContext context) {
		// as for resolveIncident
	}

}
