package org.pchatfailover.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.PrometheusScrape;
import org.pchatfailover.reliability.ReliabilityFigures;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code pchat_} metrics on {@code /actuator/prometheus} move as real lab failovers run: a drill to the end, and
 * one whose first step fails against a backup instance that is down. Each test compares a scrape before with a
 * scrape after, so what other tests in this context did does not count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class ProcessMetricsIT {

	static final String POOL = LabDrill.POOL;

	static final String FAILOVER = "persistentChatFailover";

	static final ReliabilityFigures figures = ReliabilityFigures.of(ProcessMetricsIT.class);

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
		LabTestSupport.incidentAtFirstFailure(registry);
	}

	@LocalServerPort
	int port;

	LabDrill lab;

	@BeforeEach
	void normalLab() {
		lab = new LabDrill(port);
		lab.scenario("normal");
	}

	@Test
	void aCompletedDrillCountsItsFailoverStepsAndTheLogsItApplied() {
		PrometheusScrape before = PrometheusScrape.of(lab.api());
		long logsBefore = logRestores();

		String id = lab.start("INC-6101", "metrics drill");
		lab.approve(id, "metrics drill");
		lab.complete(id, "ConfirmActiveServers", Map.of());
		lab.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "clients work"));
		lab.awaitCompleted(id);
		long logsApplied = logRestores() - logsBefore;

		PrometheusScrape after = awaitScrape(scrape -> scrape.value("pchat_failovers", "pool", POOL, "state",
				"COMPLETED") == before.value("pchat_failovers", "pool", POOL, "state", "COMPLETED") + 1);
		for (String step : new String[] { "CheckPreconditions", "RemoveLogShipping", "CopyBackupFiles",
				"ApplyLogBackups", "EndConnections", "RecoverDatabase", "SetPoolFailedOver", "InstallMirror",
				"SetActiveServers" }) {
			assertThat(delta(before, after, "pchat_step_duration_seconds_count", "step", step, "type", "serviceTask"))
				.as(step).isEqualTo(1);
		}
		for (String task : new String[] { "ConfirmFailover", "ConfirmActiveServers", "VerifyService" }) {
			assertThat(delta(before, after, "pchat_step_duration_seconds_count", "step", task, "type", "userTask"))
				.as(task).isEqualTo(1);
		}
		assertThat(after.value("pchat_step_duration_seconds_sum", "process", FAILOVER, "step", "ApplyLogBackups"))
			.isGreaterThan(before.value("pchat_step_duration_seconds_sum", "process", FAILOVER, "step",
					"ApplyLogBackups"));
		assertThat(logsApplied).as("the lab restored logs in this drill").isPositive();
		assertThat(delta(before, after, "pchat_logs_applied_total", "pool", POOL)).isEqualTo(logsApplied);
		assertThat(delta(before, after, "pchat_step_failures_total", "process", FAILOVER)).isZero();
		assertThat(after.value("pchat_failovers", "pool", POOL, "state", "RUNNING")).isZero();
	}

	@Test
	void aStepThatFailsIsCountedAsAFailedAttemptAndAnIncident() {
		PrometheusScrape before = PrometheusScrape.of(lab.api());
		lab.scenario("sql-down");
		figures.kind("faultKinds", "sql-down");

		String id = lab.start("INC-6102", "metrics drill, backup instance down");
		try {
			assertIncidentCounted(before);
		}
		finally {
			// the pool must be free for the next failover whatever happened here
			lab.json("admin", "DELETE", "/engine-rest/process-instance/" + id, null, 204);
		}
		awaitScrape(scrape -> scrape.value("pchat_failovers", "pool", POOL, "state", "INCIDENT") == 0
				&& scrape.value("pchat_failovers", "pool", POOL, "state", "ABORTED") == before.value("pchat_failovers",
						"pool", POOL, "state", "ABORTED") + 1);
	}

	private void assertIncidentCounted(PrometheusScrape before) {
		PrometheusScrape incident = awaitScrape(scrape -> scrape.value("pchat_failovers", "pool", POOL, "state",
				"INCIDENT") == 1);
		assertThat(delta(before, incident, "pchat_step_failures_total", "step", "CheckPreconditions")).isEqualTo(1);
		assertThat(delta(before, incident, "pchat_incidents_total", "process", FAILOVER, "step", "CheckPreconditions"))
			.isEqualTo(1);
		assertThat(delta(before, incident, "pchat_step_duration_seconds_count", "step", "CheckPreconditions"))
			.as("a step that failed did not end").isZero();
	}

	/** Restores of log backups in the lab's restore history, as a DBA reads msdb.dbo.restorehistory. */
	private long logRestores() {
		JsonNode history = lab.json("admin", "GET", "/api/lab/state", null, 200).path("sql").path("restoreHistory");
		long logs = 0;
		for (JsonNode restore : history) {
			logs += "L".equals(restore.path("type").asText()) ? 1 : 0;
		}
		return logs;
	}

	/** The gauges from the engine's database are read at most every few seconds: wait for the one expected. */
	private PrometheusScrape awaitScrape(java.util.function.Predicate<PrometheusScrape> expected) {
		return await().atMost(ApiClient.TIMEOUT).until(() -> PrometheusScrape.of(lab.api()), expected);
	}

	private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

}
