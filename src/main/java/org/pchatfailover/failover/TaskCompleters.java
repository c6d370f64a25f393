package org.pchatfailover.failover;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/** Who completed a task: the authenticated user the engine wrote in its user operation log (REST or Tasklist). */
public final class TaskCompleters {

	private TaskCompleters() {
	}

	/** The user who completed the task, null when the log names none (completed by the engine itself). */
	public static String completedBy(HistoryService history, String taskId) {
		return history.createUserOperationLogQuery()
			.taskId(taskId)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.list()
			.stream()
			.map(UserOperationLogEntry::getUserId)
			.filter(user -> user != null)
			.findFirst()
			.orElse(null);
	}

}
