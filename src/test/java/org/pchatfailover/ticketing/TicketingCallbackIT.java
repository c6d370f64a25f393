package org.pchatfailover.ticketing;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.LabTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * Lab drills that call a ticketing system on loopback back: which milestones arrive, that a failed callback is
 * delivered again, and that a slow or dead ticketing system never holds or fails the failover.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TicketingCallbackIT {

	private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

	private static final ObjectMapper JSON = new ObjectMapper();

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
		// a failing step becomes an incident at its first failure
		registry.add("pchat.retry.cycle", () -> "R1/PT1S");
		// two attempts a second apart, and a job executor that looks for due jobs every second
		registry.add("pchat.ticketing.retry-schedule", () -> "PT1S");
		registry.add("pchat.ticketing.callback-timeout", () -> "PT30S");
		registry.add("camunda.bpm.job-execution.wait-time-in-millis", () -> 200);
		registry.add("camunda.bpm.job-execution.max-wait", () -> 1000);
	}

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private CallbackReceiver ticketing;

	@BeforeEach
	void startTicketingAndResetTheLab() throws Exception {
		ticketing = new CallbackReceiver();
		send("admin", "POST", "/api/lab/scenarios/normal", null, 200);
	}

	@AfterEach
	void stopTicketing() {
		ticketing.close();
	}

	@Test
	void callsBackAtEveryMilestoneAndDeliversAFailedCallbackAgainWithoutHoldingTheFailover() throws Exception {
		String id = start("INC-7001", ticketing.url("/flaky"));
		await().atMost(STEP_TIMEOUT).until(ticketing::holdsACallback);
		// the ticketing system still holds the RUNNING callback, the failover went on to the operator
		awaitTask("INC-7001", "ConfirmFailover");
		ticketing.releaseHeldCallback();

		drill("INC-7001");
		await().atMost(STEP_TIMEOUT).until(() -> ticketing.callbacks(id).size() == 6);

		assertThat(ticketing.milestones(id)).containsExactly("RUNNING FailoverRequested",
				"RUNNING FailoverRequested", "WAITING_FOR_OPERATOR ConfirmFailover",
				"WAITING_FOR_OPERATOR ConfirmActiveServers", "WAITING_FOR_OPERATOR VerifyService",
				"COMPLETED FailoverCompleted");
		List<JsonNode> running = ticketing.callbacks(id).stream()
			.filter(c -> "RUNNING".equals(c.path("state").asText())).toList();
		assertThat(running.get(1)).as("the same callback, delivered again").isEqualTo(running.get(0));
		assertThat(running.get(0).path("ticketId").asText()).isEqualTo("INC-7001");
		await().atMost(STEP_TIMEOUT).until(() -> callbackJobs(id).isEmpty());
	}

	@Test
	void callsBackAbortedWhenTheOperatorAbortsTheFailover() throws Exception {
		String id = start("INC-7002", ticketing.url("/hook"));
		abort("INC-7002");

		await().atMost(STEP_TIMEOUT).until(() -> ticketing.callbacks(id).size() == 3);
		assertThat(ticketing.milestones(id)).containsExactly("RUNNING FailoverRequested",
				"WAITING_FOR_OPERATOR ConfirmFailover", "ABORTED FailoverAborted");
	}

	@Test
	void callsBackTheIncidentOfTheFailingStepAndAbortedWhenAnAdminCancelsTheFailover() throws Exception {
		send("admin", "POST", "/api/lab/scenarios/sql-down", null, 200);
		String id = start("INC-7003", ticketing.url("/hook"));

		await().atMost(STEP_TIMEOUT).until(() -> ticketing.callbacks(id).size() == 2);
		assertThat(ticketing.milestones(id)).containsExactly("RUNNING FailoverRequested",
				"INCIDENT CheckPreconditions");
		assertThat(management.createJobQuery().processInstanceId(id).noRetriesLeft().count()).isOne();

		send("admin", "DELETE", "/engine-rest/process-instance/" + id, null, 204);
		await().atMost(STEP_TIMEOUT).until(() -> ticketing.callbacks(id).size() == 3);
		assertThat(ticketing.callbacks(id).get(2).path("state").asText()).isEqualTo("ABORTED");
	}

	@Test
	void completesTheFailoverWhileTheTicketingSystemIsDeadAndLeavesTheCallbacksAsFailedJobs() throws Exception {
		String dead = "http://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort() + "/hook";
		String id = start("INC-7004", dead);
		drill("INC-7004");

		await().atMost(STEP_TIMEOUT).until(() -> callbackJobs(id).size() == 5
				&& callbackJobs(id).stream().allMatch(job -> job.getRetries() == 0));
		assertThat(callbackJobs(id)).allSatisfy(job -> assertThat(job.getExceptionMessage()).contains("failed"));
		assertThat(management.createJobQuery().processInstanceId(id).count()).isZero();
		JsonNode incidents = send("admin", "GET", "/engine-rest/history/incident?processInstanceId=" + id, null, 200);
		assertThat(incidents.size()).as("incidents of the failover").isZero();
	}

	@Test
	void stopsDeliveringACallbackTheTicketingSystemRejects() throws Exception {
		String id = start("INC-7006", ticketing.url("/gone"));
		abort("INC-7006");

		await().atMost(STEP_TIMEOUT).until(() -> callbackJobs(id).size() == 3
				&& callbackJobs(id).stream().allMatch(job -> job.getRetries() == 0));
		assertThat(ticketing.milestones(id)).as("each callback once, no retry").containsExactly(
				"RUNNING FailoverRequested", "WAITING_FOR_OPERATOR ConfirmFailover", "ABORTED FailoverAborted");
		assertThat(callbackJobs(id)).allSatisfy(job -> assertThat(job.getExceptionMessage()).contains("answered 410"));
	}

	@Test
	void callsNobodyBackWithoutACallbackUrl() throws Exception {
		String id = start("INC-7005", null);
		abort("INC-7005");

		assertThat(callbackJobs(id)).isEmpty();
		assertThat(ticketing.callbacks(id)).isEmpty();
	}

	/** Works the operator's tasks of a failover through to FailoverCompleted. */
	private void drill(String ticketId) throws Exception {
		complete(ticketId, "ConfirmFailover", Map.of("failoverApproved", "true", "confirmationComment", "drill",
				"primaryDatabaseDown", true, "primaryMirrorDown", true, "frontEndDown", true,
				"complianceOutputSecured", true));
		complete(ticketId, "ConfirmActiveServers", Map.of());
		complete(ticketId, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "drill"));
		await().atMost(STEP_TIMEOUT).until(() -> ended(ticketId));
	}

	private void abort(String ticketId) throws Exception {
		complete(ticketId, "ConfirmFailover",
				Map.of("failoverApproved", "false", "confirmationComment", "drill: primary is back"));
		await().atMost(STEP_TIMEOUT).until(() -> ended(ticketId));
	}

	/** The callback jobs of a failover: found by the failover's id in their configuration. */
	private List<JobEntity> callbackJobs(String failoverId) {
		return management.createJobQuery().list().stream()
			.map(JobEntity.class::cast)
			.filter(job -> CallbackJobHandler.TYPE.equals(job.getJobHandlerType()))
			.filter(job -> failoverId.equals(CallbackJob.parse(job.getJobHandlerConfigurationRaw()).callback().id()))
			.toList();
	}

	private String start(String ticketId, String callbackUrl) throws Exception {
		Map<String, Object> variables = new HashMap<>(Map.of("poolFqdn", Map.of("value", "atl-cs-001.litwareinc.com"),
				"ticketId", Map.of("value", ticketId), "reason", Map.of("value", "drill"), "requestedBy",
				Map.of("value", "drill lead")));
		if (callbackUrl != null) {
			variables.put("callbackUrl", Map.of("value", callbackUrl));
		}
		String body = JSON.writeValueAsString(Map.of("businessKey", ticketId, "variables", variables));
		return send("ticketing", "POST", "/engine-rest/process-definition/key/persistentChatFailover/start", body, 200)
			.path("id")
			.asText();
	}

	private String awaitTask(String ticketId, String taskKey) {
		String query = "/engine-rest/task?processInstanceBusinessKey=" + ticketId + "&taskDefinitionKey=" + taskKey;
		await().atMost(STEP_TIMEOUT).until(() -> send("operator", "GET", query, null, 200).size() == 1);
		return uncheckedSend("operator", query).get(0).path("id").asText();
	}

	private void complete(String ticketId, String taskKey, Map<String, Object> variables) throws Exception {
		String taskId = awaitTask(ticketId, taskKey);
		Map<String, Object> typed = new HashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		send("operator", "POST", "/engine-rest/task/" + taskId + "/complete",
				JSON.writeValueAsString(Map.of("variables", typed)), 204);
	}

	private boolean ended(String ticketId) throws Exception {
		JsonNode instances = send("admin", "GET",
				"/engine-rest/history/process-instance?processInstanceBusinessKey=" + ticketId, null, 200);
		return "COMPLETED".equals(instances.get(0).path("state").asText());
	}

	private JsonNode uncheckedSend(String user, String path) {
		try {
			return send(user, "GET", path, null, 200);
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode send(String user, String method, String path, String body, int expectedStatus)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(STEP_TIMEOUT)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
		return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
	}

}
