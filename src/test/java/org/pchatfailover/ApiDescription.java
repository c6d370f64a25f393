package org.pchatfailover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Holds every answer the tests get from {@code /api} to the committed description {@code docs/openapi.json}: an
 * operation it does not describe, a status it does not list for that operation, or a content type it does not list
 * for that status fails the test that received it. {@link ApiClient} asks it after every exchange, so the API's own
 * tests are the check. The lab's control API is left out of the description (DESIGN-NOTES, API description) and so
 * out of the check.
 */
public final class ApiDescription {

	public static final Path FILE = Path.of("docs/openapi.json");

	private static final String UNDESCRIBED = "/api/lab/";

	private static volatile List<Operation> operations;

	private ApiDescription() {
	}

	/** One operation of the description: where it matches, and the content types per status it lists. */
	record Operation(String method, String template, Pattern path, JsonNode responses) {

		List<String> statuses() {
			List<String> statuses = new ArrayList<>();
			responses.fieldNames().forEachRemaining(statuses::add);
			return statuses;
		}

	}

	/** Fails when the description does not list this answer; answers outside {@code /api} are not described here. */
	public static void check(String method, String pathAndQuery, int status, String contentType) {
		String path = pathAndQuery.replaceFirst("[?#].*$", "");
		if (!path.startsWith("/api/") || path.startsWith(UNDESCRIBED)) {
			return;
		}
		Operation operation = operations().stream()
			.filter(o -> o.method().equalsIgnoreCase(method) && o.path().matcher(path).matches())
			.findFirst()
			.orElseThrow(() -> new AssertionError(method + " " + path + " answered " + status + ", but " + FILE
					+ " describes no such operation"));
		JsonNode response = operation.responses().get(String.valueOf(status));
		if (response == null) {
			throw new AssertionError(method + " " + operation.template() + " answered " + status + ", which " + FILE
					+ " does not list (it lists " + operation.statuses() + ")");
		}
		String type = contentType == null ? "" : contentType.replaceFirst(";.*$", "").trim().toLowerCase(Locale.ROOT);
		if (!type.isEmpty() && !response.path("content").has(type)) {
			List<String> listed = new ArrayList<>();
			response.path("content").fieldNames().forEachRemaining(listed::add);
			throw new AssertionError(method + " " + operation.template() + " answered " + status + " as " + type
					+ ", but " + FILE + " lists " + listed + " for " + status);
		}
	}

	static List<Operation> operations() {
		if (operations == null) {
			operations = read();
		}
		return operations;
	}

	private static List<Operation> read() {
		JsonNode document;
		try {
			document = ApiClient.JSON.readTree(FILE.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + FILE + " (OpenApiDocumentIT writes it)", ex);
		}
		List<Operation> read = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			Pattern pattern = Pattern.compile(
					Pattern.quote(path.getKey()).replaceAll("\\{[^}/]+\\}", "\\\\E[^/]+\\\\Q").replace("\\Q\\E", ""));
			path.getValue().fields().forEachRemaining(operation -> read.add(new Operation(
					operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), pattern,
					operation.getValue().path("responses"))));
		}
		return List.copyOf(read);
	}

}
