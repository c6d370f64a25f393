package org.pchatfailover.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;

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
 * Nothing moves silently: while a step waits for its next attempt, {@code GET /api/failovers/{id}} says which step,
 * which attempt of how many, what the last one failed with and when the next one starts. The cycle waits an hour
 * between attempts, so the test reads the wait, not a race with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetryVisibilityIT {

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
		registry.add("pchat.retry.cycle", () -> "R3/PT1H");
	}

	@LocalServerPort
	int port;

	@Test
	void aRetryingStepSaysWhichAttemptComesNextWhyAndWhen() {
		LabDrill drill = new LabDrill(port);
		drill.scenario("normal");
		String id = drill.start("INC-1701", "drill: retry visibility");
		drill.awaitTask(id, "ConfirmFailover");
		drill.json("admin", "POST", "/api/lab/faults/sql-down", null, 200);
		try {
			drill.approve(id, "drill: the backup instance is down");

			JsonNode step = await().atMost(ApiClient.TIMEOUT)
				.until(() -> drill.json("ticketing", "GET", "/api/failovers/" + id, null, 200)
					.path("currentSteps")
					.findParents("step")
					.stream()
					.filter(s -> s.path("step").asText().equals("RemoveLogShipping") && s.path("retry").isObject())
					.findFirst()
					.orElse(null), s -> s != null);

			JsonNode retry = step.path("retry");
			assertThat(retry.path("nextAttempt").asInt()).isEqualTo(2);
			assertThat(retry.path("attempts").asInt()).isEqualTo(3);
			assertThat(retry.path("lastError").asText())
				.startsWith("cannot connect to SQL Server dal-sql-bk.litwareinc.com\\PCHAT");
			assertThat(Instant.parse(retry.path("nextAttemptAt").asText())).isAfter(Instant.now());
			assertThat(drill.json("ticketing", "GET", "/api/failovers/" + id, null, 200).path("state").asText())
				.isEqualTo("RUNNING");

			// the report says the same, from the same computation
			JsonNode reported = drill.json("ticketing", "GET", "/api/failovers/" + id + "/report", null, 200)
				.path("retrying");
			assertThat(reported.findValuesAsText("stepId")).containsExactly("RemoveLogShipping");
			assertThat(reported.at("/0/nextAttempt").asInt()).isEqualTo(2);
			assertThat(reported.at("/0/attempts").asInt()).isEqualTo(3);
			assertThat(reported.at("/0/nextAttemptAt").asText()).isEqualTo(retry.path("nextAttemptAt").asText());
			String html = drill.send("ticketing", "GET", "/api/failovers/" + id + "/report", null, "text/html").text();
			assertThat(html).contains("<h2>Retrying</h2>", "<td>RemoveLogShipping</td>", "<td>2 of 3</td>",
					"<td>cannot connect to SQL Server dal-sql-bk.litwareinc.com\\PCHAT");
			String markdown = drill.send("ticketing", "GET", "/api/failovers/" + id + "/report", null, "text/markdown")
				.text();
			assertThat(markdown).contains("## Retrying", "| RemoveLogShipping |", "| 2 of 3 |",
					"cannot connect to SQL Server dal-sql-bk.litwareinc.com\\\\PCHAT");
		}
		finally {
			drill.json("admin", "DELETE", "/api/lab/faults/sql-down", null, 200);
		}
	}

}
