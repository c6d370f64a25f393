package org.pchatfailover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pchatfailover.failover.ElementTemplatesTest;
import org.pchatfailover.failover.FailoverModelTest;
import org.pchatfailover.failover.RetryPolicy;
import org.pchatfailover.security.WebappLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The app as `mvn spring-boot:run` starts it: lab profile, process deployed, lab users with their roles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PchatFailoverApplicationIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessEngine engine;

	@Test
	void deploysTheFailoverProcessWithItsForms() {
		ProcessDefinition failover = repository.createProcessDefinitionQuery()
			.processDefinitionKey("persistentChatFailover")
			.latestVersion()
			.singleResult();

		assertThat(failover).isNotNull();
		assertThat(failover.getHistoryTimeToLive()).isEqualTo(180);
		// Camunda Forms bound to the deployment must be deployed with the model
		List<String> resources = repository.getDeploymentResourceNames(failover.getDeploymentId())
			.stream()
			.map(name -> name.replace('\\', '/').replaceAll("^.*bpmn/", "bpmn/"))
			.toList();
		assertThat(resources).contains("bpmn/persistent-chat-failover.bpmn", "bpmn/forms/confirm-failover.form",
				"bpmn/forms/decide-broken-log-chain.form", "bpmn/forms/confirm-active-servers.form",
				"bpmn/forms/verify-service.form");
	}

	@Test
	void givesTheEngineTheRetryCycleOfTheStepsAsItsDefault() {
		assertThat(context.getBean(RetryPolicy.class).getCycle()).isEqualTo("R3/PT1M");
		assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getFailedJobRetryTimeCycle())
			.as("the engine's failed-job-retry-time-cycle, set from pchat.retry.cycle only")
			.isEqualTo("R3/PT1M");
	}

	@Test
	void hasABeanForEveryExpressionTheModelsName() {
		assertThat(allExpressionBeans()).allSatisfy(bean -> assertThat(context.containsBean(bean))
			.as("bean " + bean)
			.isTrue());
	}

	@Test
	void hasABeanForEveryStepTheElementTemplatesOffer() throws Exception {
		assertThat(ElementTemplatesTest.offeredBeans()).isNotEmpty()
			.allSatisfy(bean -> assertThat(context.containsBean(bean)).as("bean " + bean).isTrue());
	}

	@Test
	void createsTheLabUsersInTheirGroups() {
		assertThat(identity.createUserQuery().memberOfGroup("pchat-operators").list()).extracting("id")
			.containsExactlyInAnyOrder("operator", "operator2");
		assertThat(identity.createUserQuery().memberOfGroup("pchat-admins").list()).extracting("id")
			.containsExactly("admin");
		assertThat(identity.createUserQuery().memberOfGroup("pchat-ticketing").list()).extracting("id")
			.containsExactly("ticketing");
	}

	@ParameterizedTest(name = "{0} logs in to {1}: {2}")
	@CsvSource({ "operator, tasklist, 200", "operator, cockpit, 200", "operator, admin, 403",
			"admin, tasklist, 200", "admin, cockpit, 200", "admin, admin, 200", "ticketing, tasklist, 403",
			"ticketing, cockpit, 403", "ticketing, admin, 403" })
	void letsEachLabUserIntoTheWebappsOfItsRole(String user, String app, int expectedStatus) throws Exception {
		assertThat(webappLogin(user, user, app)).isEqualTo(expectedStatus);
	}

	@Test
	void refusesAWebappLoginWithAWrongPasswordOrAnUnknownUser() throws Exception {
		// a user of its own: a failed login delays that user's next one (brute-force protection), which
		// would make the other tests depend on their order
		User locked = identity.newUser("wrongpassword");
		locked.setPassword("the-right-one");
		identity.saveUser(locked);
		identity.createMembership("wrongpassword", "pchat-operators");

		assertThat(webappLogin("wrongpassword", "wrongpassword", "tasklist")).isEqualTo(401);
		assertThat(webappLogin("intruder", "operator", "tasklist")).isEqualTo(401);
	}

	@ParameterizedTest(name = "{0} on {1}: {2}")
	@CsvSource({ "'', /engine-rest/process-definition, 401", "intruder:intruder, /engine-rest/process-definition, 401",
			"operator:operator, /engine-rest/task, 200",
			"ticketing:ticketing, /engine-rest/process-definition/key/persistentChatFailover, 200",
			"operator:operator, /engine-rest/user, 200", "admin:admin, /engine-rest/authorization, 200" })
	void answersTheEngineRestApiOnlyToAuthenticatedUsers(String credentials, String path, int expectedStatus)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET();
		if (!credentials.isEmpty()) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
	}

	@Test
	void showsTheOperatorTheFailoverTaskFilter() throws Exception {
		HttpResponse<String> filters = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/engine-rest/filter"))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("operator:operator".getBytes()))
				.timeout(TIMEOUT)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(filters.body()).contains("\"name\":\"Failover tasks\"");
		JsonNode filter = new ObjectMapper().readTree(filters.body()).get(0);
		assertThat(filter.at("/properties/refresh").asBoolean()).as("Tasklist reloads the list by itself").isTrue();
		assertThat(filter.at("/properties/variables").findValuesAsText("name")).containsExactly("ticketId", "poolFqdn");
		assertThat(filter.at("/properties/variables").findValuesAsText("label")).containsExactly("Ticket", "Pool");
	}

	private int webappLogin(String user, String password, String app) {
		return WebappLogin.login(port, user, password, app);
	}

	/** The beans both shipped models name: the failover's and the failback's. */
	private static java.util.Set<String> allExpressionBeans() {
		java.util.Set<String> beans = new java.util.HashSet<>(FailoverModelTest.expressionBeans());
		beans.addAll(org.pchatfailover.failback.FailbackModelTest.expressionBeans());
		return beans;
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
