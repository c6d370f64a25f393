package org.pchatfailover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.pchatfailover.LabDrill;
import org.pchatfailover.failback.FailbackVariables;
import org.pchatfailover.failover.FailoverVariables;

/**
 * A lab failover or failback driven by the engine as an operator with no hesitation would: started with the engine's
 * API (as FailoverStarter starts it, without the API's lock and answer around it), its job executor runs the steps,
 * each user task is completed as soon as it appears. Both processes' timings come from here, so a ratio of the two
 * compares the processes, not two ways of driving them.
 */
final class EngineRuns {

	/**
	 * With {@code -Dbench.poll=true}, the benchmark looks for the next user task or the end every 5 ms instead of
	 * waiting for the engine's next commit ({@link ProcessProgress}): how round one measured, kept to compare.
	 */
	static final boolean POLLING = Boolean.getBoolean("bench.poll");

	static final Duration POLL = Duration.ofMillis(5);

	static final Duration DEADLINE = Duration.ofMinutes(2);

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	private final ProcessProgress progress;

	EngineRuns(RuntimeService runtime, TaskService tasks, HistoryService history, ProcessProgress progress) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
		this.progress = progress;
	}

	/** A whole failover of the lab pool for this ticket, to its end; the instance id. */
	String failover(String ticketId) {
		String id = start(FailoverVariables.PROCESS_ID, ticketId, "benchmark: failover");
		complete(id, "ConfirmFailover", Map.of("failoverApproved", true, "confirmationComment", "benchmark",
				"primaryDatabaseDown", true, "primaryMirrorDown", true, "frontEndDown", true,
				"complianceOutputSecured", true));
		complete(id, "ConfirmActiveServers", Map.of());
		complete(id, "VerifyService", Map.of("serviceVerified", true, "verificationComment", "benchmark"));
		assertThat(awaitEnd(id).getEndActivityId()).as("failover %s ended", id).isEqualTo("FailoverCompleted");
		return id;
	}

	/** A whole failback of the lab pool for this ticket, to its end; the instance id. */
	String failback(String ticketId) {
		String id = start(FailbackVariables.PROCESS_ID, ticketId, "benchmark: failback");
		complete(id, "ConfirmFailback", Map.of(FailbackVariables.FAILBACK_APPROVED, true, "confirmationComment",
				"benchmark", FailbackVariables.PRIMARY_DATA_CENTER_RECOVERED, true,
				FailbackVariables.PRIMARY_DATABASES_REBUILT, true, FailbackVariables.NO_NEW_MIRROR_OR_BACKUP_SERVERS,
				true, FailbackVariables.SQL_AGENT_CAN_REACH_SHARES, true));
		complete(id, "ConfirmActiveServers", Map.of());
		complete(id, "VerifyService", Map.of("serviceVerified", true, "verificationComment", "benchmark"));
		assertThat(awaitEnd(id).getEndActivityId()).as("failback %s ended", id).isEqualTo("FailbackCompleted");
		return id;
	}

	private String start(String processKey, String ticketId, String reason) {
		return runtime.startProcessInstanceByKey(processKey, ticketId, Map.of(FailoverVariables.STARTED_BY, "bench",
				FailoverVariables.TICKET_ID, ticketId, FailoverVariables.POOL_FQDN, LabDrill.POOL,
				FailoverVariables.REASON, reason, FailoverVariables.REQUESTED_BY, "bench"))
			.getId();
	}

	/** How long the engine's history says one activity of the instance took, in milliseconds. */
	long activityMs(String processInstanceId, String activityId) {
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.singleResult()
			.getDurationInMillis();
	}

	/**
	 * Where an engine run's time went, from the engine's history: in service tasks (the steps' delegates, adapter
	 * calls included), in user tasks (created to completed: the benchmark's reaction), and between activities (a
	 * transaction's commit, the next job's acquisition or hand-over, a gateway).
	 */
	Map<String, Long> breakdown(String processInstanceId) {
		long serviceTasks = 0;
		long userTasks = 0;
		long between = 0;
		Date previousEnd = null;
		for (HistoricActivityInstance activity : activities(processInstanceId)) {
			long ms = activity.getDurationInMillis() == null ? 0 : activity.getDurationInMillis();
			if ("serviceTask".equals(activity.getActivityType())) {
				serviceTasks += ms;
			}
			else if ("userTask".equals(activity.getActivityType())) {
				userTasks += ms;
			}
			if (previousEnd != null) {
				between += activity.getStartTime().getTime() - previousEnd.getTime();
			}
			previousEnd = activity.getEndTime();
		}
		Map<String, Long> breakdown = new LinkedHashMap<>();
		breakdown.put("serviceTasksMs", serviceTasks);
		breakdown.put("userTasksMs", userTasks);
		breakdown.put("betweenActivitiesMs", between);
		return breakdown;
	}

	private List<HistoricActivityInstance> activities(String processInstanceId) {
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list();
	}

	/** "activityId": "ms (+ms waited before it)", in the order the engine ran them. */
	Map<String, Object> steps(String processInstanceId) {
		Map<String, Object> steps = new LinkedHashMap<>();
		Date previousEnd = null;
		for (HistoricActivityInstance activity : activities(processInstanceId)) {
			long waited = previousEnd == null ? 0 : activity.getStartTime().getTime() - previousEnd.getTime();
			steps.put(activity.getActivityId(), activity.getDurationInMillis() + " ms (+" + waited + " ms before)");
			previousEnd = activity.getEndTime();
		}
		return steps;
	}

	private void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
		Instant deadline = Instant.now().plus(DEADLINE);
		while (true) {
			long seen = progress.commits();
			Task task = tasks.createTaskQuery()
				.processInstanceId(processInstanceId)
				.taskDefinitionKey(taskKey)
				.singleResult();
			if (task != null) {
				tasks.complete(task.getId(), variables);
				return;
			}
			failIfEnded(processInstanceId, taskKey);
			pause(seen, deadline, processInstanceId + " never reached " + taskKey);
		}
	}

	private HistoricProcessInstance awaitEnd(String processInstanceId) {
		Instant deadline = Instant.now().plus(DEADLINE);
		while (true) {
			long seen = progress.commits();
			HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
				.processInstanceId(processInstanceId)
				.singleResult();
			if (instance.getEndTime() != null) {
				return instance;
			}
			failIfIncident(processInstanceId, "its end");
			pause(seen, deadline, processInstanceId + " did not end");
		}
	}

	private void failIfEnded(String processInstanceId, String waitingFor) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		if (instance != null && instance.getEndTime() != null) {
			throw new AssertionError(processInstanceId + " ended at " + instance.getEndActivityId()
					+ " before reaching " + waitingFor);
		}
		failIfIncident(processInstanceId, waitingFor);
	}

	private void failIfIncident(String processInstanceId, String waitingFor) {
		history.createHistoricIncidentQuery().processInstanceId(processInstanceId).open().list().stream()
			.findFirst()
			.ifPresent(incident -> {
				throw new AssertionError(processInstanceId + " has an incident at " + incident.getActivityId()
						+ " while waiting for " + waitingFor + ": " + incident.getIncidentMessage());
			});
	}

	/** Until the engine commits again (or, polling, 5 ms). */
	private void pause(long seenCommits, Instant deadline, String timeoutMessage) {
		if (Instant.now().isAfter(deadline)) {
			throw new AssertionError(timeoutMessage);
		}
		try {
			if (POLLING) {
				Thread.sleep(POLL.toMillis());
			}
			else {
				progress.awaitAfter(seenCommits);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
