package org.pchatfailover.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
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
 * One failover, one state: what {@code GET /api/failovers/{id}}, its report and the latest callback say agree,
 * while it waits, at an incident and at every way it can end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailoverStateIT {

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
		LabTestSupport.incidentAtFirstFailure(registry);
	}

	@LocalServerPort
	int port;

	private LabDrill lab;

	private CallbackReceiver ticketing;

	@BeforeEach
	void startTicketingAndResetTheLab() throws IOException {
		lab = new LabDrill(port);
		ticketing = new CallbackReceiver();
		lab.scenario("normal");
	}

	@AfterEach
	void stopTicketing() {
		ticketing.close();
	}

	@Test
	void agreesWhileTheFailoverWaitsForAnOperatorAndWhenItCompletes() {
		String id = lab.start("INC-7101", "drill", ticketing.url("/hook"));
		lab.awaitTask(id, "ConfirmFailover");
		assertAllSay(id, "WAITING_FOR_OPERATOR");

		lab.approve(id, "drill");
		lab.complete(id, "ConfirmActiveServers", Map.of());
		lab.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "drill"));
		lab.awaitCompleted(id);
		assertAllSay(id, "COMPLETED");
	}

	@Test
	void agreesWhenTheOperatorAbortsTheFailover() {
		String id = lab.start("INC-7102", "drill", ticketing.url("/hook"));
		lab.complete(id, "ConfirmFailover", Map.of("failoverApproved", "false", "confirmationComment",
				"drill: primary is back"));
		assertAllSay(id, "ABORTED");
	}

	@Test
	void agreesOnTheIncidentAndWhenAnAdminCancelsTheFailover() {
		lab.scenario("sql-down");
		String id = lab.start("INC-7103", "drill", ticketing.url("/hook"));
		assertAllSay(id, "INCIDENT");

		lab.json("admin", "DELETE", "/engine-rest/process-instance/" + id, null, 204);
		assertAllSay(id, "ABORTED");
	}

	private void assertAllSay(String id, String state) {
		await().atMost(ApiClient.TIMEOUT).untilAsserted(() -> {
			assertThat(ticketing.latestState(id)).as("latest callback").isEqualTo(state);
			assertThat(lab.json("ticketing", "GET", "/api/failovers/" + id, null, 200).path("state").asText())
				.as("GET /api/failovers/{id}").isEqualTo(state);
			assertThat(lab.json("ticketing", "GET", "/api/failovers/" + id + "/report", null, 200).path("state")
				.asText()).as("report").isEqualTo(state);
		});
	}

}
