package org.pchatfailover.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient.Response;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The failover report of a lab drill with a broken log chain, over real HTTP in all three formats: while the
 * failover waits for the operator and after it completed. One drill carries most assertions: booting the app
 * and running a failover is what costs time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailoverReportIT {

	/** The steps of a broken-chain failover recovered with data loss, in order. */
	private static final List<String> PATH = List.of("FailoverRequested", "CheckPreconditions", "ConfirmFailover",
			"RemoveLogShipping", "CopyBackupFiles", "ApplyLogBackups", "LogChainBrokenBoundary",
			"DecideBrokenLogChain", "EndConnections", "RecoverDatabase", "SetPoolFailedOver", "InstallMirror",
			"ConfirmActiveServers", "SetActiveServers", "VerifyService", "FailoverCompleted");

	private static final String APPROVAL = "Atlanta lost <b>\"for real\"</b> | see INC-7001 & bridge";

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	@Value("${pchat.lab.dir}")
	Path labDir;

	private LabDrill lab;

	@BeforeEach
	void client() {
		lab = new LabDrill(port);
	}

	@Test
	void reportsABrokenChainFailoverWhileItWaitsAndAfterItCompleted() throws Exception {
		lab.json("admin", "POST", "/api/lab/scenarios/broken-chain", null, 200);
		String id = lab.start("INC-7001", "Atlanta data centre lost");
		lab.awaitTask(id, "ConfirmFailover");

		JsonNode waiting = report(id, "ticketing");
		assertThat(waiting.path("state").asText()).isEqualTo("WAITING_FOR_OPERATOR");
		assertThat(stepIds(waiting)).containsExactly("FailoverRequested", "CheckPreconditions", "ConfirmFailover");
		assertThat(waiting.at("/timeline/2/outcome").asText()).isEqualTo("WAITING");
		assertThat(waiting.at("/dataLoss/lostUntil").isTextual()).as("the plan shows the loss").isTrue();

		completeDrill(id);

		JsonNode report = report(id, "ticketing");
		assertThat(report.path("state").asText()).isEqualTo("COMPLETED");
		assertThat(report.path("ticketId").asText()).isEqualTo("INC-7001");
		assertThat(stepIds(report)).containsSubsequence(PATH);
		for (JsonNode step : report.path("timeline")) {
			assertThat(step.path("durationMillis").isNumber()).as("duration of " + step).isTrue();
		}
		assertThat(commands(report, "RemoveLogShipping")).anyMatch(c -> c.contains("sp_delete_log_shipping_secondary_database"));
		assertThat(commands(report, "ApplyLogBackups")).anyMatch(c -> c.contains("RESTORE LOG"));
		assertThat(commands(report, "RecoverDatabase")).anyMatch(c -> c.contains("RESTORE DATABASE"));
		assertThat(commands(report, "SetPoolFailedOver")).anyMatch(c -> c.contains("Set-CsPersistentChatState"));
		assertThat(commands(report, "InstallMirror")).anyMatch(c -> c.contains("Install-CsMirrorDatabase"));
		assertThat(commands(report, "SetActiveServers")).anyMatch(c -> c.contains("Set-CsPersistentChatActiveServer"));

		JsonNode decisions = report.path("decisions");
		assertThat(decisions.findValuesAsText("stepId")).containsExactly("ConfirmFailover", "DecideBrokenLogChain",
				"ConfirmActiveServers", "VerifyService");
		assertThat(decisions.findValuesAsText("user")).containsOnly("operator");
		assertThat(decisions.findValuesAsText("decidedAt")).allMatch(at -> !at.isBlank());
		assertThat(decisions.at("/0/comment").asText()).isEqualTo(APPROVAL);
		assertThat(decisions.at("/0/values/failoverApproved").asText()).isEqualTo("true");
		assertThat(decisions.at("/1/values/logChainDecision").asText()).isEqualTo("RECOVER_WITH_DATA_LOSS");
		assertThat(decisions.at("/1/comment").asText()).isEqualTo("mgc_6 is gone with the Atlanta SAN");
		assertThat(report.at("/dataLoss/decision").asText()).isEqualTo("RECOVER_WITH_DATA_LOSS");
		assertThat(report.at("/dataLoss/logChainGap").asText()).isNotBlank();
		assertThat(report.at("/dataLoss/description").asText()).isNotBlank();
		assertThat(report.at("/timeline/5/outcome").asText()).as("ApplyLogBackups").isEqualTo("INTERRUPTED");
		assertNoSecret(report.toString());

		assertPrintablePage(id);
		assertTicketMarkdown(id);
	}

	@Test
	void answersProblemsForUnknownFailoversFormatsAndAnonymousCallers() throws Exception {
		Response unknown = lab.send("ticketing", "GET", "/api/failovers/no-such-id/report", null,
				"text/html");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.text()).contains("no-such-id");

		Response png = lab.send("operator", "GET", "/api/failovers/no-such-id/report", null, "image/png");
		assertThat(png.status()).isEqualTo(406);
		assertThat(png.contentType()).startsWith("application/problem+json");
		assertThat(png.text()).contains("text/markdown", "image/png");

		assertThat(lab.send(null, "GET", "/api/failovers/no-such-id/report", null, "application/json").status())
			.isEqualTo(401);
	}

	private void assertPrintablePage(String id) throws IOException, InterruptedException {
		Response page = lab.send("operator", "GET", "/api/failovers/" + id + "/report", null,
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		String html = page.text();
		assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script", "<link", "<b>\"for real\"");
		assertThat(html).containsSubsequence(PATH.stream().map(step -> "<td>" + step + "</td>").toList());
		assertThat(html).contains("Atlanta lost &lt;b&gt;&quot;for real&quot;&lt;/b&gt; | see INC-7001 &amp; bridge",
				"<td>operator</td>", "sp_delete_log_shipping_secondary_database", "RESTORE LOG @P0",
				"RESTORE DATABASE @P0 WITH RECOVERY", "Set-CsPersistentChatState", "Install-CsMirrorDatabase",
				"Set-CsPersistentChatActiveServer", "Data-loss window", "RECOVER_WITH_DATA_LOSS", " ms</td>");
		assertNoSecret(html);
	}

	private void assertTicketMarkdown(String id) throws IOException, InterruptedException {
		Response ticket = lab.send("admin", "GET", "/api/failovers/" + id + "/report", null,
				"text/markdown");
		assertThat(ticket.status()).isEqualTo(200);
		assertThat(ticket.contentType()).startsWith("text/markdown");
		String markdown = ticket.text();
		assertThat(markdown).containsSubsequence(PATH.stream().map(step -> "| " + step + " |").toList());
		assertThat(markdown).contains("| ConfirmFailover | operator | ", "\\| see INC-7001",
				"sp_delete_log_shipping_secondary_database", "Set-CsPersistentChatActiveServer",
				"RECOVER\\_WITH\\_DATA\\_LOSS");
		assertThat(markdown.lines().filter(line -> line.startsWith("| ConfirmFailover | operator")))
			.singleElement()
			.satisfies(row -> assertThat(row.split("(?<!\\\\)\\|")).hasSize(6));
		assertNoSecret(markdown);
	}

	private void completeDrill(String id) throws Exception {
		lab.approve(id, APPROVAL);
		lab.complete(id, "DecideBrokenLogChain", Map.of("logChainDecision", "RECOVER_WITH_DATA_LOSS",
				"logChainComment", "mgc_6 is gone with the Atlanta SAN"));
		lab.complete(id, "ConfirmActiveServers", Map.of());
		lab.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "posted in a room"));
		lab.awaitCompleted(id);
	}

	private JsonNode report(String id, String user) throws IOException, InterruptedException {
		return lab.json(user, "GET", "/api/failovers/" + id + "/report", null, 200);
	}

	private static List<String> stepIds(JsonNode report) {
		return report.path("timeline").findValuesAsText("stepId");
	}

	private static List<String> commands(JsonNode report, String stepId) {
		List<String> commands = new ArrayList<>();
		for (JsonNode step : report.path("timeline")) {
			if (stepId.equals(step.path("stepId").asText())) {
				step.path("actions").forEach(action -> {
					assertThat(action.path("outcome").asText()).as("result of " + action).isNotBlank();
					commands.add(action.path("command").asText());
				});
			}
		}
		return commands;
	}

	/**
	 * No password value, and the lab's secret files' content only inside names: the lab's password equals its
	 * login, which the report shows as {@code login lab} and {@code lab@host}.
	 */
	private void assertNoSecret(String report) throws IOException {
		assertThat(report).doesNotContainPattern("(?i)(password|pwd)\"?\\s*[=:]\\s*[^*\\s\"]");
		try (Stream<Path> files = Files.list(labDir.resolve("secrets"))) {
			for (Path file : files.toList()) {
				String secret = Files.readString(file).strip();
				assertThat(secret).isNotBlank();
				assertThat(report).as("content of " + file.getFileName())
					.doesNotContainPattern("(?<![\\w@.\\\\/-])(?<!login )" + Pattern.quote(secret) + "(?![\\w@.\\\\/-])");
			}
		}
	}

}
