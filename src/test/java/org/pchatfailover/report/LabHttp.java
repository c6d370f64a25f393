package org.pchatfailover.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives a lab failover over real HTTP as the README's drill does: the ticketing user starts it over the
 * engine REST API, the operator completes tasks; each lab user's password is their name.
 */
final class LabHttp {

	static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

	static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final int port;

	LabHttp(int port) {
		this.port = port;
	}

	String start(String ticketId, String reason) throws IOException, InterruptedException {
		String body = JSON.writeValueAsString(Map.of("businessKey", ticketId, "variables",
				Map.of("poolFqdn", Map.of("value", "atl-cs-001.litwareinc.com"), "ticketId", Map.of("value", ticketId),
						"reason", Map.of("value", reason), "requestedBy", Map.of("value", "j.doe"))));
		return json("ticketing", "POST", "/engine-rest/process-definition/key/persistentChatFailover/start", body, 200)
			.path("id")
			.asText();
	}

	/** Waits until the engine reached the task, then completes it as the operator. */
	void complete(String instanceId, String taskKey, Map<String, Object> variables) throws Exception {
		String query = "/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey;
		await().atMost(STEP_TIMEOUT).until(() -> json("operator", "GET", query, null, 200).size() == 1);
		String taskId = json("operator", "GET", query, null, 200).get(0).path("id").asText();
		Map<String, Object> typed = new HashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		json("operator", "POST", "/engine-rest/task/" + taskId + "/complete",
				JSON.writeValueAsString(Map.of("variables", typed)), 204);
	}

	void awaitTask(String instanceId, String taskKey) {
		String query = "/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey;
		await().atMost(STEP_TIMEOUT).until(() -> json("operator", "GET", query, null, 200).size() == 1);
	}

	void awaitCompleted(String instanceId) {
		await().atMost(STEP_TIMEOUT)
			.until(() -> "COMPLETED".equals(json("admin", "GET", "/engine-rest/history/process-instance/" + instanceId,
					null, 200)
				.path("state")
				.asText()));
	}

	JsonNode json(String user, String method, String path, String body, int expectedStatus)
			throws IOException, InterruptedException {
		HttpResponse<String> response = send(user, method, path, body, "application/json");
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
		return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
	}

	HttpResponse<String> send(String user, String method, String path, String body, String accept)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(STEP_TIMEOUT)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Accept", accept);
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
