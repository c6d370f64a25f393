package org.pchatfailover.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code /api/failbacks} over real HTTP against the lab: the same rules as {@code /api/failovers} (one process per
 * ticket, one per pool, 400 naming the field), the failback's own view, report and callbacks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailbackApiIT {

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
	void stopTicketingAndEndWhatRuns() {
		ticketing.close();
		// one process per pool: what a test left running would make the next one's start a 409
		for (JsonNode instance : lab.json("admin", "GET", "/engine-rest/process-instance", null, 200)) {
			cancel(instance.path("id").asText());
		}
	}

	/**
	 * Cancels a process as an admin does: a step's job may commit at the same moment, and the engine then refuses
	 * the deletion with an OptimisticLockingException (500) that asks for exactly this, a retry.
	 */
	private void cancel(String processInstanceId) {
		await().atMost(ApiClient.TIMEOUT).until(() -> {
			int status = lab.send("admin", "DELETE", "/engine-rest/process-instance/" + processInstanceId, null,
					"application/json").status();
			return status == 204 || status == 404;
		});
	}

	@Test
	void startsOncePerTicketAndReportsItsStepsStateAndCallbacks() {
		JsonNode created = lab.json("ticketing", "POST", "/api/failbacks", request("CHG-1801", ticketing.url("/hook")),
				201);
		String id = created.path("id").asText();
		assertThat(created.path("links").path("self").asText()).isEqualTo("/api/failbacks/" + id);
		assertThat(created.path("links").path("report").asText()).isEqualTo("/api/failbacks/" + id + "/report");

		JsonNode again = lab.json("ticketing", "POST", "/api/failbacks", request("CHG-1801", null), 200);
		assertThat(again.path("id").asText()).isEqualTo(id);
		assertThat(lab.json("ticketing", "GET", "/api/failbacks?ticketId=CHG-1801", null, 200).get(0).path("id")
			.asText()).isEqualTo(id);

		// the lab pool is Normal after a reset: the failback's first step refuses, as an incident
		await().atMost(ApiClient.TIMEOUT).until(() -> lab.json("ticketing", "GET", "/api/failbacks/" + id, null, 200)
			.path("state").asText(), "INCIDENT"::equals);
		JsonNode view = lab.json("operator", "GET", "/api/failbacks/" + id, null, 200);
		assertThat(view.path("incidents").get(0).path("step").asText()).isEqualTo("CheckFailbackPreconditions");
		assertThat(view.path("incidents").get(0).path("message").asText()).contains("is Normal, not FailedOver");
		lab.json("ticketing", "GET", "/api/failovers/" + id, null, 404);

		JsonNode report = lab.json("ticketing", "GET", "/api/failbacks/" + id + "/report", null, 200);
		assertThat(report.path("ticketId").asText()).isEqualTo("CHG-1801");
		assertThat(report.path("state").asText()).isEqualTo("INCIDENT");
		await().atMost(ApiClient.TIMEOUT)
			.untilAsserted(() -> assertThat(ticketing.latestState(id)).isEqualTo("INCIDENT"));
	}

	@Test
	void refusesAFailoverWhileAFailbackRunsOnThePoolAndATicketThatStartedAFailover() {
		String failback = lab.json("ticketing", "POST", "/api/failbacks", request("CHG-1802", null), 201).path("id")
			.asText();

		JsonNode busy = lab.json("ticketing", "POST", "/api/failovers", request("INC-1802", null), 409);
		assertThat(busy.path("failoverId").asText()).isEqualTo(failback);

		cancel(failback);
		String failover = lab.start("INC-1803", "drill");
		JsonNode sameTicket = lab.json("ticketing", "POST", "/api/failbacks", request("INC-1803", null), 409);
		assertThat(sameTicket.path("detail").asText()).contains("already started a failover");
		assertThat(sameTicket.path("failoverId").asText()).isEqualTo(failover);
	}

	@Test
	void answersABadTicketIdWith400NamingTheField() {
		Map<String, Object> bad = request("CHG 1804; DROP", null);
		JsonNode problem = lab.json("ticketing", "POST", "/api/failbacks", bad, 400);
		assertThat(problem.toString()).contains("ticketId");
		lab.json("operator", "POST", "/api/failbacks", request("CHG-1805", null), 403);
	}

	@Test
	void listsTheFailbacksNewestFirstPagedAndFilteredWithoutTheFailovers() {
		String older = lab.json("ticketing", "POST", "/api/failbacks", request("CHG-1806", null), 201).path("id")
			.asText();
		awaitState(older, "INCIDENT");
		cancel(older);
		String newer = lab.json("ticketing", "POST", "/api/failbacks", request("CHG-1807", null), 201).path("id")
			.asText();
		awaitState(newer, "INCIDENT");
		cancel(newer);
		String failover = lab.start("INC-1808", "drill");

		assertThat(ids("/api/failbacks?page=0&size=1")).containsExactly(newer);
		assertThat(ids("/api/failbacks?page=1&size=1")).containsExactly(older);
		assertThat(ids("/api/failbacks?size=100")).contains(newer, older).doesNotContain(failover);
		assertThat(ids("/api/failbacks?state=RUNNING&size=100")).doesNotContain(newer, older);
		assertThat(ids("/api/failbacks?poolFqdn=" + LabDrill.POOL + "&size=100")).contains(newer, older);
		assertThat(ids("/api/failbacks?poolFqdn=no-such-pool.litwareinc.com")).isEmpty();
		assertThat(ids("/api/failbacks?ticketId=CHG-1806")).containsExactly(older);
		assertThat(ids("/api/failovers?size=100")).contains(failover).doesNotContain(newer, older);

		String aborted = lab.json("operator", "GET", "/api/failbacks/" + newer, null, 200).path("state").asText();
		assertThat(ids("/api/failbacks?size=100&state=" + aborted)).contains(newer, older);

		for (String bad : List.of("state=FINISHED", "poolFqdn=not_an_fqdn!", "page=-1", "size=0", "size=101",
				"ticketId=CHG%201806;DROP")) {
			String field = bad.substring(0, bad.indexOf('='));
			JsonNode problem = lab.json("operator", "GET", "/api/failbacks?" + bad, null, 400);
			assertThat(problem.at("/errors/0/field").asText()).as(bad).isEqualTo(field);
		}
	}

	private void awaitState(String id, String state) {
		await().atMost(ApiClient.TIMEOUT).until(() -> lab.json("ticketing", "GET", "/api/failbacks/" + id, null, 200)
			.path("state").asText(), state::equals);
	}

	private List<String> ids(String path) {
		return lab.json("operator", "GET", path, null, 200).findValuesAsText("id");
	}

	private static Map<String, Object> request(String ticketId, String callbackUrl) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("ticketId", ticketId);
		request.put("poolFqdn", LabDrill.POOL);
		request.put("reason", "drill: Atlanta rebuilt");
		request.put("requestedBy", "j.doe");
		if (callbackUrl != null) {
			request.put("callbackUrl", callbackUrl);
		}
		return request;
	}

}
