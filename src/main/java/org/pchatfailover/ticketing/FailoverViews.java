package org.pchatfailover.ticketing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.pchatfailover.failback.FailbackVariables;
import org.pchatfailover.failover.FailoverRegistry;
import org.pchatfailover.failover.FailoverStates;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.ticketing.FailoverView.CurrentStep;
import org.pchatfailover.ticketing.FailoverView.OpenIncident;
import org.pchatfailover.ticketing.FailoverView.PastStep;
import org.springframework.stereotype.Component;

/** Reads a failover from the engine (runtime and history), with the caller's engine authorizations. */
@Component
class FailoverViews {

	// activity types that are steps of the runbook; gateways and the start event are not
	private static final Set<String> STEP_TYPES = Set.of("serviceTask", "userTask", "noneEndEvent");

	private final HistoryService history;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final FailoverRegistry registry;

	private final FailoverStates states;

	FailoverViews(HistoryService history, RuntimeService runtime, TaskService tasks, ManagementService management,
			FailoverRegistry registry, FailoverStates states) {
		this.registry = registry;
		this.states = states;
		this.history = history;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
	}

	Optional<FailoverView> find(String id) {
		return find(FailoverVariables.PROCESS_ID, id);
	}

	/** @param processKey {@code persistentChatFailover} or {@code persistentChatFailback} */
	Optional<FailoverView> find(String processKey, String id) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(id)
			.processDefinitionKey(processKey)
			.singleResult();
		return Optional.ofNullable(instance).map(this::view);
	}

	Optional<FailoverView> findByTicket(String ticketId) {
		return findByTicket(FailoverVariables.PROCESS_ID, ticketId);
	}

	Optional<FailoverView> findByTicket(String processKey, String ticketId) {
		return history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(ticketId)
			.processDefinitionKey(processKey)
			.orderByProcessInstanceStartTime()
			.desc()
			.list()
			.stream()
			.findFirst()
			.map(this::view);
	}

	private FailoverView view(HistoricProcessInstance instance) {
		List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list();
		List<OpenIncident> incidents = runtime.createIncidentQuery()
			.processInstanceId(instance.getId())
			.list()
			.stream()
			.map(i -> new OpenIncident(i.getActivityId(), i.getIncidentMessage(), i.getIncidentTimestamp().toInstant()))
			.toList();
		List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
		List<CurrentStep> current = new ArrayList<>(activities.stream()
			.filter(a -> a.getEndTime() == null && STEP_TYPES.contains(a.getActivityType()))
			.map(a -> new CurrentStep(a.getActivityId(), a.getActivityName(), a.getStartTime().toInstant(),
					open.stream().filter(t -> t.getTaskDefinitionKey().equals(a.getActivityId())).map(Task::getId)
						.findFirst().orElse(null)))
			.toList());
		// an asynchronous step that waits for the job executor (or for a retry) has no activity instance yet
		management.createJobQuery().processInstanceId(instance.getId()).list().stream()
			.filter(job -> job.getProcessDefinitionKey() != null && job.getJobDefinitionId() != null)
			.map(job -> new CurrentStep(activityOf(job), null, job.getCreateTime().toInstant(), null))
			.filter(step -> step.step() != null && current.stream().noneMatch(c -> c.step().equals(step.step())))
			.forEach(current::add);
		List<PastStep> past = activities.stream()
			.filter(a -> a.getEndTime() != null && STEP_TYPES.contains(a.getActivityType()))
			.map(a -> new PastStep(a.getActivityId(), a.getActivityName(), a.getStartTime().toInstant(),
					a.getEndTime().toInstant(), a.getDurationInMillis() == null ? 0 : a.getDurationInMillis(),
					a.isCanceled() ? "canceled" : "completed"))
			.toList();
		return new FailoverView(instance.getId(), instance.getBusinessKey(), poolFqdn(instance.getId()),
				states.stateOf(instance), instance.getStartTime().toInstant(),
				instance.getEndTime() == null ? null : instance.getEndTime().toInstant(), current, past, incidents,
				FailoverLinks.of(apiPath(instance.getProcessDefinitionKey()), instance.getId(), open));
	}

	/** Where the API serves a process of this kind. */
	static String apiPath(String processKey) {
		return FailbackVariables.PROCESS_ID.equals(processKey) ? "/api/failbacks" : "/api/failovers";
	}

	private String activityOf(Job job) {
		JobDefinition definition = management.createJobDefinitionQuery()
			.jobDefinitionId(job.getJobDefinitionId())
			.singleResult();
		return definition == null ? null : definition.getActivityId();
	}

	private String poolFqdn(String processInstanceId) {
		// the pool fixed at the start; the variable only for a failover started before registrations existed
		Optional<String> registered = registry.find(processInstanceId).map(FailoverRegistry.Registration::poolFqdn);
		if (registered.isPresent()) {
			return registered.get();
		}
		HistoricVariableInstance pool = history.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.variableName(FailoverVariables.POOL_FQDN)
			.singleResult();
		return pool == null ? null : (String) pool.getValue();
	}

	/** Where a person follows the failover: this API, the report, Tasklist and Cockpit. */
	static final class FailoverLinks {

		private FailoverLinks() {
		}

		static Map<String, String> of(String apiPath, String id, List<Task> open) {
			Map<String, String> links = new LinkedHashMap<>();
			links.put("self", apiPath + "/" + id);
			links.put("report", apiPath + "/" + id + "/report");
			links.put("tasklist", open.isEmpty() ? "/camunda/app/tasklist/default/"
					: "/camunda/app/tasklist/default/#/?task=" + open.get(0).getId());
			links.put("cockpit", "/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime");
			return links;
		}

	}

}
