package org.pchatfailover.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pchatfailover.ApiClient;
import org.pchatfailover.ApiClient.Response;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.failover.FailoverRegistry;
import org.pchatfailover.reliability.ReliabilityFigures;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a hostile client tries against the packaged app, over real HTTP, and what it gets: a stranger guessing
 * ticketing's password (from 127.0.0.2), an operator writing variables beyond its task's form through every engine
 * REST endpoint that writes one, an administrator's engine start for a busy pool, loose JSON and over-long values on
 * {@code /api/failovers}. Each refusal is checked to have changed nothing: variables, history, lab. The tests share one
 * failover of the lab pool and run in order: the last ones move it on to ConfirmActiveServers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileClientsIT {

	private static final String STRANGER = "127.0.0.2";

	private static final String TICKET = "INC-6660";

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	FailoverRegistry registry;

	LabDrill drill;

	ReliabilityFigures figures;

	final List<SourceBoundHttp.Response> strangersGuesses = new ArrayList<>();

	String failoverId;

	@BeforeAll
	void aStrangerGuessesTicketingsPasswordThenTicketingStartsAFailover() {
		figures = ReliabilityFigures.of(HostileClientsIT.class);
		drill = new LabDrill(port);
		String body = "{\"ticketId\":\"INC-6661\",\"poolFqdn\":\"" + LabDrill.POOL
				+ "\",\"reason\":\"guessing\",\"requestedBy\":\"mallory\"}";
		for (int i = 0; i < 50; i++) {
			strangersGuesses.add(SourceBoundHttp.send(STRANGER, port, "POST", "/api/failovers",
					Map.of("Authorization", SourceBoundHttp.basic("ticketing", "guess-" + i), "Content-Type",
							"application/json"), body));
		}
		failoverId = drill.start(TICKET, "hostile clients");
		drill.awaitTask(failoverId, "ConfirmFailover");
	}

	@Test
	@Order(1)
	void throttlesTheGuessingAddressAndNeverLocksTheAccount() {
		List<Integer> statuses = strangersGuesses.stream().map(SourceBoundHttp.Response::status).toList();
		figures.add("badInputsTried", statuses.size());
		figures.add("badInputsRejected", statuses.stream().filter(s -> s == 401 || s == 429).count());

		assertThat(statuses.subList(0, 10)).as("the default pchat.security.login-throttle.max-failures").containsOnly(401);
		assertThat(statuses.subList(10, 50)).containsOnly(429);
		SourceBoundHttp.Response throttled = strangersGuesses.get(49);
		assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 300);
		assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
		assertThat(throttled.body()).doesNotContain("guess-").contains("\"title\":\"Too Many Requests\"");
		// the title in the reader's language, like every other problem; status, detail and Retry-After unchanged
		SourceBoundHttp.Response german = SourceBoundHttp.send(STRANGER, port, "GET", "/api/failovers",
				Map.of("Authorization", SourceBoundHttp.basic("ticketing", "guess-de"), "Accept-Language", "de-DE,de;q=0.9"),
				null);
		assertThat(german.status()).isEqualTo(429);
		assertThat(german.header("Content-Language")).isEqualTo("de");
		assertThat(german.body()).contains("\"title\":\"Zu viele Anfragen\"", "\"status\":429",
				"too many failed logins from this address");
		assertThat(Integer.parseInt(german.header("Retry-After"))).isBetween(1, 300);
		assertThat(registry.findByTicket("INC-6661")).isEmpty();
		// ticketing started the failover from its own address in the setup (201); it reads it from there too
		assertThat(drill.json("ticketing", "GET", "/api/failovers/" + failoverId, null, 200).path("ticketId").asText())
			.isEqualTo(TICKET);
		// the throttled address is refused whatever it sends, before any password is checked
		assertThat(SourceBoundHttp.send(STRANGER, port, "GET", "/engine-rest/task",
				Map.of("Authorization", SourceBoundHttp.basic("operator", "operator")), null).status()).isEqualTo(429);
		assertThat(SourceBoundHttp.send(STRANGER, port, "POST", "/camunda/api/admin/auth/user/default/login/tasklist",
				Map.of("Content-Type", "application/x-www-form-urlencoded"), "username=ticketing&password=x").status())
			.isEqualTo(429);
		assertThat(SourceBoundHttp.send(STRANGER, port, "GET", "/actuator/prometheus",
				Map.of("Authorization", SourceBoundHttp.basic("admin", "guess")), null).status()).isEqualTo(429);
		// a load balancer's anonymous health poll carries no password, so the throttle never stands in its way
		assertThat(SourceBoundHttp.send(STRANGER, port, "GET", "/actuator/health", Map.of(), null).status())
			.isEqualTo(200);
	}

	@ParameterizedTest(name = "{0} {1}")
	@Order(2)
	@CsvSource(delimiter = '|', value = {
			"PUT|/task/{task}/variables/actionLog|{\"value\":\"[]\",\"type\":\"String\"}|403",
			"POST|/task/{task}/variables|{\"modifications\":{\"poolFqdn\":{\"value\":\"evil.litwareinc.com\"}}}|403",
			"PUT|/task/{task}/localVariables/failoverApproved|{\"value\":true,\"type\":\"Boolean\"}|403",
			"POST|/task/{task}/localVariables|{\"modifications\":{\"ticketId\":{\"value\":\"INC-1\"}}}|403",
			"PUT|/process-instance/{failover}/variables/ticketId|{\"value\":\"INC-1\",\"type\":\"String\"}|403",
			"POST|/process-instance/{failover}/variables|{\"modifications\":{\"callbackUrl\":{\"value\":\"http://127.0.0.1:9/x\"}}}|403",
			"PUT|/execution/{failover}/localVariables/failoverPlan|{\"value\":\"{}\",\"type\":\"String\"}|403",
			"POST|/process-instance/{failover}/modification|{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"SetPoolFailedOver\"}]}|403",
			"POST|/process-instance/variables-async|{\"processInstanceIds\":[\"{failover}\"],\"variables\":{\"actionLog\":{\"value\":\"[]\"}}}|403",
			"POST|/message|{\"messageName\":\"anything\",\"processInstanceId\":\"{failover}\",\"processVariables\":{\"poolFqdn\":{\"value\":\"evil.litwareinc.com\"}}}|4xx",
			"POST|/task/{task}/bpmnError|{\"errorCode\":\"LOG_CHAIN_BROKEN\",\"variables\":{\"actionLog\":{\"value\":\"[]\"}}}|403",
			"POST|/task/{task}/bpmnEscalation|{\"escalationCode\":\"x\",\"variables\":{\"ticketId\":{\"value\":\"INC-1\"}}}|403",
			"POST|/task/{task}/delegate|{\"userId\":\"admin\"}|403",
			"POST|/task/{task}/complete|{\"variables\":{DECISION,\"actionLog\":{\"value\":\"[]\"}}}|400 actionLog",
			"POST|/task/{task}/complete|{\"variables\":{DECISION,\"poolFqdn\":{\"value\":\"evil.litwareinc.com\"}}}|400 poolFqdn",
			"POST|/task/{task}/complete|{\"variables\":{DECISION,\"ticketId\":{\"value\":\"INC-1\"}}}|400 ticketId",
			"POST|/task/{task}/complete|{\"variables\":{DECISION,\"callbackUrl\":{\"value\":\"http://127.0.0.1:9/x\"}}}|400 callbackUrl",
			"POST|/task/{task}/complete|{\"variables\":{DECISION,\"failoverPlan\":{\"value\":\"{}\"}}}|400 failoverPlan",
			"POST|/task/{task}/submit-form|{\"variables\":{DECISION,\"planSummary\":{\"value\":\"nothing to lose\"}}}|400 planSummary",
			"POST|/task/{task}/complete|{\"variables\":{DECISION_LONG_COMMENT}}|400 confirmationComment" })
	void refusesEveryWayAnOperatorCouldWriteBeyondItsTasksForm(String method, String path, String body, String expected) {
		String taskId = drill.awaitTask(failoverId, "ConfirmFailover");
		Map<String, String> before = variables();
		long updatesBefore = history.createHistoricDetailQuery().processInstanceId(failoverId).variableUpdates().count();
		JsonNode labBefore = labState();

		Response answer = drill.api().send("operator:operator", method,
				"/engine-rest" + path.replace("{task}", taskId).replace("{failover}", failoverId),
				body.replace("{failover}", failoverId).replace("DECISION_LONG_COMMENT", decision("x".repeat(4001)))
					.replace("DECISION", decision("all preconditions checked")),
				"application/json");
		figures.add("badInputsTried", 1);

		if (expected.equals("4xx")) {
			assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
		}
		else {
			assertThat(answer.status()).as(answer.text()).isEqualTo(Integer.parseInt(expected.substring(0, 3)));
		}
		if (expected.startsWith("400 ")) {
			assertThat(answer.json().path("message").asText()).contains("'" + expected.substring(4) + "'");
		}
		figures.add("badInputsRejected", 1);
		assertThat(drill.awaitTask(failoverId, "ConfirmFailover")).as("the task is still open").isEqualTo(taskId);
		assertThat(variables()).isEqualTo(before);
		assertThat(history.createHistoricDetailQuery().processInstanceId(failoverId).variableUpdates().count())
			.isEqualTo(updatesBefore);
		assertThat(labState()).isEqualTo(labBefore);
	}

	@Test
	@Order(3)
	void refusesAnAdministratorsEngineStartWhileAFailoverOfThePoolRuns() {
		for (String ticket : new String[] { "INC-6662", TICKET }) {
			Response start = drill.api().send("admin:admin", "POST",
					"/engine-rest/process-definition/key/persistentChatFailover/start",
					Map.of("businessKey", ticket, "variables", Map.of("poolFqdn", Map.of("value", LabDrill.POOL))),
					"application/json");
			figures.add("badInputsTried", 1);

			// the engine REST API answers every refused start with 500 ("Cannot instantiate"); the message says why
			assertThat(start.status()).isEqualTo(500);
			assertThat(start.text()).containsAnyOf("already running for ticket " + TICKET, "already started failover");
			figures.add("badInputsRejected", 1);
		}
		assertThat(registry.findByTicket("INC-6662")).isEmpty();
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("persistentChatFailover").count()).isOne();
	}

	@Test
	@Order(4)
	void servesTheReportWithAContentSecurityPolicyAndNosniff() {
		for (String accept : new String[] { "text/html", "application/json", "text/markdown" }) {
			SourceBoundHttp.Response report = SourceBoundHttp.send("127.0.0.1", port, "GET",
					"/api/failovers/" + failoverId + "/report",
					Map.of("Authorization", SourceBoundHttp.basic("operator", "operator"), "Accept", accept), null);

			assertThat(report.status()).isEqualTo(200);
			assertThat(report.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(report.header("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'sha256-")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe");
		}
	}

	@Test
	@Order(5)
	void takesTheFormAsTasklistSendsItAndReportsWhoReallyCompletedIt() {
		String taskId = drill.awaitTask(failoverId, "ConfirmFailover");
		String planSummary = String.valueOf(runtime.getVariable(failoverId, "planSummary"));
		// claiming in someone else's name is "working on the task" in Camunda; the report must not believe it
		drill.api().send("operator:operator", "POST", "/engine-rest/task/" + taskId + "/claim",
				Map.of("userId", "admin"), "application/json");

		Response submitted = drill.api().send("operator:operator", "POST",
				"/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{" + decision("all checked")
						+ ",\"planSummary\":{\"value\":" + ApiClient.JSON.valueToTree(planSummary) + "}}}",
				"application/json");

		assertThat(submitted.status()).as(submitted.text()).isEqualTo(204);
		drill.awaitTask(failoverId, "ConfirmActiveServers");
		JsonNode decision = drill.json("operator", "GET", "/api/failovers/" + failoverId + "/report", null, 200)
			.path("decisions")
			.get(0);
		assertThat(decision.path("stepId").asText()).isEqualTo("ConfirmFailover");
		assertThat(decision.path("user").asText()).isEqualTo("operator");
	}

	@Test
	@Order(6)
	void refusesAnActiveServerOutsideThePoolsCandidatesEvenWithLowLatencyConfirmed() {
		String taskId = drill.awaitTask(failoverId, "ConfirmActiveServers");
		Object proposal = runtime.getVariable(failoverId, "activeServers");
		JsonNode labBefore = labState();

		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(log);
		Response answer;
		try {
			answer = drill.api().send("operator:operator", "POST", "/engine-rest/task/" + taskId + "/complete",
					Map.of("variables", Map.of("activeServers", Map.of("value", "dal-pc-001.litwareinc.com,mallory.example.com"),
							"lowLatencyConfirmed", Map.of("value", true))),
					"application/json");
		}
		finally {
			root.detachAppender(log);
		}
		figures.add("badInputsTried", 1);

		// a refusal is a conversation: 400 naming the form's label, one WARN line, no error with a trace
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.text()).contains("mallory.example.com is not a configured active-server candidate")
			.contains("'Active servers' (activeServers)")
			.doesNotContain("ENGINE-03051");
		assertThat(log.list).filteredOn(event -> event.getLevel() == Level.ERROR).isEmpty();
		assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN)
			.singleElement()
			.satisfies(event -> assertThat(event.getFormattedMessage()).contains("mallory.example.com")
				.contains("ConfirmActiveServers"))
			.satisfies(event -> assertThat(event.getThrowableProxy()).isNull());
		figures.add("badInputsRejected", 1);
		assertThat(drill.awaitTask(failoverId, "ConfirmActiveServers")).isEqualTo(taskId);
		assertThat(String.valueOf(runtime.getVariable(failoverId, "activeServers"))).isEqualTo(String.valueOf(proposal));
		assertThat(labState()).isEqualTo(labBefore);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@Order(7)
	@CsvSource(delimiter = '|', value = { "ticketId|{\"ticketId\":42,REST}", "ticketId|{\"ticketId\":true,REST}",
			"ticketId|{\"ticketId\":4.2,REST}", "ticketId|{\"ticketId\":[\"INC-6670\"],REST}",
			"ticketId|{\"ticketId\":\"INC-6670\",\"ticketId\":\"INC-6671\",REST}",
			"poolFqdn|{\"ticketId\":\"INC-6670\",\"reason\":\"r\",\"requestedBy\":\"j\",\"poolFqdn\":\"atl-cs-001.litwareinc.com\",\"poolFqdn\":\"x.litwareinc.com\"}",
			"requestedBy|{\"ticketId\":\"INC-6670\",\"poolFqdn\":\"atl-cs-001.litwareinc.com\",\"reason\":\"r\",\"requestedBy\":false}",
			"callbackUrl|{\"ticketId\":\"INC-6670\",REST,\"callbackUrl\":\"http://127.0.0.1/%zz\"}",
			"callbackUrl|{\"ticketId\":\"INC-6670\",REST,\"callbackUrl\":\"http://under_score.litwareinc.com/cb\"}",
			"callbackUrl|{\"ticketId\":\"INC-6670\",REST,\"callbackUrl\":\"http://127.0.0.1:99999/cb\"}",
			"callbackUrl|{\"ticketId\":\"INC-6670\",REST,\"callbackUrl\":7}",
			"ticketId|{\"ticketId\":\"INC-LONG65\",REST}", "poolFqdn|{\"ticketId\":\"INC-6670\",\"poolFqdn\":\"LONG254\",\"reason\":\"r\",\"requestedBy\":\"j\"}",
			"reason|{\"ticketId\":\"INC-6670\",\"poolFqdn\":\"atl-cs-001.litwareinc.com\",\"reason\":\"LONG2001\",\"requestedBy\":\"j\"}",
			"requestedBy|{\"ticketId\":\"INC-6670\",\"poolFqdn\":\"atl-cs-001.litwareinc.com\",\"reason\":\"r\",\"requestedBy\":\"LONG201\"}",
			"callbackUrl|{\"ticketId\":\"INC-6670\",REST,\"callbackUrl\":\"http://127.0.0.1/LONG2001\"}" })
	void refusesLooseJsonAndOverLongValuesNamingTheField(String field, String body) {
		String json = body.replace("REST", "\"poolFqdn\":\"atl-cs-001.litwareinc.com\",\"reason\":\"r\",\"requestedBy\":\"j\"")
			.replace("INC-LONG65", "INC-" + "6".repeat(61))
			.replace("LONG254", "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61) + ".com")
			.replace("LONG2001", "r".repeat(2001))
			.replace("LONG201", "j".repeat(201));

		Response answer = drill.api().send("ticketing:ticketing", "POST", "/api/failovers", json, "application/json");
		figures.add("badInputsTried", 1);

		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("errors").findValuesAsText("field")).contains(field);
		figures.add("badInputsRejected", 1);
		assertThat(registry.findByTicket("INC-6670")).isEmpty();
		assertThat(registry.findByTicket("INC-6671")).isEmpty();
	}

	/** ConfirmFailover's form fields as Tasklist sends them: every precondition confirmed, approved. */
	private static String decision(String comment) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("failoverApproved", Map.of("value", true));
		fields.put("confirmationComment", Map.of("value", comment));
		for (String precondition : List.of("primaryDatabaseDown", "primaryMirrorDown", "frontEndDown",
				"complianceOutputSecured")) {
			fields.put(precondition, Map.of("value", true));
		}
		String json = ApiClient.JSON.valueToTree(fields).toString();
		return json.substring(1, json.length() - 1);
	}

	private Map<String, String> variables() {
		Map<String, String> values = new TreeMap<>();
		new HashMap<>(runtime.getVariables(failoverId)).forEach((name, value) -> values.put(name, String.valueOf(value)));
		return values;
	}

	private JsonNode labState() {
		JsonNode state = drill.json("admin", "GET", "/api/lab/state", null, 200);
		ObjectNode databasesAndPools = ApiClient.JSON.createObjectNode();
		databasesAndPools.set("sql", state.path("sql"));
		databasesAndPools.set("lync", state.path("lync"));
		return databasesAndPools;
	}

}
