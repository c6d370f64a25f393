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
