package org.pchatfailover.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatfailover.AppProcess;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.reliability.ReliabilityFigures;
import org.springframework.test.util.TestSocketUtils;

/**
 * A 201 or 204 the API answered is on disk: the packaged app, killed with SIGKILL right after each answer and
 * restarted, still has the failover it started and the decisions it took. Once on the default engine database (the
 * H2 file under ./data, restarted on the same files) and once on PostgreSQL (the production profile; the database
 * outlives the app, so what is tested there is that the app commits before it answers).
 */
class DurableAcknowledgementsIT {

	private static final ReliabilityFigures FIGURES = ReliabilityFigures.of(DurableAcknowledgementsIT.class);

	private static EmbeddedPostgres postgres;

	private AppProcess app;

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@AfterEach
	void stop() {
		if (app != null) {
			app.close();
		}
	}

	@ParameterizedTest(name = "engine database {0}")
	@ValueSource(strings = { "h2", "postgres" })
	void keepsEveryAcknowledgedStartAndDecisionWhenKilledRightAfterTheAnswer(String database)
			throws IOException, SQLException {
		Path workDir = Files.createTempDirectory("pchat-acks-");
		int port = TestSocketUtils.findAvailableTcpPort();
		int[] lab = LabTestSupport.labPorts();
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + port, "--pchat.lab.sql-port=" + lab[0],
				"--pchat.lab.ssh-port=" + lab[1], "--pchat.lab.mirror-sql-port=" + lab[2],
				"--pchat.lab.ticketing-port=0", "--pchat.lab.primary-sql-port=" + lab[3], "--pchat.readiness.enabled=false",
				// a killed node's next start waits three heartbeats before it takes its id over
				"--pchat.node.heartbeat=PT1S"));
		if (database.equals("postgres")) {
			String schema = "acks_" + Long.toHexString(System.nanoTime());
			try (var connection = postgres.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + schema);
			}
			arguments.addAll(List.of("--spring.profiles.active=lab,postgres", "--PCHAT_DB_HOST=127.0.0.1",
					"--PCHAT_DB_PORT=" + postgres.getPort(), "--PCHAT_DB_NAME=" + schema, "--PCHAT_DB_USER=postgres",
					"--PCHAT_DB_PASSWORD=postgres"));
		}
		app = new AppProcess("acks-" + database, workDir, AppProcess.JOB_EXECUTOR_READY, arguments).start();
		LabDrill drill = new LabDrill(port);
		List<String> lost = new ArrayList<>();

		String id = drill.start("INC-7001", "durable start");
		app.kill();
		app.start();
		if (drill.send("ticketing", "GET", "/api/failovers/" + id, null, "application/json").status() != 200) {
			lost.add("the 201 of POST /api/failovers (INC-7001)");
		}
		// the same ticket again answers the failover it started, not a new one
		assertThat(drill.json("ticketing", "POST", "/api/failovers", Map.of("ticketId", "INC-7001", "poolFqdn",
				LabDrill.POOL, "reason", "again", "requestedBy", "j.doe"), 200).path("id").asText()).isEqualTo(id);

		drill.approve(id, "approved, then the app was killed");
		app.kill();
		app.start();
		if (!decided(drill, id, "ConfirmFailover", "failoverApproved", "true")) {
			lost.add("the 204 of completing ConfirmFailover");
		}

		drill.complete(id, "ConfirmActiveServers", Map.of());
		app.kill();
		app.start();
		if (!decided(drill, id, "ConfirmActiveServers", "activeServers", null)) {
			lost.add("the 204 of completing ConfirmActiveServers");
		}

		FIGURES.add("acknowledgedWritesLost", lost.size());
		assertThat(lost).as("acknowledged, then lost to a SIGKILL").isEmpty();
		// and the failover goes on from there
		drill.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "ok"));
		drill.awaitCompleted(id);
	}

	/** The task was completed (history) and its decision is a variable of the failover. */
	private static boolean decided(LabDrill drill, String instanceId, String taskKey, String variable, String value) {
		JsonNode tasks = drill.json("admin", "GET", "/engine-rest/history/task?processInstanceId=" + instanceId
				+ "&taskDefinitionKey=" + taskKey + "&finished=true", null, 200);
		JsonNode variables = drill.json("admin", "GET", "/engine-rest/history/variable-instance?processInstanceId="
				+ instanceId + "&variableName=" + variable, null, 200);
		boolean hasValue = variables.size() == 1
				&& (value == null || value.equals(variables.get(0).path("value").asText()));
		return tasks.size() == 1 && hasValue;
	}

}
