package org.pchatfailover.security;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A refused task completion is a conversation with the operator: the engine REST API answers it with 400 and the
 * refusal's message (its TaskResourceImpl maps a FormFieldValidationException on complete and submit-form to 400,
 * any other ProcessEngineException to 500), and the log gets one WARN line instead of an error with a trace.
 * Runs before the command context, so the engine's own logging has already seen a BadUserRequestException.
 */
class TaskRefusals extends CommandInterceptor {

	private static final Logger log = LoggerFactory.getLogger(TaskRefusals.class);

	@Override
	public <T> T execute(Command<T> command) {
		try {
			return next.execute(command);
		}
		catch (TaskRefusedException refusal) {
			log.warn("refused: {}", refusal.getMessage());
			throw new FormFieldValidationException(refusal.field(), refusal.getMessage(), refusal);
		}
	}

}
