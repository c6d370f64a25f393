package org.pchatfailover.i18n;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Camunda Form (form-js schema) in the reader's language. Each .form file is the English source; every string a
 * reader sees is found by {@code <formId>.<componentId>.<property>} and an option by
 * {@code <formId>.<componentId>.values.<value>}. Keys, values, validation and templating ({@code {{poolFqdn}}}) are
 * never touched: only the words around them change.
 */
public final class FormTranslation {

	/** The properties of a form-js component that a reader reads (form-js schema: label, text, description, placeholder). */
	static final List<String> READ_PROPERTIES = List.of("label", "text", "description", "placeholder");

	private FormTranslation() {
	}

	/** Translates {@code form} in place; what this language lacks stays English. */
	public static void translate(JsonNode form, Messages messages) {
		String formId = form.path("id").asText();
		for (JsonNode component : components(form)) {
			String prefix = formId + "." + component.path("id").asText() + ".";
			ObjectNode object = (ObjectNode) component;
			for (String property : READ_PROPERTIES) {
				if (component.path(property).isTextual()) {
					messages.formText(prefix + property).ifPresent(text -> object.put(property, text));
				}
			}
			for (JsonNode value : component.path("values")) {
				if (value.path("label").isTextual()) {
					messages.formText(prefix + "values." + value.path("value").asText())
						.ifPresent(text -> ((ObjectNode) value).put("label", text));
				}
			}
		}
	}

	/** Every English string of a form by its key: what each language must translate. */
	public static Map<String, String> englishStrings(JsonNode form) {
		String formId = form.path("id").asText();
		Map<String, String> strings = new LinkedHashMap<>();
		for (JsonNode component : components(form)) {
			String prefix = formId + "." + component.path("id").asText() + ".";
			for (String property : READ_PROPERTIES) {
				if (component.path(property).isTextual()) {
					strings.put(prefix + property, component.path(property).asText());
				}
			}
			for (JsonNode value : component.path("values")) {
				if (value.path("label").isTextual()) {
					strings.put(prefix + "values." + value.path("value").asText(), value.path("label").asText());
				}
			}
		}
		return strings;
	}

	/** The components, depth first: a group or dynamic list holds components of its own. */
	private static List<JsonNode> components(JsonNode parent) {
		List<JsonNode> all = new ArrayList<>();
		for (JsonNode component : parent.path("components")) {
			if (component.isObject()) {
				all.add(component);
				all.addAll(components(component));
			}
		}
		return all;
	}

}
