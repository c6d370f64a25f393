package org.pchatfailover.report;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.pchatfailover.actionlog.ActionLog;

/**
 * Reads variable values from history as the report shows them: JSON variables (plan, action log, lists from
 * Camunda Forms) as their JSON text, never deserialized into classes, so old failovers stay readable.
 */
final class HistoryValues {

	private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private static final TypeReference<List<ActionLog.Action>> ACTIONS = new TypeReference<>() {
	};

	private HistoryValues() {
	}

	/** The value as text, secrets blanked; null for a null value. */
	static String text(TypedValue value) {
		return SecretScrubber.scrub(raw(value));
	}

	/** An {@code actionLog} variable as its actions, each text scrubbed. */
	static List<ActionLog.Action> actions(TypedValue value) {
		String json = raw(value);
		if (json == null) {
			return List.of();
		}
		try {
			return JSON.readValue(json, ACTIONS).stream().map(HistoryValues::scrubbed).toList();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("actionLog in history is not a list of actions", ex);
		}
	}

	/** A JSON variable (the plan) as a tree, not scrubbed: take only non-secret fields from it. */
	static JsonNode tree(TypedValue value) {
		String json = raw(value);
		if (json == null) {
			return JSON.missingNode();
		}
		try {
			return JSON.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("JSON variable in history cannot be read", ex);
		}
	}

	// scrubbing JSON text could break its syntax: JSON is parsed first, then its texts are scrubbed
	private static String raw(TypedValue value) {
		if (value == null) {
			return null;
		}
		if (value instanceof SerializableValue serializable) {
			return serializable.getValueSerialized();
		}
		return value.getValue() == null ? null : String.valueOf(value.getValue());
	}

	private static ActionLog.Action scrubbed(ActionLog.Action action) {
		return new ActionLog.Action(action.at(), SecretScrubber.scrub(action.target()), action.kind(),
				SecretScrubber.scrub(action.command()), SecretScrubber.scrub(action.outcome()), action.succeeded(),
				action.durationMillis());
	}

}
