package org.pchatfailover.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.LabDrill;
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

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
		LabTestSupport.incidentAtFirstFailure(registry);
		// two attempts of a callback a second apart
		registry.add("pchat.ticketing.retry-schedule", () -> "PT1S");
		registry.add("pchat.ticketing.callback-timeout", () -> "PT30S");
	}

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

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
	void callsBackAtEveryMilestoneAndDeliversAFailedCallbackAgainWithoutHoldingTheFailover() {
		String id = start("INC-7001", ticketing.url("/flaky"));
		await().atMost(ApiClient.TIMEOUT).until(ticketing::holdsACallback);
		// the ticketing system still holds the RUNNING callback, the failover went on to the operator
		lab.awaitTask(id, "ConfirmFailover");
		ticketing.releaseHeldCallback();

		drill(id);
		await().atMost(ApiClient.TIMEOUT).until(() -> ticketing.callbacks(id).size() == 6);

		assertThat(ticketing.milestones(id)).containsExactly("RUNNING FailoverRequested",
				"RUNNING FailoverRequested", "WAITING_FOR_OPERATOR ConfirmFailover",
				"WAITING_FOR_OPERATOR ConfirmActiveServers", "WAITING_FOR_OPERATOR VerifyService",
				"COMPLETED FailoverCompleted");
		List<JsonNode> running = ticketing.callbacks(id).stream()
			.filter(c -> "RUNNING".equals(c.path("state").asText())).toList();
		assertThat(running.get(1)).as("the same callback, delivered again").isEqualTo(running.get(0));
		assertThat(running.get(0).path("ticketId").asText()).isEqualTo("INC-7001");
		await().atMost(ApiClient.TIMEOUT).until(() -> callbackJobs(id).isEmpty());
	}

	@Test
	void callsBackAbortedWhenTheOperatorAbortsTheFailover() {
		String id = start("INC-7002", ticketing.url("/hook"));
		abort(id);

		await().atMost(ApiClient.TIMEOUT).until(() -> ticketing.callbacks(id).size() == 3);
		assertThat(ticketing.milestones(id)).containsExactly("RUNNING FailoverRequested",
				"WAITING_FOR_OPERATOR ConfirmFailover", "ABORTED FailoverAborted");
	}

	@Test
	void callsBackTheIncidentOfTheFailingStepAndAbortedWhenAnAdminCancelsTheFailover() {
		lab.scenario("sql-down");
		String id = start("INC-7003", ticketing.url("/hook"));

		await().atMost(ApiClient.TIMEOUT).until(() -> ticketing.callbacks(id).size() == 2);
		assertThat(ticketing.milestones(id)).containsExactly("RUNNING FailoverRequested",
				"INCIDENT CheckPreconditions");
		assertThat(management.createJobQuery().processInstanceId(id).noRetriesLeft().count()).isOne();
		// what the ticketing system reads: the incident, the step and a message naming the instance
		JsonNode failover = lab.json("ticketing", "GET", "/api/failovers/" + id, null, 200);
		assertThat(failover.path("state").asText()).isEqualTo("INCIDENT");
		assertThat(failover.at("/incidents/0/step").asText()).isEqualTo("CheckPreconditions");
		assertThat(failover.at("/incidents/0/message").asText()).contains("dal-sql-bk.litwareinc.com\\PCHAT");

		lab.json("admin", "DELETE", "/engine-rest/process-instance/" + id, null, 204);
		await().atMost(ApiClient.TIMEOUT).until(() -> ticketing.callbacks(id).size() == 3);
		assertThat(ticketing.callbacks(id).get(2).path("state").asText()).isEqualTo("ABORTED");
	}

	@Test
	void completesTheFailoverWhileTheTicketingSystemIsDeadAndLeavesTheCallbacksAsFailedJobs() {
		String dead = "http://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort() + "/hook";
		String id = start("INC-7004", dead);
		drill(id);

		await().atMost(ApiClient.TIMEOUT).until(() -> callbackJobs(id).size() == 5
				&& callbackJobs(id).stream().allMatch(job -> job.getRetries() == 0));
		assertThat(callbackJobs(id)).allSatisfy(job -> assertThat(job.getExceptionMessage()).contains("failed"));
		assertThat(management.createJobQuery().processInstanceId(id).count()).isZero();
		JsonNode incidents = lab.json("admin", "GET", "/engine-rest/history/incident?processInstanceId=" + id, null, 200);
		assertThat(incidents.size()).as("incidents of the failover").isZero();
	}

	@Test
	void stopsDeliveringACallbackTheTicketingSystemRejects() {
		String id = start("INC-7006", ticketing.url("/gone"));
		abort(id);

		await().atMost(ApiClient.TIMEOUT).until(() -> callbackJobs(id).size() == 3
				&& callbackJobs(id).stream().allMatch(job -> job.getRetries() == 0));
		assertThat(ticketing.milestones(id)).as("each callback once, no retry").containsExactly(
				"RUNNING FailoverRequested", "WAITING_FOR_OPERATOR ConfirmFailover", "ABORTED FailoverAborted");
		assertThat(callbackJobs(id)).allSatisfy(job -> assertThat(job.getExceptionMessage()).contains("answered 410"));
	}

	@Test
	void callsNobodyBackWithoutACallbackUrl() {
		String id = start("INC-7005", null);
		abort(id);

		assertThat(callbackJobs(id)).isEmpty();
		assertThat(ticketing.callbacks(id)).isEmpty();
	}

	/** Works the operator's tasks of a failover through to FailoverCompleted. */
	private void drill(String id) {
		lab.approve(id, "drill");
		lab.complete(id, "ConfirmActiveServers", Map.of());
		lab.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "drill"));
		lab.awaitCompleted(id);
	}

	private void abort(String id) {
		lab.complete(id, "ConfirmFailover", Map.of("failoverApproved", "false", "confirmationComment",
				"drill: primary is back"));
		lab.awaitState(id, "ABORTED");
	}

	/** The callback jobs of a failover: found by the failover's id in their configuration. */
	private List<JobEntity> callbackJobs(String failoverId) {
		return management.createJobQuery().list().stream()
			.map(JobEntity.class::cast)
			.filter(job -> CallbackJobHandler.TYPE.equals(job.getJobHandlerType()))
			.filter(job -> failoverId.equals(CallbackJob.parse(job.getJobHandlerConfigurationRaw()).callback().id()))
			.toList();
	}

	private String start(String ticketId, String callbackUrl) {
		return lab.start(ticketId, "drill", callbackUrl);
	}

}
