package org.pchatfailover.failover;

import org.camunda.bpm.engine.HistoryService;
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
			boolean cancelled = HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState());
			return FailoverState.ofEnd(instance.getEndActivityId(), cancelled);
		}
		String id = instance.getId();
		boolean openIncident = history.createHistoricIncidentQuery().processInstanceId(id).open().count() > 0;
		boolean waiting = history.createHistoricActivityInstanceQuery()
			.processInstanceId(id)
			.activityType("userTask")
			.unfinished()
			.count() > 0;
		return FailoverState.ofRunning(openIncident, waiting);
	}

}
