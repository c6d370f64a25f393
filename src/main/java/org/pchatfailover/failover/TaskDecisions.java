package org.pchatfailover.failover;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Server-side checks of what an operator submits, shared by the completion listeners. A failed check keeps the
 * task open and tells the operator what is missing (the REST API answers 400).
 */
public final class TaskDecisions {

	private TaskDecisions() {
	}

	/**
	 * The process scope of the task, once no decision variable is hidden in the task's own scope: the gateways
	 * after a task read the process variables, so a task-local copy would let one value pass this check while
	 * another one routes the failover.
	 */
	public static VariableScope processScope(DelegateTask task, String... decisions) {
		for (String name : decisions) {
			if (task.hasVariableLocal(name)) {
				throw rejected(task, "'" + name + "' must be set on the process, not as a task-local variable");
			}
		}
		return task.getExecution();
	}

	/** Reads a yes/no answer (a Camunda Forms radio sends "true"/"false") and stores it as a Boolean. */
	public static boolean requireYesNo(DelegateTask task, String name, String question) {
		Object value = processScope(task, name).getVariable(name);
		Boolean answer = null;
		if (value instanceof Boolean b) {
			answer = b;
		}
		else if (value instanceof String text && text.strip().matches("(?i)true|false")) {
			answer = Boolean.parseBoolean(text.strip());
		}
		if (answer == null) {
			throw rejected(task, question + " ('" + name + "' must be true or false)");
		}
		task.getExecution().setVariable(name, answer);
		return answer;
	}

	public static String requireText(DelegateTask task, String name, String what) {
		Object value = processScope(task, name).getVariable(name);
		if (!(value instanceof String text) || text.isBlank()) {
			throw rejected(task, what + " ('" + name + "') is required");
		}
		return text.strip();
	}

	public static BadUserRequestException rejected(DelegateTask task, String reason) {
		return new BadUserRequestException(task.getTaskDefinitionKey() + " cannot be completed: " + reason);
	}

}
