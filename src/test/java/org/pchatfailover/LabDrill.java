package org.pchatfailover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.pchatfailover.ApiClient.Response;

/**
 * A lab failover driven over real HTTP as the README's drill does: the ticketing user starts it through
 * {@code POST /api/failovers}, the operator completes the tasks through the engine REST API.
 */
public final class LabDrill {

	public static final String POOL = "atl-cs-001.litwareinc.com";

	private final ApiClient api;

	public LabDrill(int port) {
		this.api = new ApiClient(port);
	}

	public ApiClient api() {
		return api;
	}

	/** Resets the lab to a scenario, as the admin. */
	public JsonNode scenario(String name) {
		return json("admin", "POST", "/api/lab/scenarios/" + name, null, 200);
	}

	/** Starts a failover for the ticket and returns its id. */
	public String start(String ticketId, String reason, String callbackUrl) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("ticketId", ticketId);
		request.put("poolFqdn", POOL);
		request.put("reason", reason);
		request.put("requestedBy", "j.doe");
		request.put("callbackUrl", callbackUrl);
		return json("ticketing", "POST", "/api/failovers", request, 201).path("id").asText();
	}

	public String start(String ticketId, String reason) {
		return start(ticketId, reason, null);
	}

	/** Waits until the engine reached the task, then completes it as the operator. */
	public void complete(String instanceId, String taskKey, Map<String, Object> variables) {
		completeAs("operator", instanceId, taskKey, variables, 204);
	}

	/** Waits until the engine reached the task, then completes it as the user; answers the response's body. */
	public Response completeAs(String user, String instanceId, String taskKey, Map<String, Object> variables,
			int expectedStatus) {
		String taskId = awaitTask(instanceId, taskKey);
		Map<String, Object> typed = new HashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		Response response = send(user, "POST", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed),
				"application/json");
		assertThat(response.status()).as(taskKey + " as " + user + ": " + response.text()).isEqualTo(expectedStatus);
		return response;
	}

	/** The id of the task once the engine reached it. */
	public String awaitTask(String instanceId, String taskKey) {
		String query = "/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey;
		await().atMost(ApiClient.TIMEOUT).until(() -> json("operator", "GET", query, null, 200).size() == 1);
		return json("operator", "GET", query, null, 200).get(0).path("id").asText();
	}

	/** Waits until the failover ended in the given state (COMPLETED, ABORTED) as the ticketing API reports it. */
	public void awaitState(String instanceId, String state) {
		await().atMost(ApiClient.TIMEOUT)
			.until(() -> json("ticketing", "GET", "/api/failovers/" + instanceId, null, 200).path("state").asText(),
					state::equals);
	}

	public void awaitCompleted(String instanceId) {
		awaitState(instanceId, "COMPLETED");
	}

	/** Approves ConfirmFailover with every precondition confirmed. */
	public void approve(String instanceId, String comment) {
		complete(instanceId, "ConfirmFailover", Map.of("failoverApproved", "true", "confirmationComment", comment,
				"primaryDatabaseDown", true, "primaryMirrorDown", true, "frontEndDown", true,
				"complianceOutputSecured", true));
	}

	public JsonNode json(String user, String method, String path, Object body, int expectedStatus) {
		Response response = send(user, method, path, body, "application/json");
		assertThat(response.status()).as(method + " " + path + ": " + response.text()).isEqualTo(expectedStatus);
		return response.json();
	}

	public Response send(String user, String method, String path, Object body, String accept) {
		return api.send(user == null ? null : user + ":" + user, method, path, body, accept);
	}

}
