package org.pchatfailover.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.ApiClient.Response;
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

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void failsOverThePoolInTheLabAndLeavesWhatTheRunbookPromises() {
		expect(api.send("admin", "POST", "/api/lab/scenarios/normal", null), 200);
		String instanceId = start("INC-9001");

		complete("INC-9001", "ConfirmFailover", Map.of("failoverApproved", "true", "confirmationComment",
				"drill: Atlanta declared lost", "primaryDatabaseDown", true, "primaryMirrorDown", true, "frontEndDown",
				true, "complianceOutputSecured", true));
		complete("INC-9001", "ConfirmActiveServers", Map.of());
		complete("INC-9001", "VerifyService",
				Map.of("serviceVerified", "true", "verificationComment", "drill: posted in a room"));

		await().atMost(ApiClient.TIMEOUT).until(() -> "COMPLETED".equals(
				get("admin", "/engine-rest/history/process-instance/" + instanceId).path("state").asText()));
		JsonNode history = get("admin", "/engine-rest/history/activity-instance?processInstanceId=" + instanceId
				+ "&sortBy=startTime&sortOrder=asc");
		assertThat(history.findValuesAsText("activityId")).containsSubsequence("CheckPreconditions",
				"ConfirmFailover", "RemoveLogShipping", "CopyBackupFiles", "ApplyLogBackups", "EndConnections",
				"RecoverDatabase", "SetPoolFailedOver", "InstallMirror", "ConfirmActiveServers", "SetActiveServers",
				"VerifyService", "FailoverCompleted");

		JsonNode lab = get("admin", "/api/lab/state");
		assertThat(lab.at("/endpoints/sql").asText()).startsWith("127.0.0.1:");
		assertThat(lab.at("/endpoints/ssh").asText()).startsWith("127.0.0.1:");
		assertThat(database(lab, "mgc").path("state").asText()).isEqualTo("ONLINE");
		assertThat(lab.at("/sql/logShipping").size()).as("log shipping removed").isZero();
		assertThat(lab.at("/sql/copyFiles").size()).as("every share file copied")
			.isEqualTo(lab.at("/sql/shareFiles").size());
		assertThat(lab.at("/sql/restoreHistory").findValuesAsText("type")).contains("L", "D");
		JsonNode updates = get("admin", "/engine-rest/history/detail?processInstanceId=" + instanceId
				+ "&variableUpdates=true&deserializeValues=false&variableName=actionLog");
		assertThat(updates.findValuesAsText("value"))
			.anySatisfy(log -> assertThat(log).contains("sp_delete_log_shipping_secondary_database"))
			.anySatisfy(log -> assertThat(log).contains("Set-CsPersistentChatState"))
			.allSatisfy(log -> assertThat(log).doesNotContain("\"password\""))
			// an outcome an operator can read, never a Java object's identity
			.allSatisfy(log -> assertThat(log).doesNotContainPattern("\\[L[\\w.$]+;@|\\w+@[0-9a-f]{6,}\""));
		JsonNode pool = lab.at("/lync/pools/atl-cs-001.litwareinc.com");
		assertThat(pool.path("poolState").asText()).isEqualTo("FailedOver");
		assertThat(pool.at("/mirror/status").asText()).isNotBlank();
		assertThat(ApiClient.JSON.convertValue(pool.path("activeServers"), List.class))
			.containsExactlyInAnyOrder("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com");
	}

	@Test
	void refusesLabControlToAnyoneButAnAdmin() {
		expect(api.send("operator", "POST", "/api/lab/scenarios/normal", null), 403);
		expect(api.send("ticketing", "GET", "/api/lab/state", null), 403);
		expect(api.send(null, "GET", "/api/lab/state", null), 401);
		JsonNode problem = expect(api.send("admin", "POST", "/api/lab/scenarios/no-such-scenario", null), 400);
		assertThat(problem.path("detail").asText()).contains("no-such-scenario", "broken-chain");
	}

	private String start(String ticketId) {
		Map<String, Object> variables = Map.of("poolFqdn", Map.of("value", "atl-cs-001.litwareinc.com"), "ticketId",
				Map.of("value", ticketId), "reason", Map.of("value", "drill"), "requestedBy", Map.of("value", "drill lead"));
		return expect(api.send("ticketing", "POST", "/engine-rest/process-definition/key/persistentChatFailover/start",
				Map.of("businessKey", ticketId, "variables", variables)), 200)
			.path("id")
			.asText();
	}

	/** Waits until the task is there (the engine works the steps before it), then completes it as the operator. */
	private void complete(String ticketId, String taskKey, Map<String, Object> variables) {
		String query = "/engine-rest/task?processInstanceBusinessKey=" + ticketId + "&taskDefinitionKey=" + taskKey;
		await().atMost(ApiClient.TIMEOUT).until(() -> get("operator", query).size() == 1);
		String taskId = get("operator", query).get(0).path("id").asText();
		Map<String, Object> typed = new HashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		expect(api.send("operator", "POST", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed)),
				204);
	}

	private JsonNode get(String user, String path) {
		return expect(api.send(user, "GET", path, null), 200);
	}

	private static JsonNode expect(Response response, int status) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		return response.json();
	}

	private static JsonNode database(JsonNode lab, String name) {
		for (JsonNode database : lab.at("/sql/databases")) {
			if (name.equals(database.path("name").asText())) {
				return database;
			}
		}
		throw new AssertionError("no database " + name + " in " + lab.at("/sql/databases"));
	}

}
