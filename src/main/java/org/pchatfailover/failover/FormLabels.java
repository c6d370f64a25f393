package org.pchatfailover.failover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The labels the operator reads in the Camunda Forms, by field key: a refusal names the field as it is shown
 * ("'Decision' (failoverApproved)"), not only by its variable name. Read from the deployed form files, so a
 * label changed in Modeler changes the refusals with it.
 */
final class FormLabels {

	private static final Map<String, String> BY_KEY = load();

	private FormLabels() {
	}

	/** "'Label' (key)", or "'key'" for a variable no form shows. */
	static String of(String key) {
		String label = BY_KEY.get(key);
		return label == null ? "'" + key + "'" : "'" + label + "' (" + key + ")";
	}

	private static Map<String, String> load() {
		ObjectMapper json = new ObjectMapper();
		Map<String, String> labels = new HashMap<>();
		try {
			for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/forms/*.form")) {
				collect(json.readTree(file.getInputStream()), labels);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the Camunda Forms' labels", ex);
		}
		return Map.copyOf(labels);
	}

	private static void collect(JsonNode container, Map<String, String> labels) {
		for (JsonNode component : container.path("components")) {
			String key = component.path("key").asText("");
			String label = component.path("label").asText("");
			if (!key.isEmpty() && !label.isEmpty()) {
				labels.putIfAbsent(key, label);
			}
			collect(component, labels);
		}
	}

}
