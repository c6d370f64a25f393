package org.pchatfailover.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.report.FailoverReport.Outcome;
import org.pchatfailover.report.FailoverReport.Step;

/**
 * The steps of one failover in the order they happened, from its historic activity instances, with the
 * action log each step stored, and its failures from historic incidents: an asynchronous step whose job fails
 * rolls its activity instance back, so the incident is the only trace of the failed attempt.
 */
final class ReportTimeline {

	private ReportTimeline() {
	}

	/**
	 * @param activities in order of occurrence
	 * @param updates every variable update of the failover; an update belongs to the activity instance that
	 * wrote it
	 */
	static List<Step> of(List<HistoricActivityInstance> activities, List<HistoricIncident> incidents,
			List<HistoricVariableUpdate> updates) {
		Map<String, HistoricVariableUpdate> actionLogs = lastActionLogByActivityInstance(updates);
		Map<String, String> names = new HashMap<>();
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < activities.size(); i++) {
			HistoricActivityInstance activity = activities.get(i);
			names.put(activity.getActivityId(), activity.getActivityName());
			if (!activity.getActivityType().endsWith("Gateway")) {
				// only a service step writes what it ran; an actionLog anywhere else was not written by a step
				HistoricVariableUpdate actionLog = "serviceTask".equals(activity.getActivityType())
						? actionLogs.get(activity.getId()) : null;
				HistoricActivityInstance next = i + 1 < activities.size() ? activities.get(i + 1) : null;
				steps.add(step(activity, next,
						actionLog == null ? List.of() : HistoryValues.actions(actionLog.getTypedValue())));
			}
		}
		for (HistoricIncident incident : incidents) {
			steps.add(failure(incident, names.getOrDefault(incident.getActivityId(), incident.getActivityId())));
		}
		// stable: activities keep their order of occurrence when they start in the same millisecond
		steps.sort(Comparator.comparing(Step::startedAt));
		return steps;
	}

	private static Map<String, HistoricVariableUpdate> lastActionLogByActivityInstance(
			List<HistoricVariableUpdate> updates) {
		Map<String, HistoricVariableUpdate> last = new HashMap<>();
		for (HistoricVariableUpdate update : updates) {
			if (FailoverVariables.ACTION_LOG.equals(update.getVariableName()) && update.getActivityInstanceId() != null) {
				last.put(update.getActivityInstanceId(), update);
			}
		}
		return last;
	}

	/**
	 * A step interrupted by a business outcome (ApplyLogBackups by "log chain broken") is canceled in history
	 * and followed by the boundary event that caught it; the report names the outcome instead of "canceled".
	 */
	private static Step step(HistoricActivityInstance activity, HistoricActivityInstance next,
			List<ActionLog.Action> actions) {
		boolean interrupted = activity.isCanceled() && next != null && next.getActivityType().startsWith("boundary");
		return new Step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
				instant(activity.getStartTime()), instant(activity.getEndTime()), activity.getDurationInMillis(),
				interrupted ? Outcome.INTERRUPTED : outcome(activity), interrupted ? next.getActivityName() : null,
				actions);
	}

	private static Outcome outcome(HistoricActivityInstance activity) {
		if (activity.isCanceled()) {
			return Outcome.CANCELED;
		}
		if (activity.getEndTime() != null) {
			return Outcome.COMPLETED;
		}
		return "userTask".equals(activity.getActivityType()) ? Outcome.WAITING : Outcome.RUNNING;
	}

	private static Step failure(HistoricIncident incident, String name) {
		Instant created = instant(incident.getCreateTime());
		Instant ended = instant(incident.getEndTime());
		Long duration = ended == null ? null : Duration.between(created, ended).toMillis();
		return new Step(incident.getActivityId(), name, incident.getIncidentType(), created, ended, duration,
				Outcome.FAILED, SecretScrubber.scrub(incident.getIncidentMessage()), List.of());
	}

	static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
