package org.pchatfailover.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.LabDrill;
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

	LabDrill drill;

	@BeforeEach
	void client() {
		drill = new LabDrill(port);
	}

	@Test
	void failsOverThePoolInTheLabAndLeavesWhatTheRunbookPromises() {
		drill.scenario("normal");
		String instanceId = drill.start("INC-9001", "drill: Atlanta declared lost");

		drill.approve(instanceId, "drill: Atlanta declared lost");
		drill.complete(instanceId, "ConfirmActiveServers", Map.of());
		drill.awaitTask(instanceId, "VerifyService");
		// what the operator reads on the VerifyService form: the lab's chat servers pinging the recovered mgc
		assertThat(get("operator", "/engine-rest/process-instance/" + instanceId + "/variables/activeServerEvidence")
			.path("value").asText()).startsWith("Active servers set and confirmed by the database: "
					+ "mgc.dbo.tblServerIdentity on dal-sql-bk.litwareinc.com\\PCHAT\n")
			.contains("  - dal-pc-001.litwareinc.com: pinged ").contains("  - dal-pc-002.litwareinc.com: pinged ");
		drill.complete(instanceId, "VerifyService",
				Map.of("serviceVerified", "true", "verificationComment", "drill: posted in a room"));

		drill.awaitCompleted(instanceId);
		JsonNode history = get("admin", "/engine-rest/history/activity-instance?processInstanceId=" + instanceId
				+ "&sortBy=startTime&sortOrder=asc");
		assertThat(history.findValuesAsText("activityId")).containsSubsequence("CheckPreconditions",
				"ConfirmFailover", "RemoveLogShipping", "CopyBackupFiles", "ApplyLogBackups", "EndConnections",
				"RecoverDatabase", "SetPoolFailedOver", "InstallMirror", "ConfirmActiveServers", "SetActiveServers",
				"VerifyService", "FailoverCompleted");

		JsonNode lab = get("admin", "/api/lab/state");
		assertThat(lab.at("/endpoints/sql").asText()).startsWith("127.0.0.1:");
		assertThat(lab.at("/endpoints/ssh").asText()).startsWith("127.0.0.1:");
		JsonNode mgc = database(lab, "mgc");
		assertThat(mgc.path("state").asText()).isEqualTo("ONLINE");
		// as sys.database_mirroring shows it on the backup instance, not only as Lync reports it
		assertThat(mgc.path("mirroringRole").asText()).isEqualTo("PRINCIPAL");
		assertThat(mgc.path("mirroringState").asText()).isEqualTo("SYNCHRONIZED");
		assertThat(mgc.path("mirroringPartner").asText()).isEqualToIgnoringCase("DAL-SQL-MR\\PCHAT");
		assertThat(lab.at("/sql/logShipping").size()).as("log shipping removed").isZero();
		assertThat(lab.at("/sql/copyFiles").size()).as("every share file copied")
			.isEqualTo(lab.at("/sql/shareFiles").size());
		assertThat(lab.at("/sql/restoreHistory").findValuesAsText("type")).contains("L", "D");
		JsonNode updates = get("admin", "/engine-rest/history/detail?processInstanceId=" + instanceId
				+ "&variableUpdates=true&deserializeValues=false&variableName=actionLog");
		assertThat(updates.findValuesAsText("value"))
			.anySatisfy(log -> assertThat(log).contains("sp_delete_log_shipping_secondary_database"))
			.anySatisfy(log -> assertThat(log).contains("Set-CsPersistentChatState"))
			.anySatisfy(log -> assertThat(log).contains("sys.database_mirroring"))
			.anySatisfy(log -> assertThat(log).contains("Active servers set and confirmed by the database"))
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
	void resetsTheLyncSideToAReadinessScenarioAndTheSqlSideToNormal() {
		JsonNode state = drill.json("admin", "POST", "/api/lab/scenarios/prompting-mirror", null, 200);

		assertThat(state.at("/lync/scenario").asText()).isEqualTo("prompting-mirror");
		assertThat(state.at("/sql/scenario").asText()).isEqualTo("normal");
		assertThat(state.at("/lync/pools/atl-cs-001.litwareinc.com/poolState").asText()).isEqualTo("Normal");
		assertThat(ApiClient.JSON.convertValue(state.path("scenarios"), List.class)).contains("missing-cmdlet",
				"prompting-mirror", "candidate-not-in-pool", "broken-chain");
		drill.scenario("normal");
	}

	@Test
	void refusesLabControlToAnyoneButAnAdmin() {
		drill.json("operator", "POST", "/api/lab/scenarios/normal", null, 403);
		drill.json("ticketing", "GET", "/api/lab/state", null, 403);
		drill.json(null, "GET", "/api/lab/state", null, 401);
		JsonNode problem = drill.json("admin", "POST", "/api/lab/scenarios/no-such-scenario", null, 400);
		assertThat(problem.path("detail").asText()).contains("no-such-scenario", "broken-chain");
	}

	@Test
	void resetsToASizedScenarioAndRefusesASizingOutOfRangeNamingTheParameter() {
		JsonNode sized = drill.json("admin", "POST", "/api/lab/scenarios/uncopied-files?logs=12&copyMs=5&restoreMs=7",
				null, 200);
		assertThat(sized.at("/sql/sizing").toString()).isEqualTo("{\"logs\":12,\"copyMs\":5,\"restoreMs\":7}");
		assertThat(sized.at("/sql/shareFiles").size()).isEqualTo(12);
		assertThat(sized.at("/sql/copyFiles").size()).isEqualTo(6);

		Map<String, String> refused = Map.of("logs=7", "logs", "logs=20001", "logs", "logs=many", "logs",
				"copyMs=-1", "copyMs", "restoreMs=60001", "restoreMs", "restoreMs=1.5", "restoreMs");
		refused.forEach((query, field) -> {
			ApiClient.Response response = drill.send("admin", "POST", "/api/lab/scenarios/normal?" + query, null,
					"application/json");
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType()).as(query).startsWith("application/problem+json");
			assertThat(response.json().path("field").asText()).as(query).isEqualTo(field);
			assertThat(response.json().path("detail").asText()).as(query).startsWith(field + " must be");
		});
		JsonNode untouched = get("admin", "/api/lab/state");
		assertThat(untouched.at("/sql/scenario").asText()).as("a refused reset resets nothing").isEqualTo("uncopied-files");
		assertThat(untouched.at("/sql/shareFiles").size()).isEqualTo(12);
		assertThat(drill.scenario("normal").at("/sql/sizing/logs").asInt()).as("default").isEqualTo(8);
	}

	private JsonNode get(String user, String path) {
		return drill.json(user, "GET", path, null, 200);
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
