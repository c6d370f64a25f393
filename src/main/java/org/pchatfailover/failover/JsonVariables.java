package org.pchatfailover.failover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.pchatfailover.actionlog.ActionLog;

/**
 * Values stored as JSON process variables: Cockpit shows them readably, Camunda Forms parse them, and no Java
 * class name ends up in the engine database (a class rename would break running failovers).
 */
public final class JsonVariables {

	private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	private JsonVariables() {
	}

	public static TypedValue json(Object value) {
		try {
			return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", ex);
		}
	}

	/** Stores what a step did as {@code actionLog}; history keeps each version with its activity instance. */
	public static void storeActions(VariableScope scope, ActionLog actions) {
		scope.setVariable(FailoverVariables.ACTION_LOG, json(actions.actions()));
	}

}
