package org.pchatfailover.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pchatfailover.ApiClient.Response;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.failover.FailoverRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may do what, over real HTTP, for every endpoint of the product, the engine REST API and the webapps:
 * anonymous, a wrong password, each lab role and a user in no group. The engine's login delay after a wrong
 * password is switched off here only, so that the rows do not depend on their order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "camunda.bpm.generic-properties.properties.login-delay-base=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	FailoverRegistry registry;

	LabDrill drill;

	String failoverId;

	@BeforeAll
	void oneFailoverWaitingForTheOperator() {
		drill = new LabDrill(port);
		User nobody = identity.newUser("nobody");
		nobody.setPassword("nobody");
		identity.saveUser(nobody);
		failoverId = drill.start("INC-8008", "access matrix");
		drill.awaitTask(failoverId, "ConfirmFailover");
	}

	@ParameterizedTest(name = "{0} {1}: anonymous {2}, wrong password {3}, ticketing {4}, operator {5}, admin {6}, no group {7}")
	@CsvSource({ "POST, /api/failovers,                401, 401, 200, 403, 200, 403",
			"GET,  /api/failovers/{id},                401, 401, 200, 200, 200, 403",
			"GET,  /api/failovers?ticketId=INC-8008,   401, 401, 200, 200, 200, 403",
			"GET,  /api/failovers/{id}/report,         401, 401, 200, 200, 200, 403",
			"GET,  /api/lab/state,                     401, 401, 403, 403, 200, 403",
			"POST, /api/lab/scenarios/normal,          401, 401, 403, 403, 200, 403",
			"GET,  /engine-rest/process-instance/{id}, 401, 401, 200, 200, 200, 404",
			// the engine answers 404 to a user who may not even read the definition: it does not reveal it exists;
			// the admin may start, but not while INC-8008's failover holds the pool (the engine REST API's 500)
			"POST, /engine-rest/process-definition/key/persistentChatFailover/start, 401, 401, 403, 403, 500, 404" })
	void answersEachCallerAsItsRoleAllows(String method, String path, int anonymous, int wrongPassword,
			int ticketing, int operator, int admin, int noGroup) {
		List<Integer> statuses = new ArrayList<>();
		for (String credentials : new String[] { null, "operator:wrong", "ticketing:ticketing", "operator:operator",
				"admin:admin", "nobody:nobody" }) {
			statuses.add(call(credentials, method, path.replace("{id}", failoverId)));
		}
		assertThat(statuses).containsExactly(anonymous, wrongPassword, ticketing, operator, admin, noGroup);
	}

	@ParameterizedTest(name = "{0} sees {1} task(s)")
	@CsvSource({ "operator, 1", "admin, 1", "ticketing, 0", "nobody, 0" })
	void showsFailoverTasksOnlyToOperatorsAndAdmins(String user, int tasks) {
		Response response = drill.api().send(user + ":" + user, "GET",
				"/engine-rest/task?processInstanceId=" + failoverId, null, "application/json");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().size()).isEqualTo(tasks);
	}

	@ParameterizedTest(name = "{0} logs in to {1}: {2}")
	@CsvSource({ "operator, operator, tasklist, 200", "operator, operator, cockpit, 200",
			"operator, wrong, tasklist, 401", "admin, admin, cockpit, 200", "admin, admin, admin, 200",
			"ticketing, ticketing, tasklist, 403", "ticketing, ticketing, cockpit, 403", "nobody, nobody, tasklist, 403" })
	void letsIntoTheWebappsOnlyTheRolesThatUseThem(String user, String password, String app, int status) {
		assertThat(WebappLogin.login(port, user, password, app)).isEqualTo(status);
	}

	@Test
	void letsOperatorsWatchAFailoverInCockpitButChangeNothing() {
		WebappLogin cockpit = WebappLogin.session(port, "operator", "operator", "cockpit");
		String engine = "/camunda/api/engine/engine/default";
		for (String read : List.of("/process-instance/" + failoverId, "/history/process-instance/" + failoverId,
				"/process-definition/key/persistentChatFailover", "/incident?processInstanceId=" + failoverId,
				"/history/activity-instance?processInstanceId=" + failoverId,
				"/process-instance/" + failoverId + "/variables/reason")) {
			HttpResponse<String> response = cockpit.send("GET", engine + read, null);
			assertThat(response.statusCode()).as("GET " + read + ": " + response.body()).isEqualTo(200);
		}

		HttpResponse<String> definitions = cockpit.send("GET",
				engine + "/job-definition?activityIdIn=RemoveLogShipping&processDefinitionKey=persistentChatFailover", null);
		assertThat(definitions.statusCode()).isEqualTo(200);
		String jobDefinition = new Response(200, "application/json", null, definitions.body()).json().get(0).path("id")
			.asText();

		Map<String, String> changes = Map.of(
				"PUT " + engine + "/process-instance/" + failoverId + "/variables/reason",
				"{\"value\":\"changed in Cockpit\",\"type\":\"String\"}",
				"PUT " + engine + "/process-instance/" + failoverId + "/suspended", "{\"suspended\":true}",
				"PUT " + engine + "/job-definition/" + jobDefinition + "/retries", "{\"retries\":3}",
				"POST " + engine + "/process-instance/" + failoverId + "/modification",
				"{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"RecoverDatabase\"}]}",
				"DELETE " + engine + "/process-instance/" + failoverId, "");
		changes.forEach((call, body) -> {
			String[] methodAndPath = call.split(" ", 2);
			HttpResponse<String> response = cockpit.send(methodAndPath[0], methodAndPath[1], body.isEmpty() ? null : body);
			assertThat(response.statusCode()).as(call + ": " + response.body()).isEqualTo(403);
		});

		JsonNode instance = drill.json("admin", "GET", "/engine-rest/process-instance/" + failoverId, null, 200);
		assertThat(instance.path("suspended").asBoolean()).isFalse();
		assertThat(drill.json("admin", "GET", "/engine-rest/process-instance/" + failoverId + "/variables/reason", null,
				200).path("value").asText()).isEqualTo("access matrix");
		assertThat(drill.json("admin", "GET", "/engine-rest/process-instance/" + failoverId + "/activity-instances",
				null, 200).toString()).doesNotContain("RecoverDatabase");
		assertThat(drill.json("admin", "GET", "/engine-rest/batch/count", null, 200).path("count").asInt()).isZero();
	}

	@Test
	void keepsWhatARunningFailoverActsOnWhateverAnOperatorSetsOnItsTask() {
		String taskId = drill.awaitTask(failoverId, "ConfirmFailover");
		for (Map.Entry<String, String> tamper : Map.of("poolFqdn", "other-pool.litwareinc.com", "callbackUrl",
				"http://127.0.0.1:9/steal").entrySet()) {
			Response set = drill.api().send("operator:operator", "PUT",
					"/engine-rest/task/" + taskId + "/variables/" + tamper.getKey(),
					Map.of("value", tamper.getValue(), "type", "String"), "application/json");
			assertThat(set.status()).as("working on a task does not include setting its variables").isEqualTo(403);
		}

		Response second = drill.api().send("ticketing:ticketing", "POST", "/api/failovers", Map.of("ticketId",
				"INC-8010", "poolFqdn", LabDrill.POOL, "reason", "second ticket", "requestedBy", "j.doe"),
				"application/json");
		assertThat(second.status()).as("the pool is still busy").isEqualTo(409);
		assertThat(drill.json("ticketing", "GET", "/api/failovers/" + failoverId, null, 200).path("poolFqdn").asText())
			.isEqualTo(LabDrill.POOL);
		FailoverRegistry.Registration registered = registry.find(failoverId).orElseThrow();
		assertThat(registered.poolFqdn()).isEqualTo(LabDrill.POOL);
		assertThat(registered.callbackUrl()).isNull();
	}

	@Test
	void refusesAnAdminsEngineStartForAPoolThatIsNotConfigured() {
		Response start = drill.api().send("admin:admin", "POST",
				"/engine-rest/process-definition/key/persistentChatFailover/start",
				Map.of("businessKey", "INC-8011", "variables", Map.of("poolFqdn", Map.of("value", "nowhere.litwareinc.com"))),
				"application/json");

		// the engine REST API answers any failed start with 500 ("Cannot instantiate"); the message says why
		assertThat(start.status()).isEqualTo(500);
		assertThat(start.text()).contains("nowhere.litwareinc.com", "not configured");
		assertThat(registry.findByTicket("INC-8011")).isEmpty();
	}

	@Test
	void neverOffersTheWebappsInitialUserSetup() {
		Response setup = drill.api().send(null, "POST", "/camunda/api/admin/setup/default/user/create",
				Map.of("profile", Map.of("id", "mallory", "firstName", "M", "lastName", "M", "email", "m@example.invalid"),
						"credentials", Map.of("password", "Mallory-123456")),
				"application/json");

		assertThat(setup.status()).isEqualTo(403);
		assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
		// the hand-written problem speaks the reader's language too: its title, not its detail or fields
		SourceBoundHttp.Response portuguese = SourceBoundHttp.send("127.0.0.1", port, "POST",
				"/camunda/api/admin/setup/default/user/create",
				Map.of("Content-Type", "application/json", "Accept-Language", "pt-BR"),
				"{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"Mallory-123456\"}}");
		assertThat(portuguese.status()).isEqualTo(403);
		assertThat(portuguese.header("Content-Type")).startsWith("application/problem+json");
		assertThat(portuguese.body()).contains("\"title\":\"Proibido\"", "\"status\":403",
				"the initial user setup is disabled in pchat-failover");
		assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
	}

	private int call(String credentials, String method, String path) {
		Object body = null;
		if (method.equals("POST") && path.equals("/api/failovers")) {
			// the same ticket again: an allowed caller gets the running failover back, nothing new starts
			body = Map.of("ticketId", "INC-8008", "poolFqdn", LabDrill.POOL, "reason", "access matrix", "requestedBy",
					"j.doe");
		}
		else if (path.endsWith("/start")) {
			body = Map.of("businessKey", "INC-8009", "variables", Map.of("poolFqdn", Map.of("value", LabDrill.POOL)));
		}
		Response response = drill.api().send(credentials, method, path, body, "application/json");
		if (response.status() >= 400 && path.startsWith("/api")) {
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
			assertThat(response.text()).doesNotContain("wrong");
		}
		return response.status();
	}

}
