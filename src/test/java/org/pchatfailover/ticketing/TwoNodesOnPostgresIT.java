package org.pchatfailover.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pchatfailover.ApiClient;
import org.pchatfailover.ApiClient.Response;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.PchatFailoverApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production set-up of docker-compose.yml on a real PostgreSQL: two engine nodes on one database, the
 * second using the first node's lab. Requests for one ticket spread over both nodes start one failover, and a
 * drill runs to the end whichever node's job executor takes each step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesOnPostgresIT {

	private EmbeddedPostgres postgres;

	private ConfigurableApplicationContext nodeA;

	private ConfigurableApplicationContext nodeB;

	@BeforeAll
	void startPostgresAndTwoNodes() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		Path labDir = Files.createTempDirectory("pchat-two-nodes-");
		int[] ports = LabTestSupport.labPorts();
		String sqlPort = String.valueOf(ports[0]);
		String sshPort = String.valueOf(ports[1]);
		String mirrorPort = String.valueOf(ports[2]);
		// node b starts no lab but reads the lab pool's placeholders: the same ports
		String primaryPort = "--pchat.lab.primary-sql-port=" + ports[3];
		nodeA = node(labDir, sqlPort, sshPort, mirrorPort, primaryPort, "--pchat.lab.servers=true",
				"--pchat.node.id=node-a");
		nodeB = node(labDir, sqlPort, sshPort, mirrorPort, primaryPort, "--pchat.lab.servers=false",
				"--pchat.node.id=node-b");
	}

	@AfterAll
	void stop() throws IOException {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { nodeB, nodeA }) {
			if (node != null) {
				node.close();
			}
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void startsOneFailoverForOneTicketWhateverNodeTheRequestsReach() throws Exception {
		List<ApiClient> nodes = List.of(new ApiClient(port(nodeA)), new ApiClient(port(nodeB)));
		Map<String, Object> request = Map.of("ticketId", "INC-2424", "poolFqdn", LabDrill.POOL, "reason",
				"two nodes", "requestedBy", "j.doe");
		ExecutorService clients = Executors.newFixedThreadPool(40);
		List<Future<Response>> responses = new ArrayList<>();
		try {
			for (int i = 0; i < 40; i++) {
				ApiClient node = nodes.get(i % 2);
				responses.add(clients.submit(() -> node.send("ticketing:ticketing", "POST", "/api/failovers", request,
						"application/json")));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Response> response : responses) {
				statuses.add(response.get(ApiClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS).status());
			}
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 200).hasSize(39);
		}
		finally {
			clients.shutdownNow();
		}
		RuntimeService runtime = nodeA.getBean(RuntimeService.class);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("INC-2424").count()).isOne();

		// the drill, its tasks worked on node b, its steps taken by either node's job executor
		LabDrill drill = new LabDrill(port(nodeB));
		String id = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INC-2424").singleResult().getId();
		drill.approve(id, "two nodes");
		drill.complete(id, "ConfirmActiveServers", Map.of());
		drill.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "ok"));
		drill.awaitCompleted(id);
		assertThat(new LabDrill(port(nodeA)).json("admin", "GET", "/api/lab/state", null, 200)
			.at("/lync/pools/atl-cs-001.litwareinc.com/poolState")
			.asText()).isEqualTo("FailedOver");
	}

	// each node its own id: two nodes under one id would refuse to start (cluster/NodeLease)
	private ConfigurableApplicationContext node(Path labDir, String sqlPort, String sshPort, String mirrorPort,
			String primaryPort, String servers, String nodeId) {
		return new SpringApplicationBuilder(PchatFailoverApplication.class).profiles("lab", "postgres")
			.run("--server.port=0", "--PCHAT_DB_HOST=127.0.0.1", "--PCHAT_DB_PORT=" + postgres.getPort(),
					"--PCHAT_DB_NAME=postgres", "--PCHAT_DB_USER=postgres", "--PCHAT_DB_PASSWORD=postgres",
					"--pchat.lab.dir=" + labDir, "--pchat.lab.sql-port=" + sqlPort, "--pchat.lab.ssh-port=" + sshPort,
					"--pchat.lab.mirror-sql-port=" + mirrorPort, primaryPort, "--pchat.lab.ticketing-port=0",
					"--pchat.readiness.enabled=false", servers, nodeId);
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

}
