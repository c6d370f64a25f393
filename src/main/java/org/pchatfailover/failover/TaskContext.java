package org.pchatfailover.failover;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.HistoricActivityInstanceQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Every user task of both processes, when it is created: what its form shows besides its fields, as task-local
 * variables (display only; the forms have no field with these keys, so no one submits them): where the failover is
 * ({@link FailoverProgress}), the link to the live report, and for a task that came back its round and why
 * ({@link TaskRounds}, which also clears the previous round's answers).
 */
@Component("taskContext")
public class TaskContext implements TaskListener {

	public static final String PROGRESS_DONE = "progressDone";

	public static final String PROGRESS_STEP = "progressStep";

	public static final String PROGRESS_NEXT = "progressNext";

	public static final String PROGRESS_POINT_OF_NO_RETURN = "progressPointOfNoReturn";

	public static final String REPORT_LINK = "reportLink";

	public static final String ACTIVE_SERVERS_SET = "activeServersSet";

	public static final String TASK_ROUND = "taskRound";

	public static final String ROUND_REASON = "roundReason";

	/** How the forms join a list of steps (English-neutral: the i18n filter translates the step names, not this). */
	static final String STEP_SEPARATOR = " → ";

	@Override
	public void notify(DelegateTask task) {
		ExecutionEntity execution = (ExecutionEntity) task.getExecution();
		String processKey = execution.getProcessDefinition().getKey();
		String step = task.getTaskDefinitionKey();
		Map<String, Integer> visits = visits(execution.getProcessInstanceId(), execution.getActivityInstanceId());
		int round = visits.getOrDefault(step, 0) + 1;
		task.setVariableLocal(TASK_ROUND, round);
		if (round > 1) {
			task.setVariableLocal(ROUND_REASON, TaskRounds.reason(step, execution));
			TaskRounds.clearAnswers(step, execution);
		}
		FailoverProgress progress = FailoverProgress.of(processKey, visits.keySet(), step, id -> name(task, id));
		task.setVariableLocal(PROGRESS_DONE, String.join(STEP_SEPARATOR, progress.done()));
		task.setVariableLocal(PROGRESS_STEP, progress.current());
		task.setVariableLocal(PROGRESS_NEXT, String.join(STEP_SEPARATOR, progress.next()));
		if (progress.pointOfNoReturn() != null) {
			task.setVariableLocal(PROGRESS_POINT_OF_NO_RETURN, progress.pointOfNoReturn());
		}
		task.setVariableLocal(REPORT_LINK, reportLink(processKey, execution.getProcessInstanceId()));
		if ("VerifyService".equals(step)) {
			// the list as the operator chose it, also when the database's evidence could not be read
			task.setVariableLocal(ACTIVE_SERVERS_SET, String.join(", ", FailoverVariables.activeServers(execution)));
		}
	}

	/** The report's path, relative to the app, as the API's links give it (ReportController). */
	static String reportLink(String processKey, String processInstanceId) {
		String api = FailoverVariables.PROCESS_ID.equals(processKey) ? "/api/failovers/" : "/api/failbacks/";
		return api + processInstanceId + "/report";
	}

	/**
	 * How often each activity was entered before this task: the engine's history, plus what this transaction has
	 * not written yet (the job that ran SetActiveServers also creates VerifyService, and a query reads the database
	 * only). Read without the acting operator's authorizations: the form's progress is not theirs to be denied.
	 */
	private static Map<String, Integer> visits(String processInstanceId, String ownActivityInstanceId) {
		CommandContext context = Context.getCommandContext();
		Map<String, String> activityByInstance = new HashMap<>();
		for (HistoricActivityInstance stored : context.runWithoutAuthorization(
				() -> new HistoricActivityInstanceQueryImpl().processInstanceId(processInstanceId).executeList(context, null))) {
			activityByInstance.put(stored.getId(), stored.getActivityId());
		}
		for (HistoricActivityInstanceEventEntity pending : context.getDbEntityManager()
			.getCachedEntitiesByType(HistoricActivityInstanceEventEntity.class)) {
			if (processInstanceId.equals(pending.getProcessInstanceId())) {
				activityByInstance.put(pending.getId(), pending.getActivityId());
			}
		}
		activityByInstance.remove(ownActivityInstanceId);
		Map<String, Integer> visits = new HashMap<>();
		activityByInstance.values().forEach(id -> visits.merge(id, 1, Integer::sum));
		return visits;
	}

	private static String name(DelegateTask task, String activityId) {
		FlowElement element = task.getExecution().getBpmnModelInstance().getModelElementById(activityId);
		return element == null || element.getName() == null ? activityId : element.getName();
	}

}
