package org.pchatfailover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.AppProcess;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.reliability.ReliabilityFigures;
import org.springframework.test.util.TestSocketUtils;

/**
 * The production cluster: two engine nodes, each a process of its own, on one PostgreSQL, running twenty failovers
 * of twenty lab pools at once; one node is killed with SIGKILL while they run, and the other finishes them all. Each
 * ticket has one failover, each pool's logs were restored once and its changes made once, and no step became an
 * incident.
 */
class TwoNodeFailoversIT {

	private static final ReliabilityFigures FIGURES = ReliabilityFigures.of(TwoNodeFailoversIT.class);

	private static final int POOLS = 20;

	private final List<AppProcess> processes = new ArrayList<>();

	private EmbeddedPostgres postgres;

	@AfterEach
	void stop() throws IOException {
		processes.forEach(AppProcess::close);
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void finishesEveryFailoverOnceWhenOneOfTwoNodesIsKilled() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		Path root = Files.createTempDirectory("pchat-two-nodes-");
		Path labDir = root.resolve("lab");
		int[] labPorts = LabTestSupport.labPorts();
		LoadPools pools = new LoadPools(labDir, labPorts, POOLS);
		Path config = pools.write(root.resolve("config"));
		List<String> common = List.of("--spring.config.additional-location=file:" + config + "/",
				"--pchat.lab.dir=" + labDir, "--pchat.lab.sql-port=" + labPorts[0], "--pchat.lab.ssh-port=" + labPorts[1],
				"--pchat.lab.mirror-sql-port=" + labPorts[2], "--pchat.lab.ticketing-port=0",
				"--pchat.lab.primary-sql-port=" + labPorts[3],
				"--pchat.readiness.enabled=false");

		int estatePort = TestSocketUtils.findAvailableTcpPort();
		process("estate", root, AppProcess.STARTED, common, "--server.port=" + estatePort,
				"--camunda.bpm.job-execution.enabled=false").start();
		List<String> nodeArgs = new ArrayList<>(common);
		nodeArgs.addAll(List.of("--spring.profiles.active=lab,postgres", "--pchat.lab.servers=false",
				"--PCHAT_DB_HOST=127.0.0.1", "--PCHAT_DB_PORT=" + postgres.getPort(), "--PCHAT_DB_NAME=postgres",
				"--PCHAT_DB_USER=postgres", "--PCHAT_DB_PASSWORD=postgres", "--pchat.node.heartbeat=PT2S",
				"--pchat.retry.cycle=R3/PT5S"));
		int portA = TestSocketUtils.findAvailableTcpPort();
		int portB = TestSocketUtils.findAvailableTcpPort();
		AppProcess nodeA = process("node-a", root, AppProcess.JOB_EXECUTOR_READY, nodeArgs, "--server.port=" + portA,
				"--pchat.node.id=node-a");
		AppProcess nodeB = process("node-b", root, AppProcess.JOB_EXECUTOR_READY, nodeArgs, "--server.port=" + portB,
				"--pchat.node.id=node-b");
		nodeA.start();
		nodeB.start();
		List<LabDrill> nodes = List.of(new LabDrill(portA), new LabDrill(portB));

		Map<Integer, String> failovers = new LinkedHashMap<>();
		for (int i = 0; i < POOLS; i++) {
			LabDrill node = nodes.get(i % 2);
			failovers.put(i, node.json("ticketing", "POST", "/api/failovers", Map.of("ticketId", "INC-" + (5000 + i),
					"poolFqdn", LoadPools.fqdn(i), "reason", "two nodes", "requestedBy", "j.doe"), 201).path("id").asText());
		}
		failovers.forEach((i, id) -> nodes.get(i % 2).approve(id, "two nodes"));
		// node a dies in the middle of the runbook's steps it took
		nodeA.awaitLog("started on node node-a", AppProcess.START_TIMEOUT);
		nodeA.kill();

		LabDrill survivor = nodes.get(1);
		failovers.values().forEach(id -> survivor.complete(id, "ConfirmActiveServers", Map.of()));
		failovers.values().forEach(id -> survivor.complete(id, "VerifyService",
				Map.of("serviceVerified", "true", "verificationComment", "ok")));
		failovers.values().forEach(survivor::awaitCompleted);

		JsonNode lync = readJson(labDir.resolve("lync/state.json"));
		List<String> duplicates = new ArrayList<>();
		for (int i = 0; i < POOLS; i++) {
			long instances = survivor.json("admin", "GET", "/engine-rest/history/process-instance/count?"
					+ "processInstanceBusinessKey=INC-" + (5000 + i), null, 200).path("count").asLong();
			List<String> restored = restores(pools.instanceDir(i)).stream()
				.map(r -> r.path("restoreType").asText() + " " + r.path("physicalDeviceName").asText())
				.toList();
			String pool = LoadPools.fqdn(i);
			long poolStateChanges = succeeded(lync, "Set-CsPersistentChatState -Identity 'service:" + pool + "'");
			long mirrorInstalls = succeeded(lync, "Install-CsMirrorDatabase", LoadPools.backupFqdn(i));
			if (instances != 1 || restored.size() != restored.stream().distinct().count() || poolStateChanges != 1
					|| mirrorInstalls != 1) {
				duplicates.add(pool + ": " + instances + " failover(s), restores " + restored + ", "
						+ poolStateChanges + " Set-CsPersistentChatState, " + mirrorInstalls + " Install-CsMirrorDatabase");
			}
		}
		long incidents = survivor.json("admin", "GET",
				"/engine-rest/history/incident/count?processDefinitionKey=persistentChatFailover", null, 200)
			.path("count").asLong();
		FIGURES.add("failoversOnTwoNodes", failovers.size());
		FIGURES.add("duplicatesOnTwoNodes", duplicates.size());

		assertThat(duplicates).as("pools with a step's effect twice").isEmpty();
		assertThat(incidents).as("incidents").isZero();
		assertThat(nodeB.logText()).as("node b took node a for dead and freed its locks")
			.contains("engine node node-a silent for");
	}

	private AppProcess process(String name, Path root, String ready, List<String> common, String... more) {
		List<String> arguments = new ArrayList<>(common);
		arguments.addAll(List.of(more));
		AppProcess process = new AppProcess(name, root.resolve(name), ready, arguments);
		processes.add(process);
		return process;
	}

	private static List<JsonNode> restores(Path instanceDir) {
		return StreamSupport.stream(readJson(instanceDir.resolve("sql/state.json")).path("restoreHistory").spliterator(),
				false).toList();
	}

	private static long succeeded(JsonNode lync, String... texts) {
		return StreamSupport.stream(lync.path("history").spliterator(), false)
			.filter(entry -> entry.path("succeeded").asBoolean())
			.filter(entry -> List.of(texts).stream().allMatch(entry.path("command").asText()::contains))
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

}
