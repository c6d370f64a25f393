package org.pchatfailover.failover;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * CountersignFailover and CountersignDataLoss: four eyes. The countersigning operator must be logged in and must not
 * be the one who completed the decision countersigned (read from the engine's history, as the report reads who
 * decided), else the completion is refused with a 400 saying so.
 */
@Component("countersignCompletion")
class CountersignCompletion implements TaskListener {

	/** Per countersign task: the decision it countersigns and the variable of its answer. */
	private static final Map<String, String[]> COUNTERSIGNS = Map.of("CountersignFailover",
			new String[] { "ConfirmFailover", FailoverVariables.FAILOVER_COUNTERSIGNED }, "CountersignDataLoss",
			new String[] { "DecideBrokenLogChain", FailoverVariables.DATA_LOSS_COUNTERSIGNED });

	@Override
	public void notify(DelegateTask task) {
		String[] countersign = COUNTERSIGNS.get(task.getTaskDefinitionKey());
		if (countersign == null) {
			throw new IllegalStateException("countersignCompletion on unknown task " + task.getTaskDefinitionKey());
		}
		String answer = countersign[1];
		ProcessEngineServices engine = task.getProcessEngineServices();
		Authentication current = engine.getIdentityService().getCurrentAuthentication();
		String second = current == null ? null : current.getUserId();
		if (second == null) {
			throw TaskDecisions.rejected(task, answer, FormLabels.of(answer)
					+ ": a countersignature needs a logged-in operator; complete the task in Tasklist or over the "
					+ "engine REST API with your own account");
		}
		String first = decidedBy(engine, task.getProcessInstanceId(), countersign[0]);
		if (first == null || first.equals(second)) {
			throw TaskDecisions.rejected(task, answer, FormLabels.of(answer) + ": four eyes: " + second
					+ (first == null ? " cannot be checked against the operator who completed " + countersign[0]
							: " completed " + countersign[0] + " and cannot countersign it")
					+ "; another operator of pchat-operators must countersign");
		}
		TaskDecisions.requireYesNo(task, answer, "countersign or send it back");
		TaskDecisions.requireText(task, FailoverVariables.COUNTERSIGN_COMMENT, "what you checked as the second operator");
	}

	/** Who completed the last visit of the decision task, per the user operation log (null when unknown). */
	private static String decidedBy(ProcessEngineServices engine, String processInstanceId, String decisionTask) {
		HistoricTaskInstance decision = engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(decisionTask)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
		if (decision == null) {
			return null;
		}
		return TaskCompleters.completedBy(engine.getHistoryService(), decision.getId());
	}

}
