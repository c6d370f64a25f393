package org.pchatfailover.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.ApiClient.Response;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.reliability.ReliabilityFigures;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /actuator/health} over real HTTP as a load balancer (anonymous), an operator and an admin see it, with the
 * lab's backup SQL instance up and down: who sees what, the engine database and each pool's components, and that
 * a pool whose backup SQL is down is DOWN on {@code /actuator/health/pools} while the node stays UP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class PoolHealthIT {

	static final String POOL = LabDrill.POOL;

	static final String HEALTH = "/actuator/health";

	static final String POOLS = "/actuator/health/pools";

	static final ReliabilityFigures figures = ReliabilityFigures.of(PoolHealthIT.class);

	static int badInputsTried;

	static int badInputsRejected;

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
		// every read after a finished probe starts the next one: the test sees a fault without waiting out a cache
		registry.add("pchat.health.cache-for", () -> "PT0S");
	}

	@LocalServerPort
	int port;

	LabDrill lab;

	@BeforeEach
	void normalLab() {
		lab = new LabDrill(port);
		lab.scenario("normal");
	}

	@AfterAll
	static void recordFigures() {
		figures.add("badInputsTried", badInputsTried);
		figures.add("badInputsRejected", badInputsRejected);
	}

	@Test
	void anyoneButAnAdminSeesTheStatusAndNothingElse() {
		for (String user : new String[] { null, "operator", "ticketing" }) {
			Response node = lab.send(user, "GET", HEALTH, null, "application/json");
			assertThat(node.status()).as(user + ": " + node.text()).isEqualTo(200);
			assertThat(fieldNames(node.json())).as(user + ": " + node.text()).containsExactly("status");
			assertThat(node.json().path("status").asText()).isEqualTo("UP");

			Response pools = lab.send(user, "GET", POOLS, null, "application/json");
			assertThat(fieldNames(pools.json())).as(user + ": " + pools.text()).containsExactly("status");

			assertThat(lab.send(user, "GET", HEALTH + "/db", null, "application/json").status())
				.as("a component is not shown to " + user).isEqualTo(404);
		}
	}

	@Test
	void anAdminSeesTheEngineDatabaseOnTheNodeAndEachPoolsBackupSqlAndLyncShell() {
		JsonNode node = adminJson(HEALTH);
		assertThat(node.path("components").path("db").path("status").asText()).isEqualTo("UP");
		assertThat(node.path("components").path("db").path("details").path("database").asText()).isEqualTo("H2");
		assertThat(node.path("components").has("pools")).as("the estate is not the node: " + node).isFalse();
		assertThat(node.has("groups")).as("no group names, not even for an admin: " + node).isFalse();

		JsonNode pool = await().atMost(ApiClient.TIMEOUT)
			.until(() -> adminJson(POOLS).path("components").path("pools").path("components").path(POOL),
					p -> "UP".equals(p.path("status").asText()));
		JsonNode sql = pool.path("components").path("backup-sql");
		assertThat(sql.path("details").path("instance").asText()).isEqualTo("dal-sql-bk.litwareinc.com\\PCHAT");
		assertThat(sql.path("details").path("serverName").asText()).isEqualToIgnoringCase("DAL-SQL-BK\\PCHAT");
		assertThat(sql.path("details").path("checkedAt").asText()).isNotBlank();
		assertThat(sql.path("details").path("cachedFor").asText()).isEqualTo("PT0S");
		JsonNode shell = pool.path("components").path("lync-shell");
		assertThat(shell.path("status").asText()).isEqualTo("UP");
		assertThat(shell.path("details").path("poolState").asText()).isEqualTo("Normal");
		assertThat(shell.path("details").path("shell").asText()).startsWith("ssh lab@127.0.0.1:");
		assertThat(pool.toString()).doesNotContainIgnoringCase("password");
	}

	@Test
	void aPoolWhoseBackupSqlIsDownIsDownWhileTheNodeStaysInRotation() {
		lab.scenario("sql-down");
		figures.kind("faultKinds", "sql-down");

		JsonNode pool = await().atMost(ApiClient.TIMEOUT)
			.until(() -> adminJson(POOLS).path("components").path("pools").path("components").path(POOL),
					p -> "DOWN".equals(p.path("components").path("backup-sql").path("status").asText()));
		assertThat(pool.path("status").asText()).isEqualTo("DOWN");
		assertThat(pool.path("components").path("backup-sql").path("details").path("error").asText())
			.contains("dal-sql-bk.litwareinc.com\\PCHAT");
		assertThat(pool.path("components").path("lync-shell").path("status").asText()).isEqualTo("UP");

		Response anonymousPools = lab.send(null, "GET", POOLS, null, "application/json");
		assertThat(anonymousPools.status()).isEqualTo(503);
		assertThat(anonymousPools.text()).isEqualTo("{\"status\":\"DOWN\"}");
		Response anonymousNode = lab.send(null, "GET", HEALTH, null, "application/json");
		assertThat(anonymousNode.status()).as("a load balancer keeps the node: " + anonymousNode.text()).isEqualTo(200);
		assertThat(anonymousNode.text()).isEqualTo("{\"status\":\"UP\"}");

		lab.scenario("normal");
		await().atMost(ApiClient.TIMEOUT)
			.until(() -> adminJson(POOLS).path("components").path("pools").path("components").path(POOL)
				.path("components").path("backup-sql").path("status").asText(), "UP"::equals);
		figures.add("faultsRecovered", 1);
	}

	@Test
	void onlyAnAdminReadsTheMetricsAndTheRestOfTheActuator() {
		Response anonymous = lab.send(null, "GET", "/actuator/prometheus", null, "text/plain");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.text()).doesNotContain("pchat_");
		Response operator = lab.send("operator", "GET", "/actuator/prometheus", null, "text/plain");
		assertThat(operator.status()).isEqualTo(403);
		assertThat(operator.json().path("detail").asText()).isEqualTo("user operator is not in pchat-admins");
		assertThat(lab.send(null, "GET", "/actuator", null, "application/json").status()).isEqualTo(401);
		assertThat(lab.send("operator", "GET", "/actuator", null, "application/json").status()).isEqualTo(403);

		Response admin = lab.send("admin", "GET", "/actuator/prometheus", null, "text/plain");
		assertThat(admin.status()).isEqualTo(200);
		assertThat(admin.text()).contains("pchat_failovers{", "pchat_estate_ready{");
	}

	@Test
	void aWrongOrMalformedCredentialIsRefusedEvenForTheStatus() {
		// an unknown user: a lab user's wrong password would lock it (the engine's brute-force protection)
		List<Response> answers = new ArrayList<>();
		answers.add(lab.api().send("nobody:wrong", "GET", HEALTH, null, "application/json"));
		answers.add(lab.api().send("no-colon", "GET", HEALTH, null, "application/json"));
		answers.add(lab.api().send("nobody:wrong", "GET", "/actuator/prometheus", null, "text/plain"));
		badInputsTried += answers.size();
		for (Response answer : answers) {
			assertThat(answer.status()).as(answer.text()).isEqualTo(401);
			assertThat(answer.json().path("status").asInt()).isEqualTo(401);
			assertThat(answer.text()).doesNotContain("wrong");
			badInputsRejected++;
		}
	}

	private JsonNode adminJson(String path) {
		Response response = lab.send("admin", "GET", path, null, "application/json");
		assertThat(response.status()).as(path + ": " + response.text()).isIn(200, 503);
		return response.json();
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

}
