package org.pchatfailover.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The fields of the Camunda Forms deployed with the processes ({@code bpmn/forms/*.form}), by form id: the only
 * variables a task with that {@code camunda:formRef} takes from the person who completes it. Read from the same
 * files the engine deploys, so a field added to a form in Modeler is accepted without a second list to keep.
 */
record TaskForms(Map<String, Fields> byFormId) {

	static final String LOCATION = "classpath*:bpmn/forms/*.form";

	/**
	 * @param editable the keys of input fields
	 * @param readOnly the keys of fields shown read-only (the plan, the gap): a form may send them back, unchanged
	 */
	record Fields(Set<String> editable, Set<String> readOnly) {

		static final Fields NONE = new Fields(Set.of(), Set.of());

	}

	Fields of(String formId) {
		return formId == null ? Fields.NONE : byFormId.getOrDefault(formId, Fields.NONE);
	}

	static TaskForms load() {
		ObjectMapper json = new ObjectMapper();
		Map<String, Fields> forms = new HashMap<>();
		try {
			for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				JsonNode form = json.readTree(file.getInputStream());
				Set<String> editable = new HashSet<>();
				Set<String> readOnly = new HashSet<>();
				collect(form, editable, readOnly);
				forms.put(form.path("id").asText(), new Fields(Set.copyOf(editable), Set.copyOf(readOnly)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the Camunda Forms " + LOCATION, ex);
		}
		return new TaskForms(Map.copyOf(forms));
	}

	// groups nest components; a component without a key (text, spacer) submits nothing
	private static void collect(JsonNode container, Set<String> editable, Set<String> readOnly) {
		for (JsonNode component : container.path("components")) {
			String key = component.path("key").asText("");
			if (!key.isEmpty()) {
				boolean shownOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
				(shownOnly ? readOnly : editable).add(key);
			}
			collect(component, editable, readOnly);
		}
	}

}
