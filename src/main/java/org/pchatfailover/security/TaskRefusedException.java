package org.pchatfailover.security;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * An operator's answer the failover cannot take: the task stays open and the message says, in the form's words,
 * what to change. A conversation, not a fault: a {@link BadUserRequestException}, so the engine logs it at DEBUG
 * rather than as an error with a trace; {@link TaskRefusals} answers it with HTTP 400 and one WARN line.
 */
public class TaskRefusedException extends BadUserRequestException {

	private static final long serialVersionUID = 1L;

	private final String taskKey;

	private final String field;

	public TaskRefusedException(String taskKey, String field, String reason) {
		super(taskKey + " cannot be completed: " + reason);
		this.taskKey = taskKey;
		this.field = field;
	}

	public String taskKey() {
		return taskKey;
	}

	/** The variable (form field key) the operator has to change. */
	public String field() {
		return field;
	}

}
