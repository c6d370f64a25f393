package org.pchatfailover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;

/**
 * Settings for a Spring test that boots the app with the lab: an in-memory engine database, a fresh lab
 * directory and free ports, so tests never touch ./data or clash with a running drill.
 */
public final class LabTestSupport {

	private LabTestSupport() {
	}

	public static void labProperties(DynamicPropertyRegistry registry) {
		Path labDir = newLabDir();
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + labDir.getFileName() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		registry.add("pchat.lab.dir", labDir::toString);
		// concrete ports, not 0: dynamic properties arrive after LabPortsEnvironmentPostProcessor has run
		// chosen once: a supplier is asked again at every lookup
		int[] ports = labPorts();
		registry.add("pchat.lab.sql-port", () -> ports[0]);
		registry.add("pchat.lab.ssh-port", () -> ports[1]);
		registry.add("pchat.lab.mirror-sql-port", () -> ports[2]);
		registry.add("pchat.lab.primary-sql-port", () -> ports[3]);
		// nothing names the ticketing system's port but the lab state: it binds any free one
		registry.add("pchat.lab.ticketing-port", () -> 0);
		// no estate check in the background of a test: it would add Get- cmdlets to the lab's history
		registry.add("pchat.readiness.enabled", () -> false);
	}

	/** A failing step becomes an incident at its first failure, and the job executor looks for due jobs every second. */
	public static void incidentAtFirstFailure(DynamicPropertyRegistry registry) {
		registry.add("pchat.retry.cycle", () -> "R1/PT1S");
		registry.add("camunda.bpm.job-execution.wait-time-in-millis", () -> 200);
		registry.add("camunda.bpm.job-execution.max-wait", () -> 1000);
	}

	/** Free ports for the lab's SQL Server, Lync shell, mirror and primary SQL Server; four, no port twice. */
	public static int[] labPorts() {
		java.util.Set<Integer> ports = new java.util.LinkedHashSet<>();
		while (ports.size() < 4) {
			ports.add(TestSocketUtils.findAvailableTcpPort());
		}
		return ports.stream().mapToInt(Integer::intValue).toArray();
	}

	private static Path newLabDir() {
		try {
			return Files.createTempDirectory("pchat-lab-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
