package org.pchatfailover.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.topology.Topology;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scheduled estate check: due once per interval, run by one engine node at a time. Two schedulers with their
 * own node ids stand for two engine nodes on one database.
 */
@SpringBootTest
class ReadinessSchedulerIT {

	static final String POOL = "atl-cs-001.litwareinc.com";

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@Autowired
	Topology topology;

	@Autowired
	EstateReadiness readiness;

	@Autowired
	ReadinessStore store;

	@Autowired
	ReadinessProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void noCheckYet() {
		jdbc.update("DELETE FROM PCHAT_READINESS");
	}

	@Test
	void runsADuePoolOnceWhenTwoNodesLookAtTheSameTime() throws Exception {
		ReadinessScheduler nodeA = new ReadinessScheduler(topology, readiness, store, properties);
		ReadinessScheduler nodeB = new ReadinessScheduler(topology, readiness, store, properties);
		Instant now = Instant.now();

		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = nodes.invokeAll(List.<Callable<Integer>>of(() -> nodeA.runDue(now),
					() -> nodeB.runDue(now)), 2, TimeUnit.MINUTES);
			assertThat(runs.get(0).get() + runs.get(1).get()).as("checks run by both nodes together").isOne();
		}
		finally {
			nodes.shutdownNow();
		}

		assertThat(readiness.last(POOL)).hasValueSatisfying(report -> assertThat(report.pool()).isEqualTo(POOL));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM PCHAT_READINESS WHERE LEASE_NODE_ IS NOT NULL",
				Integer.class)).as("leases released").isZero();
	}

	@Test
	void runsThePoolAgainOnlyOnceTheIntervalHasPassed() {
		ReadinessScheduler node = new ReadinessScheduler(topology, readiness, store, properties);
		Instant first = Instant.now();
		assertThat(node.runDue(first)).isOne();
		Instant checkedAt = readiness.last(POOL).orElseThrow().checkedAt();

		assertThat(node.runDue(first.plus(Duration.ofMinutes(1)))).as("a minute later").isZero();
		assertThat(node.runDue(checkedAt.plus(properties.interval()).plusSeconds(1))).as("an interval later").isOne();
	}

	@Test
	void leavesAPoolWhoseLeaseAnotherNodeHoldsUntilTheLeaseExpires() {
		Instant now = Instant.now();
		assertThat(store.tryLease(POOL, "crashed-node", now, now.plus(ReadinessScheduler.LEASE), now)).isTrue();
		ReadinessScheduler node = new ReadinessScheduler(topology, readiness, store, properties);

		assertThat(node.runDue(now.plusSeconds(30))).as("while the crashed node's lease lives").isZero();
		assertThat(node.runDue(now.plus(ReadinessScheduler.LEASE).plusSeconds(1))).as("after it expired").isOne();
	}

}
