package org.pchatfailover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A live node's heartbeat never moves the lock of a step it runs. Camunda's FailedJobListener compares the job's
 * {@code LOCK_EXP_TIME_} in the database with the one it acquired and, when they differ, takes the job for
 * re-acquired and skips the failure: no retry, no incident, the step locked for good. The heartbeats used to extend
 * running steps' locks, and a failing step that ran across an extension hung so (seen in FaultRecoveryIT under load).
 * Here the heartbeat beats every 100 ms for 12 s, longer than a third of the job lock (when the old extension came),
 * while a step hangs in a slow cmdlet; its lock stays as acquired.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HeartbeatLeavesJobLocksIT {

	private static final Duration JOB_LOCK = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
		registry.add("pchat.node.heartbeat", () -> "PT0.1S");
		registry.add("pchat.node.job-lock", JOB_LOCK::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRunningStepKeepsTheLockItWasAcquiredWith() {
		LabDrill drill = new LabDrill(port);
		drill.scenario("normal");
		drill.json("admin", "POST", "/api/lab/faults/slow-cmdlet", null, 200);
		String id = drill.start("INC-1901", "drill: heartbeat and job locks");
		drill.awaitTask(id, "ConfirmFailover");
		drill.approve(id, "drill: heartbeat and job locks");
		try {
			Timestamp acquired = await().atMost(ApiClient.TIMEOUT)
				.until(() -> lockOfRunningStep(id, "SetPoolFailedOver"), lock -> lock != null);

			List<Timestamp> seen = new ArrayList<>();
			long until = System.nanoTime() + JOB_LOCK.dividedBy(3).plusSeconds(2).toNanos();
			while (System.nanoTime() < until) {
				seen.add(lockOfRunningStep(id, "SetPoolFailedOver"));
				sleep(Duration.ofMillis(500));
			}

			assertThat(seen).as("the step still runs, in its slow cmdlet").doesNotContainNull();
			assertThat(seen).as("its lock as acquired, over %d heartbeats", seen.size() * 5).containsOnly(acquired);
		}
		finally {
			drill.json("admin", "DELETE", "/api/lab/faults/slow-cmdlet", null, 200);
			drill.json("admin", "DELETE", "/engine-rest/process-instance/" + id, null, 204);
		}
	}

	/** The lock expiry of the step's job while a job executor holds it, null when none does. */
	private Timestamp lockOfRunningStep(String processInstanceId, String step) {
		List<Timestamp> locks = jdbc.queryForList("SELECT J.LOCK_EXP_TIME_ FROM ACT_RU_JOB J "
				+ "JOIN ACT_RU_JOBDEF D ON D.ID_ = J.JOB_DEF_ID_ "
				+ "WHERE J.PROCESS_INSTANCE_ID_ = ? AND D.ACT_ID_ = ? AND J.LOCK_OWNER_ IS NOT NULL", Timestamp.class,
				processInstanceId, step);
		return locks.isEmpty() ? null : locks.get(0);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
