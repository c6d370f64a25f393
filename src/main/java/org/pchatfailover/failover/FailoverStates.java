package org.pchatfailover.failover;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Reads the {@link FailoverState} of a failover from engine history, the one query the API and the report share.
 * History rather than runtime: it answers for running and finished failovers alike, on any engine node, with the
 * caller's READ_HISTORY grant (a ticketing account may not read tasks, yet must see the wait).
 */
@Component
public class FailoverStates {

	private final HistoryService history;

	public FailoverStates(HistoryService history) {
		this.history = history;
	}

	public FailoverState stateOf(HistoricProcessInstance instance) {
		if (instance.getEndTime() != null) {
			return endState(instance);
		}
		boolean waiting = history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityType("userTask")
			.unfinished()
			.count() > 0;
		return FailoverState.ofRunning(hasOpenIncident(instance), waiting);
	}

	/** As {@link #stateOf(HistoricProcessInstance)}, with the instance's activities the caller has read already. */
	public FailoverState stateOf(HistoricProcessInstance instance, List<HistoricActivityInstance> activities) {
		if (instance.getEndTime() != null) {
			return endState(instance);
		}
		boolean waiting = activities.stream()
			.anyMatch(a -> "userTask".equals(a.getActivityType()) && a.getEndTime() == null);
		return FailoverState.ofRunning(hasOpenIncident(instance), waiting);
	}

	private static FailoverState endState(HistoricProcessInstance instance) {
		boolean cancelled = HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState());
		return FailoverState.ofEnd(instance.getEndActivityId(), cancelled);
	}

	private boolean hasOpenIncident(HistoricProcessInstance instance) {
		return history.createHistoricIncidentQuery().processInstanceId(instance.getId()).open().count() > 0;
	}

}
