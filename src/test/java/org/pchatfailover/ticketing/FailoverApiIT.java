package org.pchatfailover.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pchatfailover.ApiClient;
import org.pchatfailover.ApiClient.Response;
import org.pchatfailover.LabTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ticketing contract over real HTTP: start idempotently, conflicts, validation, access, reading state. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailoverApiIT {

	private static final String POOL = "atl-cs-001.litwareinc.com";

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	ApiClient api;

	@BeforeEach
	void noFailoverRunning() {
		api = new ApiClient(port);
		// one pool in the lab: each test starts from no running failover of it; the job executor may be running
		// a step of one right now (optimistic locking), so try again until none is left
		await().atMost(ApiClient.TIMEOUT).ignoreExceptions().until(() -> {
			runtime.createProcessInstanceQuery().list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "reset"));
			return runtime.createProcessInstanceQuery().count() == 0;
		});
	}

	@Test
	void startsAFailoverForATicketAndAnswersTheSameOneWhenAskedAgain() {
		Response created = api.send("ticketing", "POST", "/api/failovers", request("INC-1001"));

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode failover = created.json();
		String id = failover.path("id").asText();
		assertThat(created.location()).endsWith("/api/failovers/" + id);
		assertThat(failover.path("ticketId").asText()).isEqualTo("INC-1001");
		assertThat(failover.path("poolFqdn").asText()).isEqualTo(POOL);
		assertThat(failover.path("state").asText()).isIn("RUNNING", "WAITING_FOR_OPERATOR");
		assertThat(failover.at("/links/self").asText()).isEqualTo("/api/failovers/" + id);
		assertThat(failover.at("/links/report").asText()).isEqualTo("/api/failovers/" + id + "/report");
		assertThat(failover.at("/links/cockpit").asText()).contains("/process-instance/" + id);
		assertThat(failover.at("/links/tasklist").asText()).startsWith("/camunda/app/tasklist/");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("INC-1001").singleResult().getId())
			.isEqualTo(id);

		Response again = api.send("ticketing", "POST", "/api/failovers", request("INC-1001"));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("id").asText()).isEqualTo(id);
	}

	@Test
	void startsExactlyOneFailoverWhenFiftyIdenticalRequestsArriveAtOnce() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(50);
		List<Future<Response>> responses = new ArrayList<>();
		try {
			for (int i = 0; i < 50; i++) {
				Callable<Response> post = () -> api.send("ticketing", "POST", "/api/failovers", request("INC-2002"));
				responses.add(clients.submit(post));
			}
			List<Integer> statuses = new ArrayList<>();
			List<String> ids = new ArrayList<>();
			for (Future<Response> response : responses) {
				Response r = response.get(ApiClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				statuses.add(r.status());
				ids.add(r.json().path("id").asText());
			}
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 200).hasSize(49);
			assertThat(ids).containsOnly(ids.get(0));
			assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("INC-2002").count()).isOne();
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void refusesASecondTicketWhileAFailoverOfThePoolRuns() {
		String first = api.send("ticketing", "POST", "/api/failovers", request("INC-3003")).json().path("id").asText();

		Response second = api.send("ticketing", "POST", "/api/failovers", request("INC-3004"));

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.contentType()).startsWith("application/problem+json");
		assertThat(second.json().path("detail").asText()).contains("INC-3003", POOL);
		assertThat(second.json().path("ticketId").asText()).isEqualTo("INC-3003");
		assertThat(second.json().path("failoverId").asText()).isEqualTo(first);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("INC-3004").count()).isZero();
	}

	@ParameterizedTest(name = "{0} = {1} -> 400")
	@CsvSource(delimiter = '|', value = { "ticketId|''", "ticketId|'INC 1; DROP TABLE x'", "ticketId|-starts-with-dash",
			"poolFqdn|''", "poolFqdn|'atl-cs-001.litwareinc.com''; Remove-Item'", "poolFqdn|unknown-pool.litwareinc.com",
			"reason|''", "requestedBy|''", "requestedBy|'j.doe\u0007'", "callbackUrl|ftp://ticketing.litwareinc.com/cb",
			"callbackUrl|'javascript:alert(1)'", "callbackUrl|not a url",
			"callbackUrl|http://169.254.169.254/latest/meta-data" })
	void refusesABadFieldNamingItAndStartsNothing(String field, String value) {
		Map<String, Object> body = request("INC-4004");
		body.put(field, value);

		Response refused = api.send("ticketing", "POST", "/api/failovers", body);

		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("errors").findValuesAsText("field")).contains(field);
		assertThat(runtime.createProcessInstanceQuery().count()).isZero();
	}

	@Test
	void refusesAnUnknownPropertyAndABodyThatIsNotJson() {
		Map<String, Object> body = request("INC-4005");
		body.put("callbackURL", "https://typo.litwareinc.com");
		Response typo = api.send("ticketing", "POST", "/api/failovers", body);
		Response garbage = api.send("ticketing", "POST", "/api/failovers", "{not json");

		assertThat(typo.status()).isEqualTo(400);
		assertThat(typo.json().path("errors").findValuesAsText("field")).contains("callbackURL");
		assertThat(garbage.status()).isEqualTo(400);
		assertThat(garbage.contentType()).startsWith("application/problem+json");
		assertThat(runtime.createProcessInstanceQuery().count()).isZero();
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource({ "'', POST, /api/failovers, 401", "stranger:wrong, POST, /api/failovers, 401",
			"operator:operator, POST, /api/failovers, 403", "nobody:nobody, POST, /api/failovers, 403",
			"nobody:nobody, GET, /api/failovers?ticketId=INC-5005, 403",
			"'', GET, /api/failovers?ticketId=INC-5005, 401",
			"operator:operator, GET, /api/failovers?ticketId=INC-5005, 200",
			"ticketing:ticketing, GET, /api/failovers?ticketId=INC-5005, 200",
			"admin:admin, GET, /api/failovers?ticketId=INC-5005, 200", "admin:admin, POST, /api/failovers, 201" })
	void letsEachRoleDoWhatItMayAndNoMore(String credentials, String method, String path, int expected) {
		// the wrong password is tried on a user of its own: a failed login delays that user's next one
		if (identity.createUserQuery().userId("nobody").count() == 0) {
			User nobody = identity.newUser("nobody");
			nobody.setPassword("nobody");
			identity.saveUser(nobody);
		}
		Response response = api.send(credentials.isEmpty() ? null : credentials, method, path,
				method.equals("POST") ? request("INC-5005") : null, "application/json");

		assertThat(response.status()).as(response.text()).isEqualTo(expected);
		if (expected >= 400) {
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.text()).doesNotContain("wrong");
		}
	}

	@Test
	void reportsWhereTheFailoverStandsAndHowItEnded() {
		String id = api.send("ticketing", "POST", "/api/failovers", request("INC-6006")).json().path("id").asText();
		await().atMost(ApiClient.TIMEOUT)
			.until(() -> api.send("operator", "GET", "/api/failovers/" + id, null).json().path("state").asText(),
					"WAITING_FOR_OPERATOR"::equals);

		assertThat(api.send("ticketing", "GET", "/api/failovers/" + id, null).json().path("state").asText())
			.as("the ticketing account, which may not read tasks, sees the wait too")
			.isEqualTo("WAITING_FOR_OPERATOR");
		JsonNode waiting = api.send("operator", "GET", "/api/failovers/" + id, null).json();
		assertThat(waiting.path("currentSteps").findValuesAsText("step")).containsExactly("ConfirmFailover");
		assertThat(waiting.path("currentSteps").get(0).path("taskId").asText()).isNotBlank();
		assertThat(waiting.path("pastSteps").findValuesAsText("step")).containsExactly("CheckPreconditions");
		assertThat(waiting.at("/pastSteps/0/durationMillis").asLong()).isNotNegative();
		assertThat(waiting.at("/links/tasklist").asText()).contains(waiting.at("/currentSteps/0/taskId").asText());

		String taskId = waiting.at("/currentSteps/0/taskId").asText();
		Response completed = api.send("operator", "POST", "/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", Map.of("failoverApproved", Map.of("value", "false"), "confirmationComment",
						Map.of("value", "primary is back"))));
		assertThat(completed.status()).isEqualTo(204);

		JsonNode aborted = api.send("ticketing", "GET", "/api/failovers/" + id, null).json();
		assertThat(aborted.path("state").asText()).isEqualTo("ABORTED");
		assertThat(aborted.path("endedAt").asText()).isNotBlank();
		assertThat(aborted.path("pastSteps").findValuesAsText("step")).endsWith("FailoverAborted");
		assertThat(List.of(aborted.at("/links/cockpit").asText(), aborted.at("/links/tasklist").asText()))
			.as("Cockpit Community shows running instances only: a finished failover's links lead to its report")
			.containsOnly("/api/failovers/" + id + "/report");
		assertThat(api.send("ticketing", "GET", "/api/failovers?ticketId=INC-6006", null).json().findValuesAsText("id"))
			.containsExactly(id);
		assertThat(api.send("ticketing", "GET", "/api/failovers/no-such-id", null).status()).isEqualTo(404);
		assertThat(api.send("operator", "GET", "/api/failovers?state=ABORTED&poolFqdn=" + POOL, null).json()
			.findValuesAsText("id")).as("the finished failover is listed").contains(id);
		assertThat(api.send("operator", "GET", "/api/failovers?state=RUNNING&size=100", null).json()
			.findValuesAsText("id")).doesNotContain(id);
		JsonNode newest = api.send("operator", "GET", "/api/failovers?page=0&size=1", null).json();
		assertThat(newest.size()).isEqualTo(1);
		Response badState = api.send("operator", "GET", "/api/failovers?state=FINISHED", null);
		assertThat(badState.status()).isEqualTo(400);
		assertThat(badState.text()).contains("state");
		assertThat(api.send("operator", "GET", "/api/failovers?size=0", null).status()).isEqualTo(400);
	}

	@Test
	void describesTheApiInOpenApi() {
		Response docs = api.send(null, "GET", "/v3/api-docs", null);

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("paths").has("/api/failovers")).isTrue();
		assertThat(docs.json().path("paths").has("/api/failovers/{id}")).isTrue();
		assertThat(api.send(null, "GET", "/swagger-ui/index.html", null, "text/html").status()).isEqualTo(200);
	}

	private static Map<String, Object> request(String ticketId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("ticketId", ticketId);
		body.put("poolFqdn", POOL);
		body.put("reason", "Atlanta data centre lost");
		body.put("requestedBy", "j.doe");
		body.put("callbackUrl", null);
		return body;
	}

}
