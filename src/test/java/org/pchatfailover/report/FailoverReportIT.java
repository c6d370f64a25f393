package org.pchatfailover.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.ApiClient.Response;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.security.WebappLogin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

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

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

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
		JsonNode reset = lab.json("admin", "POST", "/api/lab/scenarios/broken-chain", null, 200);
		String callbackUrl = reset.at("/ticketing/callbackUrl").asText() + "/INC-7001";
		String id = lab.start("INC-7001", "Atlanta data centre lost", callbackUrl);
		assertPlanInTheReadersLanguage(lab.awaitTask(id, "ConfirmFailover"));

		JsonNode waiting = report(id, "ticketing");
		assertThat(waiting.path("state").asText()).isEqualTo("WAITING_FOR_OPERATOR");
		assertThat(stepIds(waiting)).containsExactly("FailoverRequested", "CheckPreconditions", "ConfirmFailover");
		assertThat(waiting.at("/timeline/2/outcome").asText()).isEqualTo("WAITING");
		assertThat(waiting.at("/dataLoss/lostUntil").isTextual()).as("the plan shows the loss").isTrue();

		lab.approve(id, APPROVAL);
		String lost = assertLossStatedInTheForm(id, reset);
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
		assertThat(report.at("/dataLoss/whatIsLost").asText()).isEqualTo(lost);
		assertThat(received(reset, "/INC-7001")).filteredOn(c -> c.path("step").asText().equals("DecideBrokenLogChain"))
			.singleElement()
			.satisfies(c -> assertThat(c.path("dataLoss").asText()).isEqualTo(lost));
		assertThat(received(reset, "/INC-7001")).filteredOn(c -> c.path("state").asText().equals("COMPLETED"))
			.singleElement()
			.satisfies(c -> assertThat(c.path("dataLoss").asText()).isEqualTo(lost));
		assertThat(received(reset, "/INC-7001")).filteredOn(c -> c.path("step").asText().equals("ConfirmFailover"))
			.allSatisfy(c -> assertThat(c.has("dataLoss")).as("no loss before the gap").isFalse());
		assertThat(report.at("/timeline/5/outcome").asText()).as("ApplyLogBackups").isEqualTo("INTERRUPTED");
		assertNoSecret(report.toString());

		assertPrintablePage(id, lost);
		assertTicketMarkdown(id, lost);
	}

	/**
	 * The lab's broken-chain scenario: eight log backups 15 minutes apart, five restored by log shipping, the seventh
	 * lost on the primary. So the sixth is the last one recovered and the seventh's name is the missing one.
	 * @return the statement, as DecideBrokenLogChain's form shows it
	 */
	private String assertLossStatedInTheForm(String id, JsonNode reset) throws Exception {
		String taskId = lab.awaitTask(id, "DecideBrokenLogChain");
		List<String> share = new ArrayList<>();
		reset.at("/sql/shareFiles").forEach(f -> share.add(f.asText()));
		Collections.sort(share);
		assertThat(share).hasSize(7);
		String lastRecovered = share.get(5);
		LocalDateTime sixth = LocalDateTime.parse(lastRecovered.substring(4, 18), FILE_TIME);
		String missing = "mgc_" + FILE_TIME.format(sixth.plusMinutes(15)) + ".trn";

		String lost = lab.json("operator", "GET", "/engine-rest/task/" + taskId + "/form-variables", null, 200)
			.at("/dataLossStatement/value").asText();
		assertThat(lost).startsWith("DATA LOSS: missing " + missing + " (")
			.contains("before " + share.get(6), "The last transaction recovered is in " + lastRecovered + " (LastLSN ",
					"backup finished " + sixth.plusMinutes(1).toLocalDate(), "EVERYTHING AFTER IT IS LOST")
			.doesNotContain("null");
		String form = lab.send("operator", "GET", "/engine-rest/task/" + taskId + "/deployed-form", null,
				"application/json").text();
		assertThat(form).as("the form shows it emphasised").contains("**{{dataLossStatement}}**");
		assertLossStatedInTheReadersLanguage(id, taskId, missing, lastRecovered);
		return lost;
	}

	/**
	 * The statement is stored in English for the callback; Tasklist's form (its form-variables, fetched as a logged-in
	 * browser in Chinese) and the report (German) say it in the reader's language, with the same file names.
	 */
	private void assertLossStatedInTheReadersLanguage(String id, String taskId, String missing, String lastRecovered)
			throws Exception {
		HttpClient tasklist = WebappLogin.session(port, "operator", "operator", "tasklist").client();
		HttpResponse<String> variables = tasklist.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/api/engine/engine/default/task/" + taskId
					+ "/form-variables?deserializeValues=false"))
			.header("Accept", "application/json")
			.header("Accept-Language", "zh-CN,zh;q=0.9")
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
		assertThat(ApiClient.JSON.readTree(variables.body()).at("/dataLossStatement/value").asText())
			.startsWith("数据丢失：缺少 " + missing + "（")
			.contains("恢复的最后一个事务位于 " + lastRecovered + " 中", "此后的所有内容都将丢失");

		HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/failovers/" + id + "/report"))
			.header("Accept", "text/html")
			.header("Accept-Language", "de-DE,de;q=0.9")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("operator:operator".getBytes()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(page.body()).contains("<html lang=\"de\">", "<strong>DATENVERLUST: es fehlen " + missing + " (",
				"Die letzte wiederhergestellte Transaktion liegt in " + lastRecovered, "ALLES DANACH GEHT VERLOREN",
				"die Protokollkette von mgc auf ");

		String gap = lab.json("operator", "GET", "/engine-rest/task/" + taskId + "/form-variables", null, 200)
			.at("/logChainGap/value").asText();
		assertThat(gap).startsWith("log chain of mgc on ").contains(" is broken: ", "; DATA LOSS: missing " + missing);
		assertThat(formVariables(taskId, "zh-CN,zh;q=0.9").at("/logChainGap/value").asText())
			.contains(" 上 mgc 的日志链已中断：", "；数据丢失：缺少 " + missing + "（")
			.doesNotContain("log chain of", "DATA LOSS");
	}

	/**
	 * ConfirmFailover's plan (the broken chain's: logs to apply, the gap, the loss) is stored in English and shown by
	 * Tasklist, a browser in German or Chinese, in the reader's language line by line, every listed file as it is.
	 */
	private void assertPlanInTheReadersLanguage(String taskId) throws Exception {
		String stored = lab.json("operator", "GET", "/engine-rest/task/" + taskId + "/form-variables", null, 200)
			.at("/planSummary/value").asText();
		assertThat(stored).startsWith("Pool ").contains("\nBackup share: ", "\nLog backups to apply in LSN order: ",
				"\nLOG CHAIN BROKEN: next log must start at or before LSN ", "\nData loss: DATA LOSS: ");
		List<String> items = stored.lines().filter(line -> line.startsWith("  - ")).toList();
		assertThat(items).isNotEmpty();
		String german = formVariables(taskId, "de-DE,de;q=0.9").at("/planSummary/value").asText();
		String chinese = formVariables(taskId, "zh-CN,zh;q=0.9").at("/planSummary/value").asText();
		for (String said : List.of(german, chinese)) {
			assertThat(said.lines().toList()).as(said).hasSameSizeAs(stored.lines().toList()).containsAll(items);
			assertThat(said).doesNotContain("Backup share", "LOG CHAIN BROKEN", "DATA LOSS", "Data loss");
		}
		assertThat(german).startsWith("Pool ").contains("\nSicherungsfreigabe: ",
				"\nIn LSN-Reihenfolge anzuwendende Sicherungen des Transaktionsprotokolls: ",
				"\nPROTOKOLLKETTE UNTERBROCHEN: ", "\nDatenverlust: DATENVERLUST: ");
		assertThat(chinese).startsWith("池 ")
			.contains("\n备份共享：", "\n要按 LSN 顺序应用的事务日志备份：", "\n日志链中断：", "\n数据丢失：数据丢失：");
		assertThat(lab.json("operator", "GET", "/engine-rest/task/" + taskId + "/form-variables", null, 200)
			.at("/planSummary/value").asText()).as("the stored English is untouched").isEqualTo(stored);
	}

	/** The task's form-variables as Tasklist fetches them, a logged-in browser asking for {@code acceptLanguage}. */
	private JsonNode formVariables(String taskId, String acceptLanguage) throws Exception {
		HttpClient tasklist = WebappLogin.session(port, "operator", "operator", "tasklist").client();
		HttpResponse<String> variables = tasklist.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/api/engine/engine/default/task/" + taskId
					+ "/form-variables?deserializeValues=false"))
			.header("Accept", "application/json")
			.header("Accept-Language", acceptLanguage)
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
		assertThat(variables.headers().firstValue("Content-Language")).isPresent();
		return ApiClient.JSON.readTree(variables.body());
	}

	private List<JsonNode> received(JsonNode reset, String path) throws Exception {
		String prefix = URI.create(reset.at("/ticketing/callbackUrl").asText()).getPath();
		List<JsonNode> received = new ArrayList<>();
		await().atMost(ApiClient.TIMEOUT).until(() -> {
			received.clear();
			lab.json("admin", "GET", "/api/lab/state", null, 200).at("/ticketing/received").forEach(c -> {
				if ((prefix + path).equals(c.path("path").asText())) {
					received.add(c.path("body"));
				}
			});
			return received.stream().anyMatch(c -> c.path("state").asText().equals("COMPLETED"));
		});
		return received;
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

		Response mars = lab.send("operator", "GET", "/api/failovers/no-such-id/report?tz=Mars/Olympus_Mons", null,
				"text/markdown");
		assertThat(mars.status()).isEqualTo(400);
		assertThat(mars.contentType()).startsWith("application/problem+json");
		assertThat(mars.json().at("/errors/0/field").asText()).isEqualTo("tz");
		assertThat(mars.json().path("detail").asText()).startsWith("'Mars/Olympus_Mons' is not a time zone");
		assertThat(lab.send("operator", "GET", "/api/failovers/no-such-id/report?tz=%2B05:00", null, "text/html")
			.status()).as("an offset is no zone: it ignores daylight saving time").isEqualTo(400);
	}

	private void assertPrintablePage(String id, String lost) throws IOException, InterruptedException {
		Response page = lab.send("operator", "GET", "/api/failovers/" + id + "/report", null,
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		String html = page.text();
		assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<link", "<b>\"for real\"");
		assertThat(html.split("<script", -1)).as("the one script is the page's own, for the reader's time zone").hasSize(2);
		assertThat(html).containsPattern("<td><time datetime=\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\">"
				+ "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC</time></td>");
		assertThat(html).containsSubsequence(PATH.stream().map(step -> "<td>" + step + "</td>").toList());
		assertThat(html).contains("Atlanta lost &lt;b&gt;&quot;for real&quot;&lt;/b&gt; | see INC-7001 &amp; bridge",
				"<td>operator</td>", "sp_delete_log_shipping_secondary_database", "RESTORE LOG @P0",
				"RESTORE DATABASE @P0 WITH RECOVERY", "Set-CsPersistentChatState", "Install-CsMirrorDatabase",
				"Set-CsPersistentChatActiveServer", "Data-loss window", "RECOVER_WITH_DATA_LOSS", " ms</td>");
		assertThat(html).contains("<strong>" + HtmlUtils.htmlEscape(lost) + "</strong>");
		assertNoSecret(html);
	}

	private void assertTicketMarkdown(String id, String lost) throws IOException, InterruptedException {
		Response ticket = lab.send("admin", "GET", "/api/failovers/" + id + "/report", null,
				"text/markdown");
		assertThat(ticket.status()).isEqualTo(200);
		assertThat(ticket.contentType()).startsWith("text/markdown");
		String markdown = ticket.text();
		assertThat(markdown).containsSubsequence(PATH.stream().map(step -> "| " + step + " |").toList());
		assertThat(markdown).contains("| ConfirmFailover | operator | ", "\\| see INC-7001",
				"sp_delete_log_shipping_secondary_database", "Set-CsPersistentChatActiveServer",
				"RECOVER\\_WITH\\_DATA\\_LOSS");
		assertThat(markdown).contains("**" + ReportMarkdown.cell(lost) + "**");
		assertThat(markdown).containsPattern("\\| Started \\| \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\|");
		// a ticketing system in Chicago asks for its own zone: every time in it, named (the lab's SQL Server's UTC-6)
		String chicago = lab.send("admin", "GET", "/api/failovers/" + id + "/report?tz=America/Chicago", null,
				"text/markdown").text();
		assertThat(chicago).containsPattern("\\| Started \\| \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d C[SD]T "
				+ "\\(America/Chicago\\) \\|").doesNotContain(" UTC |");
		String page = lab.send("admin", "GET", "/api/failovers/" + id + "/report?tz=America/Chicago", null,
				"text/html").text();
		assertThat(page).contains("<html lang=\"en\" data-zone=\"America/Chicago\">")
			.containsPattern("<time datetime=\"[0-9T:.-]+Z\">[0-9 :-]+ C[SD]T \\(America/Chicago\\)</time>");
		assertThat(markdown.lines().filter(line -> line.startsWith("| ConfirmFailover | operator")))
			.singleElement()
			.satisfies(row -> assertThat(row.split("(?<!\\\\)\\|")).hasSize(6));
		assertNoSecret(markdown);
	}

	private void completeDrill(String id) throws Exception {
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
