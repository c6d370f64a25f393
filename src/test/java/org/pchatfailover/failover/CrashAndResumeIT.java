package org.pchatfailover.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.AppProcess;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.reliability.ReliabilityFigures;
import org.springframework.test.util.TestSocketUtils;

/**
 * The orchestrator killed during a failover, as a lost data centre or an operator's kill -9 would: the packaged app
 * runs as a process of its own against a lab in another process (the SQL Server and the Lync shell outlive the
 * orchestrator, as on a real estate), is killed with SIGKILL in four places and restarted each time, and the same
 * failover completes. The lab then shows every log backup restored once and every change made once, and the report
 * shows each interruption.
 */
class CrashAndResumeIT {

	private static final ReliabilityFigures FIGURES = ReliabilityFigures.of(CrashAndResumeIT.class);

	private static final int LOG_BACKUPS = 60;

	/**
	 * 60 log backups: 55 to apply, 54 of them only on the share, so that each kill lands while its step still has
	 * work to do (copying 54 files, restoring one log every 300 ms); the point is found from the lab, never timed.
	 */
	private static final String SCENARIO = "uncopied-files?logs=" + LOG_BACKUPS + "&restoreMs=300";

	private static final String RESUMED = "resumed after an interruption";

	private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

	private final List<AppProcess> processes = new ArrayList<>();

	@AfterEach
	void stop() {
		processes.forEach(AppProcess::close);
	}

