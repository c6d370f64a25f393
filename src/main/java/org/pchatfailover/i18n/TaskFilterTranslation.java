package org.pchatfailover.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tasklist's "Failover tasks" filter in the reader's language. A filter has one stored name, which start-up finds it
 * by and other tools look for; Tasklist shows the name, description and variable labels as the engine returns them.
 * So the stored filter stays English and each reader's copy of it is translated on the way out (DESIGN-NOTES, "The
 * runbook's languages", the filter's name).
 */
final class TaskFilterTranslation {

	static final String PREFIX = "tasklistFilter.";

	private TaskFilterTranslation() {
	}

	/** One filter ({@code GET filter/{id}}) or the list ({@code GET filter}); other filters are left alone. */
	static void translate(JsonNode body, Messages messages) {
		if (body.isArray()) {
			body.forEach(filter -> translateOne(filter, messages));
		}
		else {
			translateOne(body, messages);
		}
	}

	private static void translateOne(JsonNode filter, Messages messages) {
		String englishName = Messages.of(Languages.ENGLISH).text(PREFIX + "name");
		if (!filter.isObject() || !englishName.equals(filter.path("name").asText())) {
			return;
		}
		((ObjectNode) filter).put("name", messages.text(PREFIX + "name"));
		JsonNode properties = filter.path("properties");
		if (properties.path("description").isTextual()) {
			((ObjectNode) properties).put("description", messages.text(PREFIX + "description"));
		}
		for (JsonNode variable : properties.path("variables")) {
			String key = PREFIX + "variable." + variable.path("name").asText();
			if (variable.isObject() && messages.has(key)) {
				((ObjectNode) variable).put("label", messages.text(key));
			}
		}
	}

}
