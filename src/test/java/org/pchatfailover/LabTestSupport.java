package org.pchatfailover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings for a Spring test that boots the app with the lab: an in-memory engine database, a fresh lab
 * directory and free ports, so tests never touch ./data or clash with a running drill.
 */
public final class LabTestSupport {

	private LabTestSupport() {
	}

	public static void labProperties(DynamicPropertyRegistry registry) {
		Path labDir = newLabDir();
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + labDir.getFileName() + ";DB_CLOSE_DELAY=-1");
		registry.add("pchat.lab.dir", labDir::toString);
		registry.add("pchat.lab.sql-port", () -> "0");
		registry.add("pchat.lab.ssh-port", () -> "0");
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
