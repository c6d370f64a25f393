package org.pchatfailover.report;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.pchatfailover.failover.FailoverRegistry;
import org.pchatfailover.failover.FailoverStates;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.failover.RetryPolicy;
import org.pchatfailover.failover.StepRetry;
import org.pchatfailover.failover.TaskCompleters;
import org.pchatfailover.report.FailoverReport.DataLoss;
import org.pchatfailover.report.FailoverReport.Incident;
import org.pchatfailover.report.FailoverReport.Outcome;
import org.pchatfailover.report.FailoverReport.Retrying;
import org.pchatfailover.report.FailoverReport.Step;
import org.springframework.stereotype.Service;

/**
 * Builds {@link FailoverReport}s from engine history only (history level full): no table of our own, so any
 * engine node reports any failover, running or finished, also after a crash. Queries run as the caller, so the
 * engine's authorizations apply on top of the API's group check.
 */
@Service
public class FailoverReports {

	private final HistoryService history;

	private final FailoverRegistry registry;

	private final FailoverStates states;

	private final ManagementService management;

	private final RetryPolicy retryPolicy;

	FailoverReports(HistoryService history, FailoverRegistry registry, FailoverStates states,
			ManagementService management, RetryPolicy retryPolicy) {
		this.registry = registry;
		this.history = history;
		this.states = states;
		this.management = management;
		this.retryPolicy = retryPolicy;
	}

	/** The report of the failover with this process instance id; empty when there is no such failover. */
	public Optional<FailoverReport> find(String id) {
		return find(FailoverVariables.PROCESS_ID, id);
	}

	/** The report of the failover or failback ({@code processKey}) with this id; empty when there is none. */
	public Optional<FailoverReport> find(String processKey, String id) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(id)
			.processDefinitionKey(processKey)
			.singleResult();
		return Optional.ofNullable(instance).map(this::report);
	}

	private FailoverReport report(HistoricProcessInstance instance) {
		String id = instance.getId();
		List<HistoricVariableUpdate> updates = variableUpdates(id);
		List<HistoricActivityInstance> activities = activities(id);
		List<Step> timeline = ReportTimeline.of(activities, incidents(id), updates);
		Map<String, TypedValue> variables = variables(id);
		Instant now = Instant.now();
		Instant started = ReportTimeline.instant(instance.getStartTime());
		Instant ended = ReportTimeline.instant(instance.getEndTime());
		List<Incident> open = openIncidents(timeline);
		return new FailoverReport(id, text(variables, FailoverVariables.TICKET_ID),
				// the pool fixed at the start, not a variable a task could have changed
				registry.find(id).map(FailoverRegistry.Registration::poolFqdn)
					.orElse(text(variables, FailoverVariables.POOL_FQDN)),
				text(variables, FailoverVariables.REQUESTED_BY),
				startedBy(instance, variables), text(variables, FailoverVariables.REASON), states.stateOf(instance),
				started, ended, Duration.between(started, ended == null ? now : ended).toMillis(), timeline,
				ReportDecisions.of(finishedTasks(id), updates, this::completedBy), dataLoss(variables), open,
				instance.getEndTime() == null ? retrying(id, activities) : List.of(), now);
	}

	/** The API account that started it ({@code startedBy}); an admin's start over the engine REST API has none. */
	private static String startedBy(HistoricProcessInstance instance, Map<String, TypedValue> variables) {
		String startedBy = text(variables, FailoverVariables.STARTED_BY);
		return startedBy != null ? startedBy : instance.getStartUserId();
	}

	private List<HistoricActivityInstance> activities(String id) {
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(id)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list();
	}

	private List<HistoricIncident> incidents(String id) {
		return history.createHistoricIncidentQuery().processInstanceId(id).orderByCreateTime().asc().list();
	}

	private List<HistoricVariableUpdate> variableUpdates(String id) {
		List<HistoricDetail> details = history.createHistoricDetailQuery()
			.processInstanceId(id)
			.variableUpdates()
			.disableCustomObjectDeserialization()
			.orderPartiallyByOccurrence()
			.asc()
			.list();
		return details.stream().map(HistoricVariableUpdate.class::cast).toList();
	}

	/** The current value of each variable; JSON variables unparsed. */
	private Map<String, TypedValue> variables(String id) {
		Map<String, TypedValue> values = new HashMap<>();
		for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
			.processInstanceId(id)
			.disableCustomObjectDeserialization()
			.list()) {
			values.put(variable.getName(), variable.getTypedValue());
		}
		return values;
	}

	private List<HistoricTaskInstance> finishedTasks(String id) {
		return history.createHistoricTaskInstanceQuery()
			.processInstanceId(id)
			.finished()
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list();
	}

	/** The failed jobs waiting for their next attempt, with the step's name from the model as history has it. */
	private List<Retrying> retrying(String id, List<HistoricActivityInstance> activities) {
		return management.createJobQuery().processInstanceId(id).withException().withRetriesLeft().list().stream()
			.map(job -> retrying(job, activities))
			.filter(retrying -> retrying != null)
			.toList();
	}

	private Retrying retrying(Job job, List<HistoricActivityInstance> activities) {
		StepRetry retry = StepRetry.of(job, retryPolicy);
		if (retry == null) {
			return null;
		}
		// a failed asynchronous step leaves no activity instance: an earlier visit, if any, gives its name
		String name = activities.stream()
			.filter(a -> a.getActivityId().equals(job.getFailedActivityId()))
			.map(HistoricActivityInstance::getActivityName)
			.findFirst()
			.orElse(null);
		return new Retrying(job.getFailedActivityId(), name, retry.nextAttempt(), retry.attempts(),
				SecretScrubber.scrub(retry.lastError()), retry.nextAttemptAt());
	}

	/** Tasks completed over REST or in Tasklist carry the authenticated user in the user operation log. */
	private String completedBy(String taskId) {
		return TaskCompleters.completedBy(history, taskId);
	}

	private static DataLoss dataLoss(Map<String, TypedValue> variables) {
		JsonNode window = HistoryValues.tree(variables.get(FailoverVariables.FAILOVER_PLAN)).path("dataLoss");
		if (!window.isObject()) {
			return null;
		}
		return new DataLoss(SecretScrubber.scrub(text(variables, FailoverVariables.DATA_LOSS_STATEMENT)),
				instant(window.path("lastRecoverableAt")), instant(window.path("lostUntil")),
				SecretScrubber.scrub(window.path("description").asText(null)),
				text(variables, FailoverVariables.LOG_CHAIN_GAP), text(variables, FailoverVariables.LOG_CHAIN_DECISION));
	}

	private static String text(Map<String, TypedValue> variables, String name) {
		return HistoryValues.text(variables.get(name));
	}

	private static Instant instant(JsonNode node) {
		return node.isTextual() ? Instant.parse(node.asText()) : null;
	}

	private static List<Incident> openIncidents(List<Step> timeline) {
		return timeline.stream()
			.filter(step -> step.outcome() == Outcome.FAILED && step.endedAt() == null)
			.map(step -> new Incident(step.stepId(), step.startedAt(), step.message()))
			.toList();
	}

}
