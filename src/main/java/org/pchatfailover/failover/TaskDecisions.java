package org.pchatfailover.failover;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Server-side checks of what an operator submits, shared by the completion listeners. A failed check keeps the
 * task open and tells the operator what is missing (the REST API answers 400).
 */
final class TaskDecisions {

	private TaskDecisions() {
	}

	/** Reads a yes/no answer (a Camunda Forms radio sends "true"/"false") and stores it as a Boolean. */
	static boolean requireYesNo(DelegateTask task, String name, String question) {
		Object value = task.getVariable(name);
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
		task.setVariable(name, answer);
		return answer;
	}

	static String requireText(DelegateTask task, String name, String what) {
		Object value = task.getVariable(name);
		if (!(value instanceof String text) || text.isBlank()) {
			throw rejected(task, what + " ('" + name + "') is required");
		}
		return text.strip();
	}

	static BadUserRequestException rejected(DelegateTask task, String reason) {
		return new BadUserRequestException(task.getTaskDefinitionKey() + " cannot be completed: " + reason);
	}

}
