package org.pchatfailover.failback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.reliability.ReliabilityFigures;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The round trip drilled in the lab over HTTP, TDS and SSH: a failover, the failback to the rebuilt primary, and a
 * failover again, with the lab at each point as a DBA and a Lync admin would expect it.
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

	/** One process per pool: what a failed test left running would make the next one's start a 409. */
	@AfterEach
	void endWhatRuns() {
		for (JsonNode instance : lab.json("admin", "GET", "/engine-rest/process-instance", null, 200)) {
			String id = instance.path("id").asText();
			await().atMost(ApiClient.TIMEOUT).until(() -> {
				int status = lab.send("admin", "DELETE", "/engine-rest/process-instance/" + id, null, "application/json")
					.status();
				return status == 204 || status == 404;
			});
		}
	}

	@Test
	void failsOverFailsBackAndFailsOverAgainWithTheLabAsADbaWouldExpectIt() throws Exception {
		failOver("INC-1800");
		String id = startFailback("CHG-1800");
		lab.awaitTask(id, "ConfirmFailback");
		// Tasklist's "Failover tasks" filter shows the operator the failback's tasks too
		String filter = lab.json("operator", "GET", "/engine-rest/filter?name=Failover%20tasks", null, 200).get(0)
			.path("id").asText();
		assertThat(lab.json("operator", "GET", "/engine-rest/filter/" + filter + "/list", null, 200))
			.extracting(task -> task.path("taskDefinitionKey").asText()).contains("ConfirmFailback");
		String plan = lab.json("operator", "GET", "/engine-rest/process-instance/" + id + "/variables/planSummary",
				null, 200).path("value").asText();
		assertThat(plan).contains("atl-sql-001.litwareinc.com\\PCHAT (now ONLINE)", "PRINCIPAL/SYNCHRONIZED",
				"\\\\atl-sql-001.litwareinc.com\\logship\\CHG-1800_mgc_failback_full.bak",
				"\\\\dal-sql-bk.litwareinc.com\\logship-copy");

		lab.complete(id, "ConfirmFailback", Map.of("failbackApproved", "true", "confirmationComment", "drill",
				"primaryDataCenterRecovered", true, "primaryDatabasesRebuilt", true, "noNewMirrorOrBackupServers", true,
				"sqlAgentCanReachShares", true));
		// right before the overwrite: what the primary's mgc is now and the backup file that replaces it
		String confirm = lab.awaitTask(id, "ConfirmOverwritePrimary");
		String overwrite = lab.json("operator", "GET", "/engine-rest/process-instance/" + id
				+ "/variables/overwriteSummary", null, 200).path("value").asText();
		assertThat(overwrite).contains("Overwrites mgc on atl-sql-001.litwareinc.com\\PCHAT (now ONLINE, 10240 KB",
				"never restored into", "\\\\atl-sql-001.litwareinc.com\\logship\\CHG-1800_mgc_failback_full.bak",
				"database mgc of DAL-SQL-BK\\PCHAT", " bytes, finished at ");
		lab.json("operator", "POST", "/engine-rest/task/" + confirm + "/complete", Map.of("variables",
				Map.of("overwriteApproved", Map.of("value", "true"), "overwriteConfirmation",
						Map.of("value", "dal-sql-bk.litwareinc.com\\PCHAT"))), 400);
		assertThat(database(lab.json("admin", "GET", "/api/lab/state", null, 200).at("/primarySql"), "mgc")
			.path("state").asText()).as("refused: the primary's mgc is not touched").isEqualTo("ONLINE");
		confirmOverwrite(id);
		// the restored primary's mirror: "installed" is checked on the primary, so it is refused until the DBA did it
		String mirrorTask = lab.awaitTask(id, "MirrorPrimaryDatabase");
		assertThat(lab.json("operator", "GET", "/engine-rest/process-instance/" + id + "/variables/primaryMirrorCommand",
				null, 200).path("value").asText()).startsWith("Install-CsMirrorDatabase -DatabaseType 'PersistentChat'"
						+ " -SqlServerFqdn 'atl-sql-001.litwareinc.com' -SqlInstanceName 'PCHAT'");
		lab.json("operator", "POST", "/engine-rest/task/" + mirrorTask + "/complete", Map.of("variables",
				Map.of("primaryMirrorInstalled", Map.of("value", "true"))), 400);
		String primary = "jdbc:sqlserver://" + lab.json("admin", "GET", "/api/lab/state", null, 200)
			.at("/endpoints/primarySql").asText() + ";encrypt=false;loginTimeout=5;connectRetryCount=0";
		try (Connection sql = DriverManager.getConnection(primary, "lab", "lab");
				Statement statement = sql.createStatement()) {
			// the principal's side of what Install-CsMirrorDatabase does; the lab simulates the principal only
			statement.execute("ALTER DATABASE [mgc] SET PARTNER = 'TCP://atl-sql-mr.litwareinc.com:5022'");
		}
		lab.complete(id, "MirrorPrimaryDatabase", Map.of("primaryMirrorInstalled", "true"));
		lab.complete(id, "ConfirmActiveServers", Map.of());
		lab.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "drill"));
		await().atMost(ApiClient.TIMEOUT).until(() -> lab.json("ticketing", "GET", "/api/failbacks/" + id, null, 200)
			.path("state").asText(), "COMPLETED"::equals);
		assertThat(lab.json("operator", "GET", "/engine-rest/history/variable-instance?processInstanceId=" + id
				+ "&variableName=primaryMirroring", null, 200).get(0).path("value").asText())
			.isEqualTo("PRINCIPAL/SYNCHRONIZED, partner ATL-SQL-MR\\PCHAT");
		// the lab has no endpoint of the primary's mirror (no jdbc-url): JJ204887's task is skipped, and says why
		assertThat(lab.json("operator", "GET", "/engine-rest/history/variable-instance?processInstanceId=" + id
				+ "&variableName=primaryMirrorLogShippingSkipped", null, 200).get(0).path("value").asText())
			.contains("atl-sql-mr.litwareinc.com\\PCHAT", "has no jdbc-url");

		JsonNode state = lab.json("admin", "GET", "/api/lab/state", null, 200);
		JsonNode pool = state.at("/lync/pools").path(LabDrill.POOL);
		assertThat(pool.path("poolState").asText()).isEqualTo("Normal");
		assertThat(pool.path("activeServers")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com");
		assertThat(database(state.at("/primarySql"), "mgc").path("state").asText()).isEqualTo("ONLINE");
		JsonNode backupMgc = database(state.at("/sql/databases"), "mgc");
		assertThat(backupMgc.path("state").asText()).isEqualTo("RESTORING");
		assertThat(backupMgc.path("mirroringRole").isNull()).as("mirroring removed: %s", backupMgc).isTrue();
		assertThat(state.at("/sql/logShipping").get(0).path("primaryServer").asText()).isEqualTo("ATL-SQL-001\\PCHAT");
		try (Connection sql = DriverManager.getConnection(primary, "lab", "lab");
				Statement statement = sql.createStatement();
				ResultSet rows = statement.executeQuery("SELECT p.primary_database, s.secondary_server"
						+ " FROM msdb.dbo.log_shipping_primary_databases p"
						+ " JOIN msdb.dbo.log_shipping_primary_secondaries s ON s.primary_id = p.primary_id")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1) + " -> " + rows.getString(2)).isEqualTo("mgc -> DAL-SQL-BK\\PCHAT");
		}

		// and the next outage: the backup mgc log-shipped from the primary again fails over as the first time
		failOver("INC-1801");
		JsonNode after = lab.json("admin", "GET", "/api/lab/state", null, 200);
		assertThat(database(after.at("/sql/databases"), "mgc").path("state").asText()).isEqualTo("ONLINE");
		assertThat(after.at("/lync/pools").path(LabDrill.POOL).path("poolState").asText()).isEqualTo("FailedOver");
	}

	@Test
	void failsBackFromTheFailedOverScenarioWithoutAFailoverFirst() {
		JsonNode before = lab.scenario("failed-over");
		JsonNode backupMgc = database(before.at("/sql/databases"), "mgc");
		assertThat(backupMgc.path("state").asText() + " " + backupMgc.path("mirroringRole").asText())
			.isEqualTo("ONLINE PRINCIPAL");
		assertThat(before.at("/sql/logShipping")).isEmpty();
		assertThat(before.at("/lync/pools").path(LabDrill.POOL).path("poolState").asText()).isEqualTo("FailedOver");

		String id = startFailback("CHG-1810");
		lab.complete(id, "ConfirmFailback", Map.of("failbackApproved", "true", "confirmationComment", "drill",
				"primaryDataCenterRecovered", true, "primaryDatabasesRebuilt", true, "noNewMirrorOrBackupServers", true,
				"sqlAgentCanReachShares", true));
		confirmOverwrite(id);
		lab.complete(id, "MirrorPrimaryDatabase", Map.of("primaryMirrorInstalled", "false", "primaryMirrorComment",
				"drill: the Atlanta mirror is not rebuilt yet"));
		lab.complete(id, "ConfirmActiveServers", Map.of());
		lab.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "drill"));
		await().atMost(ApiClient.TIMEOUT).until(() -> lab.json("ticketing", "GET", "/api/failbacks/" + id, null, 200)
			.path("state").asText(), "COMPLETED"::equals);

		JsonNode after = lab.json("admin", "GET", "/api/lab/state", null, 200);
		assertThat(database(after.at("/sql/databases"), "mgc").path("state").asText()).isEqualTo("RESTORING");
		assertThat(after.at("/lync/pools").path(LabDrill.POOL).path("poolState").asText()).isEqualTo("Normal");
	}

	/**
	 * SQL Server refuses the setup (the login is no sysadmin on the primary: 21089), the failback hands the DBA the
	 * generated script, the DBA runs it through an ordinary client as sqlcmd would (batches split at GO), and "run"
	 * is then checked by the step's own verification.
	 */
	@Test
	void handsTheDbaTheScriptSqlServerRefusedAndChecksItWasRun() throws Exception {
		lab.scenario("failed-over");
		String id = startFailback("CHG-1820");
		lab.complete(id, "ConfirmFailback", Map.of("failbackApproved", "true", "confirmationComment", "drill",
				"primaryDataCenterRecovered", true, "primaryDatabasesRebuilt", true, "noNewMirrorOrBackupServers", true,
				"sqlAgentCanReachShares", true));
		confirmOverwrite(id);
		lab.awaitTask(id, "MirrorPrimaryDatabase");
		lab.json("admin", "POST", "/api/lab/faults/primary-not-sysadmin", null, 200);
		lab.complete(id, "MirrorPrimaryDatabase", Map.of("primaryMirrorInstalled", "false", "primaryMirrorComment",
				"drill: the Atlanta mirror is not rebuilt yet"));

		String task = lab.awaitTask(id, "RunLogShippingScript");
		String error = variable(id, "logShippingError");
		assertThat(error).contains("21089", "Only members of the sysadmin fixed server role");
		String script = variable(id, "logShippingScript");
		assertThat(script).contains("EXEC master.dbo.sp_add_log_shipping_primary_database @database = N'mgc'");
		lab.json("operator", "POST", "/engine-rest/task/" + task + "/complete", Map.of("variables",
				Map.of("logShippingScriptRun", Map.of("value", "true"))), 400);
		ReliabilityFigures figures = ReliabilityFigures.of(FailbackLabIT.class);
		// the 400 above is the refusal: "run" before the script ran changes nothing
		figures.add("badInputsTried", 1);
		figures.add("badInputsRejected", 1);
		figures.kind("faultKinds", "primary-not-sysadmin");

		lab.json("admin", "DELETE", "/api/lab/faults/primary-not-sysadmin", null, 200);
		JsonNode endpoints = lab.json("admin", "GET", "/api/lab/state", null, 200).path("endpoints");
		Map<String, String> instances = Map.of("primary", jdbcUrl(endpoints.path("primarySql").asText()), "backup",
				jdbcUrl(endpoints.path("sql").asText()));
		List<String> batches = SqlcmdBatches.split(script);
		assertThat(batches).hasSize(3);
		for (String batch : batches) {
			String instance = batch.contains("On the primary instance") ? "primary" : "backup";
			try (Connection sql = DriverManager.getConnection(instances.get(instance), "lab", "lab");
					Statement statement = sql.createStatement()) {
				statement.execute(batch);
			}
		}
		lab.complete(id, "RunLogShippingScript", Map.of("logShippingScriptRun", "true"));
		lab.complete(id, "ConfirmActiveServers", Map.of());
		lab.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "drill"));
		await().atMost(ApiClient.TIMEOUT).until(() -> lab.json("ticketing", "GET", "/api/failbacks/" + id, null, 200)
			.path("state").asText(), "COMPLETED"::equals);

		JsonNode state = lab.json("admin", "GET", "/api/lab/state", null, 200);
		assertThat(database(state.at("/primarySql"), "mgc").path("state").asText()).isEqualTo("ONLINE");
		assertThat(database(state.at("/sql/databases"), "mgc").path("state").asText()).isEqualTo("RESTORING");
		assertThat(state.at("/sql/logShipping").get(0).path("primaryServer").asText()).isEqualTo("ATL-SQL-001\\PCHAT");
		try (Connection sql = DriverManager.getConnection(instances.get("primary"), "lab", "lab");
				Statement statement = sql.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM msdb.dbo.log_shipping_primary_databases p"
						+ " JOIN msdb.dbo.log_shipping_primary_secondaries s ON s.primary_id = p.primary_id"
						+ " WHERE p.primary_database = N'mgc' AND s.secondary_server = N'DAL-SQL-BK\\PCHAT'")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getInt(1)).as("the script ran once: one primary row, one secondary").isEqualTo(1);
		}
	}

	private String variable(String processInstanceId, String name) {
		return lab.json("operator", "GET", "/engine-rest/process-instance/" + processInstanceId + "/variables/" + name,
				null, 200).path("value").asText();
	}

	private static String jdbcUrl(String endpoint) {
		return "jdbc:sqlserver://" + endpoint + ";encrypt=false;loginTimeout=5;connectRetryCount=0";
	}

	private void confirmOverwrite(String failback) {
		lab.complete(failback, "ConfirmOverwritePrimary", Map.of("overwriteApproved", "true", "overwriteConfirmation",
				"atl-sql-001.litwareinc.com\\PCHAT"));
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