	@Test
	void completesTheSameFailoverAfterBeingKilledInFourPlaces() throws IOException {
		Path root = Files.createTempDirectory("pchat-crash-");
		Path labDir = root.resolve("lab");
		int[] lab = LabTestSupport.labPorts();
		List<String> labPorts = List.of("--pchat.lab.dir=" + labDir, "--pchat.lab.sql-port=" + lab[0],
				"--pchat.lab.ssh-port=" + lab[1], "--pchat.lab.mirror-sql-port=" + lab[2], "--pchat.lab.ticketing-port=0",
				"--pchat.lab.primary-sql-port=" + lab[3],
				"--pchat.readiness.enabled=false");
		int labPort = TestSocketUtils.findAvailableTcpPort();
		AppProcess estate = process(new AppProcess("estate", root.resolve("estate"), AppProcess.STARTED,
				concat(labPorts, "--server.port=" + labPort, "--camunda.bpm.job-execution.enabled=false")));
		estate.start();
		LabDrill estateLab = new LabDrill(labPort);
		estateLab.json("admin", "POST", "/api/lab/scenarios/" + SCENARIO, null, 200);

		int port = TestSocketUtils.findAvailableTcpPort();
		AppProcess orchestrator = process(new AppProcess("orchestrator", root.resolve("orchestrator"),
				AppProcess.JOB_EXECUTOR_READY, concat(labPorts, "--server.port=" + port, "--pchat.lab.servers=false",
						"--pchat.node.heartbeat=PT2S", "--pchat.retry.cycle=R3/PT5S")));
		orchestrator.start();
		LabDrill drill = new LabDrill(port);
		String id = drill.start("INC-6601", "crash and resume");
		drill.approve(id, "crash drill");

		Map<String, String> interrupted = new LinkedHashMap<>();
		// 1: as soon as CopyBackupFiles has begun (54 files to copy)
		awaitStepStart(orchestrator, "CopyBackupFiles", id);
		interrupted.put("CopyBackupFiles", crashAndRestart(orchestrator, id, "CopyBackupFiles"));
		// 2: between two logs: two more restores are in the lab's history, the next one in flight
		int restored = restores(labDir).size();
		awaitLab(labDir.resolve("sql/state.json"), state -> state.path("restoreHistory").size() >= restored + 2);
		interrupted.put("ApplyLogBackups", crashAndRestart(orchestrator, id, "ApplyLogBackups"));
		// 3: in RecoverDatabase, while RESTORE DATABASE ... WITH RECOVERY runs on the lab (restoreMs)
		awaitStepStart(orchestrator, "RecoverDatabase", id);
		interrupted.put("RecoverDatabase", crashAndRestart(orchestrator, id, "RecoverDatabase"));
		// 4: the pool was just set FailedOver, before SetPoolFailedOver verified and committed it
		awaitLab(labDir.resolve("lync/state.json"),
				state -> state.path("pools").path(LabDrill.POOL).path("poolState").asText().equals("FailedOver"));
		interrupted.put("a Lync step", crashAndRestart(orchestrator, id, "SetPoolFailedOver", "InstallMirror"));

		drill.complete(id, "ConfirmActiveServers", Map.of());
		drill.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "after 4 crashes"));
		drill.awaitCompleted(id);
		FIGURES.add("crashesCompleted", interrupted.size());

		List<String> restoredFiles = restores(labDir).stream().filter(r -> r.path("restoreType").asText().equals("L"))
			.map(r -> r.path("physicalDeviceName").asText().replaceAll(".*\\\\", ""))
			.toList();
		long appliedTwice = restoredFiles.size() - restoredFiles.stream().distinct().count();
		FIGURES.add("logsAppliedTwice", appliedTwice);
		JsonNode lync = readJson(labDir.resolve("lync/state.json"));
		Map<String, Long> changes = new LinkedHashMap<>();
		changes.put("RESTORE DATABASE WITH RECOVERY", restores(labDir).stream()
			.filter(r -> r.path("restoreType").asText().equals("D")).count());
		changes.put("Set-CsPersistentChatState", succeeded(lync, "Set-CsPersistentChatState"));
		changes.put("Install-CsMirrorDatabase", succeeded(lync, "Install-CsMirrorDatabase"));
		changes.put("Set-CsPersistentChatActiveServer @{Add", succeeded(lync, "Set-CsPersistentChatActiveServer")
				- succeeded(lync, "@{Remove"));
		long doubled = changes.values().stream().filter(n -> n > 1).count();
		FIGURES.add("stepsDoubled", doubled);

		assertThat(restoredFiles).as("log backups restored, by file").hasSize(LOG_BACKUPS).doesNotHaveDuplicates();
		assertThat(changes).as("how often each change was made").allSatisfy((change, count) -> assertThat(count)
			.as(change).isOne());
		String report = drill.send("ticketing", "GET", "/api/failovers/" + id + "/report", null, "text/markdown").text();
		Map<String, String> sections = actionSections(report);
		interrupted.values().forEach(step -> assertThat(sections.get(step)).as("the report's part of " + step)
			.contains(RESUMED));
		assertThat(report.split(RESUMED, -1)).as("interruptions the report shows").hasSize(interrupted.size() + 1);
	}

	/** The Markdown report's "### Step: name" parts (statements and cmdlets of each step), by step id. */
	private static Map<String, String> actionSections(String report) {
		Map<String, String> sections = new LinkedHashMap<>();
		for (String part : report.split("\n### ")) {
			int colon = part.indexOf(':');
			if (colon > 0 && part.substring(0, colon).matches("[A-Za-z]+")) {
				sections.merge(part.substring(0, colon), part, String::concat);
			}
		}
		return sections;
	}

	/** SIGKILL, restart, and the seconds from ready until one of the steps runs again; returns that step. */
	private String crashAndRestart(AppProcess orchestrator, String id, String... steps) {
		orchestrator.kill();
		FIGURES.add("crashPoints", 1);
		orchestrator.start();
		String[] resumed = new String[1];
		await().atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
			for (String step : steps) {
				if (orchestrator.logText().contains("step " + step + " of failover " + id + " resumes after an interruption")) {
					resumed[0] = step;
					return true;
				}
			}
			return false;
		});
		FIGURES.max("resumeSecondsAfterRestart", Duration.between(orchestrator.readyAt(), Instant.now()).toMillis() / 1000.0);
		return resumed[0];
	}

	private static void awaitStepStart(AppProcess orchestrator, String step, String id) {
		String line = "step " + step + " of failover " + id + " started on node";
		await().atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(5)).until(() -> orchestrator.logText().contains(line));
	}

	/** Watches the lab's state as it keeps it on disk: the cheapest read, fast enough to land between two changes. */
	private static void awaitLab(Path stateFile, Predicate<JsonNode> reached) {
		await().atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(5)).ignoreExceptions()
			.until(() -> reached.test(readJson(stateFile)));
	}

	private static List<JsonNode> restores(Path labDir) {
		return StreamSupport.stream(readJson(labDir.resolve("sql/state.json")).path("restoreHistory").spliterator(), false)
			.toList();
	}

	private static long succeeded(JsonNode lync, String text) {
		return StreamSupport.stream(lync.path("history").spliterator(), false)
			.filter(entry -> entry.path("succeeded").asBoolean() && entry.path("command").asText().contains(text))
			.filter(entry -> !entry.path("command").asText().contains("-WhatIf"))
			.count();
	}

	private static JsonNode readJson(Path file) {
		try {
			return ApiClient.JSON.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private AppProcess process(AppProcess process) {
		processes.add(process);
		return process;
	}

	private static List<String> concat(List<String> first, String... more) {
		List<String> all = new ArrayList<>(first);
		all.addAll(List.of(more));
		return all;
	}

}
