package org.pchatfailover.failback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * A failback drilled in the lab over HTTP, TDS and SSH, after a failover of the same pool: the plan read from both
 * SQL instances, the pool's servers cleared in the Lync shell, mirroring removed on the backup instance, and the
 * lab's limit at BackupDatabase (the lab SQL engine runs no BACKUP DATABASE) as an incident, the primary untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailbackLabIT {

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
		LabTestSupport.incidentAtFirstFailure(registry);
	}

	@LocalServerPort
	int port;

	private LabDrill lab;

	@BeforeEach
	void resetTheLab() {
		lab = new LabDrill(port);
		lab.scenario("normal");
	}

	@Test
	void failsBackAfterAFailoverUntilTheLabsLimitAtTheBackup() {
		failOver("INC-1800");
		String id = startFailback("CHG-1800");
		lab.awaitTask(id, "ConfirmFailback");
		String plan = lab.json("operator", "GET", "/engine-rest/process-instance/" + id + "/variables/planSummary",
				null, 200).path("value").asText();
		assertThat(plan).contains("atl-sql-001.litwareinc.com\\PCHAT (now ONLINE)", "PRINCIPAL/SYNCHRONIZED",
				"\\\\atl-sql-001.litwareinc.com\\logship\\CHG-1800_mgc_failback_full.bak", "\\\\dal-sql-bk.litwareinc.com\\logship-copy");

		lab.complete(id, "ConfirmFailback", Map.of("failbackApproved", "true", "confirmationComment", "drill",
				"primaryDataCenterRecovered", true, "primaryDatabasesRebuilt", true, "noNewMirrorOrBackupServers", true,
				"sqlAgentCanReachShares", true));

		String incidents = "/engine-rest/incident?processInstanceId=" + id;
		await().atMost(ApiClient.TIMEOUT).until(() -> lab.json("admin", "GET", incidents, null, 200).size() == 1);
		JsonNode incident = lab.json("admin", "GET", incidents, null, 200).get(0);
		assertThat(incident.path("activityId").asText()).isEqualTo("ReestablishLogShipping");
		assertThat(incident.path("incidentMessage").asText()).contains("log_shipping_primary_databases");
		JsonNode state = lab.json("admin", "GET", "/api/lab/state", null, 200);
		assertThat(state.at("/lync/pools").path(LabDrill.POOL).path("activeServers")).isEmpty();
		assertThat(state.at("/lync/pools").path(LabDrill.POOL).path("poolState").asText()).isEqualTo("FailedOver");
		JsonNode backupMgc = database(state.at("/sql/databases"), "mgc");
		assertThat(backupMgc.path("state").asText()).isEqualTo("ONLINE");
		assertThat(backupMgc.path("mirroringRole").isNull() || backupMgc.path("mirroringRole").isMissingNode())
			.as("mirroring removed: %s", backupMgc).isTrue();
		assertThat(database(state.at("/primarySql"), "mgc").path("state").asText()).isEqualTo("ONLINE");
	}

	private void failOver(String ticketId) {
		String failover = lab.start(ticketId, "drill: Atlanta lost");
		lab.approve(failover, "drill");
		lab.complete(failover, "ConfirmActiveServers", Map.of());
		lab.complete(failover, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "drill"));
		lab.awaitCompleted(failover);
	}

	private String startFailback(String ticketId) {
		Map<String, Object> request = Map.of("ticketId", ticketId, "poolFqdn", LabDrill.POOL, "reason",
				"drill: Atlanta rebuilt", "requestedBy", "j.doe");
		return lab.json("ticketing", "POST", "/api/failbacks", request, 201).path("id").asText();
	}

	private static JsonNode database(JsonNode databases, String name) {
		for (JsonNode database : databases) {
			if (name.equals(database.path("name").asText())) {
				return database;
			}
		}
		throw new AssertionError("no database " + name + " in " + databases);
	}

}
