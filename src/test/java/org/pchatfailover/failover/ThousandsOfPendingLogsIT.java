package org.pchatfailover.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A failover whose secondary fell far behind: 2,000 log backups to apply, 1,999 of them only on the share. The plan
 * is stored and shown (before, its summary outgrew Camunda's 4000-character String variables and CheckPreconditions
 * failed at its commit from about 40 pending logs), the operator approves it as Tasklist submits a Camunda Form, and
 * every log is restored once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThousandsOfPendingLogsIT {

	private static final int PENDING = 2000;

	/** Copying and restoring thousands of files in the lab takes minutes on a loaded machine. */
	private static final Duration FAILOVER_TIMEOUT = Duration.ofMinutes(10);

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void showsAndCarriesOutAPlanOfTwoThousandPendingLogs() {
		LabDrill drill = new LabDrill(port);
		// the lab's first five log backups are restored already; one of the pending ones is copied
		drill.scenario("uncopied-files?logs=" + (PENDING + 5));
		String id = drill.start("INC-7002", "the secondary fell two thousand logs behind");
		String taskId = drill.awaitTask(id, "ConfirmFailover");

		// what Tasklist reads to fill the Camunda Form (cam-tasklist-form-camunda.js: deserializeValues=false)
		JsonNode form = drill.json("operator", "GET", "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false",
				null, 200);
		JsonNode plan = json(form.at("/failoverPlan/value").asText());
		List<String> logs = StreamSupport.stream(plan.path("logsToApply").spliterator(), false)
			.map(log -> log.path("fileName").asText())
			.toList();
		assertThat(logs).hasSize(PENDING).doesNotHaveDuplicates();
		assertThat(plan.path("filesToCopy").size()).isEqualTo(PENDING - 1);
		String summary = form.at("/planSummary/value").asText();
		assertThat(form.at("/planSummary/type").asText()).isEqualTo("String");
		assertThat(summary).hasSizeLessThanOrEqualTo(TextVariables.MAX_LENGTH)
			.contains("Files to copy: " + (PENDING - 1) + "\n", "Log backups to apply in LSN order: " + PENDING + "\n",
					"Log backups already applied: 5\n")
			.contains("  - " + logs.get(0) + " (LSN ", "  - " + logs.get(PENDING - 1) + " (LSN ")
			.contains("  ... " + (PENDING - 10) + " more, every one in the process variable failoverPlan")
			.doesNotContain(logs.get(PENDING / 2))
			.doesNotContain("[cut here");

		// refused before the database would have refused it, naming the field: a 400 over the engine REST API
		String tooLong = "x".repeat(TextVariables.MAX_LENGTH + 1);
		JsonNode refused = drill.json("operator", "POST", "/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", Map.of("failoverApproved", Map.of("value", "true"), "confirmationComment",
						Map.of("value", tooLong))), 400);
		assertThat(refused.path("message").asText()).contains("ConfirmFailover cannot be completed")
			.contains("confirmationComment").contains("4000");

		// as form-js submits it: read-only fields (planSummary, readinessSummary) go back as plain values
		Map<String, Object> submitted = new LinkedHashMap<>();
		submitted.put("planSummary", Map.of("value", summary));
		submitted.put("readinessSummary", Map.of("value", form.at("/readinessSummary/value").asText()));
		List.of("primaryDatabaseDown", "primaryMirrorDown", "frontEndDown", "complianceOutputSecured")
			.forEach(name -> submitted.put(name, Map.of("value", true)));
		submitted.put("failoverApproved", Map.of("value", "true"));
		submitted.put("confirmationComment", Map.of("value", "two thousand logs: approved"));
		drill.json("operator", "POST", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", submitted),
				204);

		String activeServers = awaitTask(drill, id, "ConfirmActiveServers");
		drill.json("operator", "POST", "/engine-rest/task/" + activeServers + "/complete", Map.of("variables", Map.of()),
				204);
		drill.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "posted"));
		drill.awaitCompleted(id);

		JsonNode lab = drill.json("admin", "GET", "/api/lab/state", null, 200);
		List<String> restored = StreamSupport.stream(lab.at("/sql/restoreHistory").spliterator(), false)
			.filter(restore -> restore.path("type").asText().equals("L"))
			.map(restore -> restore.path("file").asText().replaceAll(".*\\\\", ""))
			.toList();
		assertThat(restored).as("log backups restored, by file").hasSize(PENDING + 5).doesNotHaveDuplicates()
			.containsAll(logs);
		JsonNode report = drill.json("ticketing", "GET", "/api/failovers/" + id + "/report", null, 200);
		assertThat(report.at("/dataLoss/description").asText()).isNotBlank();
		JsonNode applied = StreamSupport.stream(report.path("timeline").spliterator(), false)
			.filter(step -> step.path("stepId").asText().equals("ApplyLogBackups"))
			.findFirst()
			.orElseThrow();
		assertThat(StreamSupport.stream(applied.path("actions").spliterator(), false)
			.filter(action -> action.path("succeeded").asBoolean()
					&& action.path("command").asText().startsWith("RESTORE LOG @P0 FROM DISK")))
			.as("restores in ApplyLogBackups' part of the report").hasSize(PENDING);
	}

	/** The task once the failover reached it; the steps before it copy and restore thousands of files. */
	private static String awaitTask(LabDrill drill, String id, String taskKey) {
		String query = "/engine-rest/task?processInstanceId=" + id + "&taskDefinitionKey=" + taskKey;
		await().atMost(FAILOVER_TIMEOUT)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> drill.json("operator", "GET", query, null, 200).size() == 1);
		return drill.json("operator", "GET", query, null, 200).get(0).path("id").asText();
	}

	private static JsonNode json(String text) {
		try {
			return ApiClient.JSON.readTree(text);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
