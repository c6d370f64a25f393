package org.pchatfailover.ticketing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.pchatfailover.failback.FailbackVariables;
import org.pchatfailover.failover.FailoverRegistry;
import org.pchatfailover.failover.FailoverState;
import org.pchatfailover.failover.FailoverStates;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.failover.RetryPolicy;
import org.pchatfailover.failover.StepRetry;
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

	private final RetryPolicy retryPolicy;

	// job definition id -> activity id: a job definition never changes once deployed, so each is read once per node
	private final Map<String, String> jobActivities = new ConcurrentHashMap<>();

	FailoverViews(HistoryService history, RuntimeService runtime, TaskService tasks, ManagementService management,
			FailoverRegistry registry, FailoverStates states, RetryPolicy retryPolicy) {
		this.retryPolicy = retryPolicy;
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
		return instance(processKey, id).map(instance -> view(instance, poolFqdn(id)));
	}

	/** A process whose pool the caller knows from its registration: one read of the registry less. */
	Optional<FailoverView> findRegistered(String processKey, String id, String poolFqdn) {
		return instance(processKey, id).map(instance -> view(instance, poolFqdn));
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
			.map(instance -> view(instance, poolFqdn(instance.getId())));
	}

	/**
	 * Failovers or failbacks the caller may read, newest first. The state is the API's rule over runtime and history,
	 * so a state filter reads the processes of the pool (or all) and pages what matches.
	 *
	 * @param processKey {@code persistentChatFailover} or {@code persistentChatFailback}
	 */
	List<FailoverView> list(String processKey, ListQuery filter) {
		FailoverState state = filter.state();
		String poolFqdn = filter.poolFqdn();
		int page = filter.page();
		int size = filter.size();
		HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(processKey);
		if (poolFqdn != null) {
			List<String> ofPool = registry.forPool(poolFqdn)
				.stream()
				.map(FailoverRegistry.Registration::processInstanceId)
				.toList();
			if (ofPool.isEmpty()) {
				return List.of();
			}
			query.processInstanceIds(Set.copyOf(ofPool));
		}
		query.orderByProcessInstanceStartTime().desc();
		List<HistoricProcessInstance> instances = state == null ? query.listPage(page * size, size)
				: query.list()
					.stream()
					.filter(instance -> states.stateOf(instance) == state)
					.skip((long) page * size)
					.limit(size)
					.toList();
		return instances.stream().map(instance -> view(instance, poolFqdn(instance.getId()))).toList();
	}

	/**
	 * The failover a start made, read in the start's transaction (its own uncommitted rows, on the start's
	 * connection). No job of it can have run yet, since its first job commits with the start: so it has no incident,
	 * and an open user task only if the model reaches one without a job; those two queries are left out.
	 */
	FailoverView justStarted(String processKey, String id, String ticketId, String poolFqdn) {
		HistoricProcessInstance instance = instance(processKey, id)
			.orElseThrow(() -> new IllegalStateException("failover " + id + " not in history after its start"));
		List<HistoricActivityInstance> activities = activitiesOf(id);
		boolean waiting = activities.stream().anyMatch(a -> a.getEndTime() == null && "userTask".equals(a.getActivityType()));
		List<Task> open = waiting ? tasks.createTaskQuery().processInstanceId(id).list() : List.of();
		return new FailoverView(id, ticketId, poolFqdn, FailoverState.ofRunning(false, waiting),
				instance.getStartTime().toInstant(), null, currentSteps(id, activities, open), pastSteps(activities),
				List.of(), FailoverLinks.of(apiPath(processKey), id, open, false));
	}

	private Optional<HistoricProcessInstance> instance(String processKey, String id) {
		return Optional.ofNullable(history.createHistoricProcessInstanceQuery()
			.processInstanceId(id)
			.processDefinitionKey(processKey)
			.singleResult());
	}

	/** Where the API serves a process of this kind. */
	static String apiPath(String processKey) {
		return FailbackVariables.PROCESS_ID.equals(processKey) ? "/api/failbacks" : "/api/failovers";
	}

	private FailoverView view(HistoricProcessInstance instance, String poolFqdn) {
		List<HistoricActivityInstance> activities = activitiesOf(instance.getId());
		List<OpenIncident> incidents = runtime.createIncidentQuery()
			.processInstanceId(instance.getId())
			.list()
			.stream()
			.map(i -> new OpenIncident(i.getActivityId(), i.getIncidentMessage(), i.getIncidentTimestamp().toInstant()))
			.toList();
		// a task can be open only where a user task's activity is
		boolean atUserTask = activities.stream()
			.anyMatch(a -> a.getEndTime() == null && "userTask".equals(a.getActivityType()));
		List<Task> open = atUserTask ? tasks.createTaskQuery().processInstanceId(instance.getId()).list() : List.of();
		return new FailoverView(instance.getId(), instance.getBusinessKey(), poolFqdn,
				states.stateOf(instance, activities), instance.getStartTime().toInstant(),
				instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
				currentSteps(instance.getId(), activities, open), pastSteps(activities), incidents,
				FailoverLinks.of(apiPath(instance.getProcessDefinitionKey()), instance.getId(), open,
					instance.getEndTime() != null));
	}

	private List<HistoricActivityInstance> activitiesOf(String processInstanceId) {
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list();
	}

	private List<CurrentStep> currentSteps(String processInstanceId, List<HistoricActivityInstance> activities,
			List<Task> open) {
		List<CurrentStep> current = new ArrayList<>(activities.stream()
			.filter(a -> a.getEndTime() == null && STEP_TYPES.contains(a.getActivityType()))
			.map(a -> new CurrentStep(a.getActivityId(), a.getActivityName(), a.getStartTime().toInstant(),
					open.stream().filter(t -> t.getTaskDefinitionKey().equals(a.getActivityId())).map(Task::getId)
						.findFirst().orElse(null)))
			.toList());
		// an asynchronous step that waits for the job executor (or for a retry) has no activity instance yet
		management.createJobQuery().processInstanceId(processInstanceId).list().stream()
			.filter(job -> job.getProcessDefinitionKey() != null && job.getJobDefinitionId() != null)
			.map(job -> new CurrentStep(activityOf(job), null, job.getCreateTime().toInstant(), null, retryOf(job)))
			.filter(step -> step.step() != null && current.stream().noneMatch(c -> c.step().equals(step.step())))
			.forEach(current::add);
		return current;
	}

	private static List<PastStep> pastSteps(List<HistoricActivityInstance> activities) {
		return activities.stream()
			.filter(a -> a.getEndTime() != null && STEP_TYPES.contains(a.getActivityType()))
			.map(a -> new PastStep(a.getActivityId(), a.getActivityName(), a.getStartTime().toInstant(),
					a.getEndTime().toInstant(), a.getDurationInMillis() == null ? 0 : a.getDurationInMillis(),
					a.isCanceled() ? "canceled" : "completed"))
			.toList();
	}

	/** A failed job with retries left waits for its next attempt ({@link StepRetry}, as the report says it). */
	private FailoverView.Retry retryOf(Job job) {
		StepRetry retry = StepRetry.of(job, retryPolicy);
		return retry == null ? null
				: new FailoverView.Retry(retry.nextAttempt(), retry.attempts(), retry.lastError(), retry.nextAttemptAt());
	}

	private String activityOf(Job job) {
		String known = jobActivities.get(job.getJobDefinitionId());
		if (known != null) {
			return known;
		}
		JobDefinition definition = management.createJobDefinitionQuery()
			.jobDefinitionId(job.getJobDefinitionId())
			.singleResult();
		if (definition == null || definition.getActivityId() == null) {
			return null;
		}
		jobActivities.put(job.getJobDefinitionId(), definition.getActivityId());
		return definition.getActivityId();
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

		/**
		 * A finished failover has no task and Cockpit Community lists running instances only, so its Tasklist and
		 * Cockpit links lead to its report, the record of what was done.
		 */
		static Map<String, String> of(String apiPath, String id, List<Task> open, boolean finished) {
			Map<String, String> links = new LinkedHashMap<>();
			String report = apiPath + "/" + id + "/report";
			links.put("self", apiPath + "/" + id);
			links.put("report", report);
			if (finished) {
				links.put("tasklist", report);
				links.put("cockpit", report);
				return links;
			}
			links.put("tasklist", open.isEmpty() ? "/camunda/app/tasklist/default/"
					: "/camunda/app/tasklist/default/#/?task=" + open.get(0).getId());
			links.put("cockpit", "/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime");
			return links;
		}

	}

}
