package org.pchatfailover.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pchatfailover.ApiClient;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.PchatFailoverApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A drill with a SQL password of its own (the lab takes it from the same file the pool's password-file names):
 * from start-up to report, it appears in no log line, no process variable, no report and no error body.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakIT {

	private static final String SQL_PASSWORD = "Drill-S3cret-7f3a9c";

	@Test
	void keepsTheSqlPasswordOutOfLogsVariablesReportsAndErrors(CapturedOutput output) throws IOException {
		Path labDir = Files.createTempDirectory("pchat-secret-");
		Files.createDirectories(labDir.resolve("secrets"));
		Files.writeString(labDir.resolve("secrets/sql.password"), SQL_PASSWORD, StandardCharsets.UTF_8);

		int[] ports = LabTestSupport.labPorts();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PchatFailoverApplication.class)
			.profiles("lab")
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:" + labDir.getFileName() + ";DB_CLOSE_DELAY=-1",
					"--pchat.lab.dir=" + labDir, "--pchat.lab.sql-port=" + ports[0],
					"--pchat.lab.ssh-port=" + ports[1], "--pchat.lab.mirror-sql-port=" + ports[2],
					"--pchat.lab.primary-sql-port=" + ports[3],
					"--pchat.lab.ticketing-port=0",
					"--logging.level.org.pchatfailover=DEBUG")) {
			LabDrill drill = new LabDrill(((WebServerApplicationContext) app).getWebServer().getPort());
			String id = drill.start("INC-9911", "secret drill");
			drill.approve(id, "secret drill");
			drill.complete(id, "ConfirmActiveServers", Map.of());
			drill.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "ok"));
			drill.awaitCompleted(id);

			StringBuilder seen = new StringBuilder();
			for (String accept : new String[] { "application/json", "text/html", "text/markdown" }) {
				seen.append(drill.send("admin", "GET", "/api/failovers/" + id + "/report", null, accept).text());
			}
			seen.append(drill.send("admin", "GET", "/api/failovers/" + id, null, "application/json").text());
			// what an admin and a Prometheus server read: the pools' probes (once they answered) and the metrics
			seen.append(await().atMost(ApiClient.TIMEOUT)
				.until(() -> drill.send("admin", "GET", "/actuator/health/pools", null, "application/json").text(),
						text -> text.contains("\"serverName\"")));
			seen.append(drill.send("admin", "GET", "/actuator/prometheus", null, "text/plain").text());
			seen.append(drill.send("ticketing", "POST", "/api/failovers", Map.of("ticketId", "bad id"), "application/json")
				.text());
			for (HistoricDetail detail : app.getBean(HistoryService.class)
				.createHistoricDetailQuery()
				.processInstanceId(id)
				.variableUpdates()
				.disableCustomObjectDeserialization()
				.list()) {
				seen.append(((HistoricVariableUpdate) detail).getVariableName())
					.append('=')
					.append(((HistoricVariableUpdate) detail).getValue());
			}

			assertThat(seen.toString()).contains("sp_delete_log_shipping_secondary_database", "pchat_logs_applied_total")
				.doesNotContain(SQL_PASSWORD);
		}
		assertThat(output.getAll()).contains("RemoveLogShipping").doesNotContain(SQL_PASSWORD);
	}

}
