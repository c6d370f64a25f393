package org.pchatfailover.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.ApiClient.Response;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Four eyes ({@code pchat.approval.second-operator}) over the engine REST API with the lab's two operators: the
 * failover's approval and the recovery with data loss each need a countersignature by the other operator; the same
 * operator is refused with a 400 saying why, and the report names both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FourEyesIT {

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
		registry.add("pchat.approval.second-operator", () -> true);
	}

	@LocalServerPort
	int port;

	private LabDrill lab;

	@BeforeEach
	void client() {
		lab = new LabDrill(port);
	}

	@Test
	void needsASecondDifferentOperatorToApproveAndToAcceptTheDataLoss() {
		lab.json("admin", "POST", "/api/lab/scenarios/broken-chain", null, 200);
		String id = lab.start("INC-1717", "Atlanta data centre lost");
		lab.approve(id, "outage confirmed on the bridge");

		Response same = lab.completeAs("operator", id, "CountersignFailover",
				Map.of("failoverCountersigned", "true", "countersignComment", "me again"), 400);
		assertThat(same.text()).contains("'Countersign' (failoverCountersigned)", "four eyes",
				"operator completed ConfirmFailover and cannot countersign it").doesNotContain("ENGINE-");
		assertThat(state(id)).as("nothing moved").isEqualTo("WAITING_FOR_OPERATOR");
		lab.completeAs("operator2", id, "CountersignFailover",
				Map.of("failoverCountersigned", "true", "countersignComment", "checked the preconditions myself"), 204);

		lab.completeAs("operator2", id, "DecideBrokenLogChain",
				Map.of("logChainDecision", "RECOVER_WITH_DATA_LOSS", "logChainComment", "the file is gone"), 204);
		Response sameAgain = lab.completeAs("operator2", id, "CountersignDataLoss",
				Map.of("dataLossCountersigned", "true", "countersignComment", "me again"), 400);
		assertThat(sameAgain.text()).contains("'Countersign' (dataLossCountersigned)",
				"operator2 completed DecideBrokenLogChain and cannot countersign it");
		lab.completeAs("operator", id, "CountersignDataLoss",
				Map.of("dataLossCountersigned", "true", "countersignComment", "accepted the loss shown"), 204);

		lab.complete(id, "ConfirmActiveServers", Map.of());
		lab.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "posted in a room"));
		lab.awaitCompleted(id);

		JsonNode decisions = lab.json("ticketing", "GET", "/api/failovers/" + id + "/report", null, 200)
			.path("decisions");
		assertThat(decisions.findValuesAsText("stepId")).containsExactly("ConfirmFailover", "CountersignFailover",
				"DecideBrokenLogChain", "CountersignDataLoss", "ConfirmActiveServers", "VerifyService");
		assertThat(decisions.findValuesAsText("user")).containsExactly("operator", "operator2", "operator2", "operator",
				"operator", "operator");
		assertThat(decisions.at("/1/values/failoverCountersigned").asText()).isEqualTo("true");
		assertThat(decisions.at("/3/comment").asText()).isEqualTo("accepted the loss shown");
	}

	@Test
	void sendsAFailoverBackToConfirmFailoverWhenTheSecondOperatorDeclines() throws Exception {
		lab.json("admin", "POST", "/api/lab/scenarios/normal", null, 200);
		String id = lab.start("INC-1718", "Atlanta data centre lost");
		lab.approve(id, "outage confirmed on the bridge");
		lab.completeAs("operator2", id, "CountersignFailover",
				Map.of("failoverCountersigned", "false", "countersignComment", "the front end still answers"), 204);

		String secondRound = lab.awaitTask(id, "ConfirmFailover");
		JsonNode shown = lab.json("operator", "GET", "/engine-rest/task/" + secondRound + "/form-variables", null, 200);
		assertThat(shown.at("/taskRound/value").asInt()).isEqualTo(2);
		assertThat(shown.at("/roundReason/value").asText())
			.isEqualTo("the second operator did not countersign the failover: the front end still answers");
		assertThat(shown.has("failoverApproved")).as("the first round's answer is not filled in").isFalse();
		assertThat(shown.has("confirmationComment")).isFalse();
		assertThat(shown.at("/progressStep/value").asText()).isEqualTo("Confirm failover");
		assertThat(shown.at("/progressDone/value").asText()).isEqualTo("Check preconditions and build plan");
		assertThat(shown.at("/progressNext/value").asText())
			.as("the countersign, reached once, is announced again").startsWith("Countersign failover (second operator) → Remove log shipping");
		assertThat(shown.at("/progressPointOfNoReturn/value").asText())
			.startsWith("Remove log shipping: sp_delete_log_shipping_secondary_database");
		assertThat(shown.at("/reportLink/value").asText()).isEqualTo("/api/failovers/" + id + "/report");
		// a German operator reads the same variables in German: the operator's comment and the step's name as they were
		JsonNode german = formVariables(secondRound, "de-DE,de;q=0.9");
		assertThat(german.at("/roundReason/value").asText())
			.isEqualTo("der zweite Operator hat das Failover nicht gegengezeichnet: the front end still answers");
		assertThat(german.at("/progressPointOfNoReturn/value").asText()).startsWith("Remove log shipping: "
				+ "sp_delete_log_shipping_secondary_database entfernt den Protokollversand von der Sicherungsinstanz");
		assertThat(formVariables(secondRound, "zh-CN").at("/roundReason/value").asText())
			.isEqualTo("第二名操作员未会签此故障转移：the front end still answers");
		String form = lab.send("operator", "GET", "/engine-rest/task/" + secondRound + "/deployed-form", null,
				"application/json").text();
		assertThat(form).contains("**Round {{taskRound}}**: {{roundReason}}", "{{progressPointOfNoReturn}}",
				"({{reportLink}})");
		JsonNode lab2 = lab.json("admin", "GET", "/api/lab/state", null, 200);
		assertThat(lab2.toString()).as("log shipping untouched").doesNotContain("sp_delete_log_shipping");
		assertThat(state(id)).isEqualTo("WAITING_FOR_OPERATOR");

		// the pool is free again for the other drill
		lab.complete(id, "ConfirmFailover", Map.of("failoverApproved", "false", "confirmationComment", "front end up"));
		lab.awaitState(id, "ABORTED");
	}

	@Test
	void startsASecondRoundEmptyAndSaysWhyWhenTheServiceWasNotVerified() {
		lab.json("admin", "POST", "/api/lab/scenarios/normal", null, 200);
		String id = lab.start("INC-1719", "Atlanta data centre lost");
		lab.approve(id, "outage confirmed on the bridge");
		lab.completeAs("operator2", id, "CountersignFailover",
				Map.of("failoverCountersigned", "true", "countersignComment", "checked"), 204);
		lab.complete(id, "ConfirmActiveServers", Map.of("lowLatencyConfirmed", "false"));
		lab.complete(id, "VerifyService", Map.of("serviceVerified", "false", "verificationComment", "rooms do not load"));

		JsonNode confirm = formVariables(lab.awaitTask(id, "ConfirmActiveServers"));
		assertThat(confirm.at("/taskRound/value").asInt()).isEqualTo(2);
		assertThat(confirm.at("/roundReason/value").asText()).isEqualTo("the service was not verified: rooms do not load");
		assertThat(confirm.has("lowLatencyConfirmed")).as("the first round's answer is not filled in").isFalse();
		lab.complete(id, "ConfirmActiveServers", Map.of());

		JsonNode verify = formVariables(lab.awaitTask(id, "VerifyService"));
		assertThat(verify.at("/taskRound/value").asInt()).isEqualTo(2);
		assertThat(verify.has("serviceVerified")).isFalse();
		assertThat(verify.has("verificationComment")).isFalse();
		assertThat(verify.at("/activeServersSet/value").asText()).contains("dal-pc-");
		assertThat(verify.at("/progressDone/value").asText()).endsWith("Confirm active servers → Set active servers");
		assertThat(verify.at("/progressNext/value").asText()).isEmpty();
		lab.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "rooms load"));
		lab.awaitCompleted(id);

		// each round's answers are still the report's: the second round's start removed them from the process only
		JsonNode decisions = lab.json("ticketing", "GET", "/api/failovers/" + id + "/report", null, 200)
			.path("decisions");
		assertThat(decisions.findValuesAsText("stepId")).containsExactly("ConfirmFailover", "CountersignFailover",
				"ConfirmActiveServers", "VerifyService", "ConfirmActiveServers", "VerifyService");
		assertThat(decisions.at("/3/values/serviceVerified").asText()).isEqualTo("false");
		assertThat(decisions.at("/3/comment").asText()).isEqualTo("rooms do not load");
		assertThat(decisions.at("/5/values/serviceVerified").asText()).isEqualTo("true");
	}

	private JsonNode formVariables(String taskId) {
		return lab.json("operator", "GET", "/engine-rest/task/" + taskId + "/form-variables", null, 200);
	}

	private String state(String id) {
		return lab.json("ticketing", "GET", "/api/failovers/" + id, null, 200).path("state").asText();
	}

	/** The task's form variables as Tasklist fetches them for a reader of {@code language}. */
	private JsonNode formVariables(String taskId, String language) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + taskId
					+ "/form-variables"))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8)))
				.header("Accept-Language", language)
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return ApiClient.JSON.readTree(response.body());
	}

}
