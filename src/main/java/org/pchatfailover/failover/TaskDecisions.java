package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.pchatfailover.security.TaskRefusedException;

/**
 * Server-side checks of what an operator submits, shared by the completion listeners. A failed check keeps the
 * task open and tells the operator, with the form's label, what is missing (the REST API answers 400).
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
				throw rejected(task, name, FormLabels.of(name) + " must be set on the process, not as a task-local variable");
			}
		}
		requireStorableTexts(task, task.getVariablesLocalTyped(false));
		requireStorableTexts(task, task.getExecution().getVariablesTyped(false));
		return task.getExecution();
	}

	/**
	 * A String variable longer than Camunda's TEXT_ column would fail the completion at its commit with a database
	 * error nobody can read; refused here instead, naming the variable (a comment pasted from a long mail, a list typed by
	 * hand).
	 */
	private static void requireStorableTexts(DelegateTask task, VariableMap variables) {
		// by name, not Map.forEach: its entries' getValue() deserializes object variables read without deserializing
		for (String name : variables.keySet()) {
			if (variables.getValueTyped(name) instanceof StringValue text && text.getValue() != null
					&& text.getValue().length() > TextVariables.MAX_LENGTH) {
				throw rejected(task, name, FormLabels.of(name) + " is " + text.getValue().length()
						+ " characters long, at most " + TextVariables.MAX_LENGTH + " can be stored: shorten it");
			}
		}
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
			throw rejected(task, name, FormLabels.of(name) + ": " + question + " (true or false)");
		}
		task.getExecution().setVariable(name, answer);
		return answer;
	}

	public static String requireText(DelegateTask task, String name, String what) {
		Object value = processScope(task, name).getVariable(name);
		if (!(value instanceof String text) || text.isBlank()) {
			throw rejected(task, name, FormLabels.of(name) + " is required: write " + what);
		}
		return text.strip();
	}

	/** A refusal naming the form field as the operator sees it and what to do about it. */
	public static TaskRefusedException rejected(DelegateTask task, String field, String reason) {
		return new TaskRefusedException(task.getTaskDefinitionKey(), field, reason);
	}

}
