package org.pchatfailover.lab;

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
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.pchatfailover.LabTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The drill of the README, end to end over real HTTP: the ticketing user starts a failover, the operator works
 * the tasks, the engine's job executor drives the real adapters against the lab's SQL Server (TDS) and Lync
 * shell (SSH). The outcome is read back as a DBA and a Lync admin would check it: GET /api/lab/state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LabDrillIT {

	private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

	private static final ObjectMapper JSON = new ObjectMapper();

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void failsOverThePoolInTheLabAndLeavesWhatTheRunbookPromises() throws Exception {
		send("admin", "POST", "/api/lab/scenarios/normal", null, 200);
		String instanceId = start("INC-9001");

		complete("INC-9001", "ConfirmFailover", Map.of("failoverApproved", "true", "confirmationComment",
				"drill: Atlanta declared lost", "primaryDatabaseDown", true, "primaryMirrorDown", true, "frontEndDown",
				true, "complianceOutputSecured", true));
		complete("INC-9001", "ConfirmActiveServers", Map.of());
		complete("INC-9001", "VerifyService",
				Map.of("serviceVerified", "true", "verificationComment", "drill: posted in a room"));

		await().atMost(STEP_TIMEOUT).until(() -> ended(instanceId));
		JsonNode history = send("admin", "GET",
				"/engine-rest/history/activity-instance?processInstanceId=" + instanceId + "&sortBy=startTime&sortOrder=asc",
				null, 200);
		assertThat(history.findValuesAsText("activityId")).containsSubsequence("CheckPreconditions",
				"ConfirmFailover", "RemoveLogShipping", "CopyBackupFiles", "ApplyLogBackups", "EndConnections",
				"RecoverDatabase", "SetPoolFailedOver", "InstallMirror", "ConfirmActiveServers", "SetActiveServers",
				"VerifyService", "FailoverCompleted");

		JsonNode lab = send("admin", "GET", "/api/lab/state", null, 200);
		assertThat(lab.at("/endpoints/sql").asText()).startsWith("127.0.0.1:");
		assertThat(lab.at("/endpoints/ssh").asText()).startsWith("127.0.0.1:");
		JsonNode mgc = database(lab, "mgc");
		assertThat(mgc.path("state").asText()).isEqualTo("ONLINE");
		assertThat(lab.at("/sql/logShipping").size()).as("log shipping removed").isZero();
		assertThat(lab.at("/sql/copyFiles").size()).as("every share file copied")
			.isEqualTo(lab.at("/sql/shareFiles").size());
		assertThat(lab.at("/sql/restoreHistory").findValuesAsText("type")).contains("L", "D");
		JsonNode updates = send("admin", "GET", "/engine-rest/history/detail?processInstanceId=" + instanceId
				+ "&variableUpdates=true&deserializeValues=false&variableName=actionLog", null, 200);
		assertThat(updates.findValuesAsText("value")).anySatisfy(log -> assertThat(log)
			.contains("sp_delete_log_shipping_secondary_database"))
			.anySatisfy(log -> assertThat(log).contains("Set-CsPersistentChatState"))
			.allSatisfy(log -> assertThat(log).doesNotContain("\"password\""));
		JsonNode pool = lab.at("/lync/pools/atl-cs-001.litwareinc.com");
		assertThat(pool.path("poolState").asText()).isEqualTo("FailedOver");
		assertThat(pool.at("/mirror/status").asText()).isNotBlank();
		assertThat(JSON.convertValue(pool.path("activeServers"), List.class))
			.containsExactlyInAnyOrder("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com");
	}

	@Test
	void refusesLabControlToAnyoneButAnAdmin() throws Exception {
		send("operator", "POST", "/api/lab/scenarios/normal", null, 403);
		send("ticketing", "GET", "/api/lab/state", null, 403);
		send(null, "GET", "/api/lab/state", null, 401);
		JsonNode problem = send("admin", "POST", "/api/lab/scenarios/no-such-scenario", null, 400);
		assertThat(problem.path("detail").asText()).contains("no-such-scenario", "broken-chain");
	}

	private String start(String ticketId) throws IOException, InterruptedException {
		String body = JSON.writeValueAsString(Map.of("businessKey", ticketId, "variables",
				Map.of("poolFqdn", Map.of("value", "atl-cs-001.litwareinc.com"), "ticketId", Map.of("value", ticketId),
						"reason", Map.of("value", "drill"), "requestedBy", Map.of("value", "drill lead"))));
		return send("ticketing", "POST", "/engine-rest/process-definition/key/persistentChatFailover/start", body, 200)
			.path("id")
			.asText();
	}

	/** Waits until the task is there (the engine works the steps before it), then completes it as the operator. */
	private void complete(String ticketId, String taskKey, Map<String, Object> variables) throws Exception {
		String query = "/engine-rest/task?processInstanceBusinessKey=" + ticketId + "&taskDefinitionKey=" + taskKey;
		await().atMost(STEP_TIMEOUT).until(() -> send("operator", "GET", query, null, 200).size() == 1);
		String taskId = send("operator", "GET", query, null, 200).get(0).path("id").asText();
		Map<String, Object> typed = new java.util.HashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		send("operator", "POST", "/engine-rest/task/" + taskId + "/complete",
				JSON.writeValueAsString(Map.of("variables", typed)), 204);
	}

	private boolean ended(String instanceId) throws IOException, InterruptedException {
		JsonNode instance = send("admin", "GET", "/engine-rest/history/process-instance/" + instanceId, null, 200);
		return "COMPLETED".equals(instance.path("state").asText());
	}

	private static JsonNode database(JsonNode lab, String name) {
		for (JsonNode database : lab.at("/sql/databases")) {
			if (name.equals(database.path("name").asText())) {
				return database;
			}
		}
		throw new AssertionError("no database " + name + " in " + lab.at("/sql/databases"));
	}

	private JsonNode send(String user, String method, String path, String body, int expectedStatus)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(STEP_TIMEOUT)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
		return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
	}

}
