package org.pchatfailover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged app ({@code target/pchat-failover-*.jar}, built by {@code package} before failsafe runs) as a process
 * of its own, in a working directory of its own: what an operator runs, and what can be killed as a data centre's
 * outage kills it. {@link #kill()} is {@code Process.destroyForcibly()}, a SIGKILL on Linux: no shutdown hook, no
 * flush, no clean stop. Each life writes its own log file next to the working directory's data.
 */
public final class AppProcess implements AutoCloseable {

	/** Starting a Spring Boot app with the engine on a busy two-core machine: bounded, generously. */
	public static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	/** Camunda's "ENGINE-14018 JobExecutor[...] starting to acquire jobs": after every ApplicationRunner. */
	public static final String JOB_EXECUTOR_READY = "ENGINE-14018";

	/** Spring Boot's start line; before the ApplicationRunners, so for nodes without a job executor only. */
	public static final String STARTED = "Started PchatFailoverApplication";

	private final String name;

	private final Path workDir;

	private final List<String> arguments;

	private final String readyMarker;

	private Process process;

	private Path log;

	private int lives;

	private Instant readyAt;

	public AppProcess(String name, Path workDir, String readyMarker, List<String> arguments) {
		this.name = name;
		this.workDir = workDir;
		this.readyMarker = readyMarker;
		this.arguments = List.copyOf(arguments);
	}

	/** Starts a new life of the app and waits until it is ready. */
	public AppProcess start() {
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-Djava.security.egd=file:/dev/./urandom", "-jar", jar().toString()));
		command.addAll(arguments);
		lives++;
		log = workDir.resolve(name + "-" + lives + ".log");
		System.out.println("starting " + name + " (life " + lives + "), its output in " + log);
		try {
			Files.createDirectories(workDir);
			process = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + command, ex);
		}
		awaitLog(readyMarker, START_TIMEOUT);
		readyAt = Instant.now();
		return this;
	}

	/** SIGKILL, and waits until the process is gone. */
	public void kill() {
		if (process == null) {
			return;
		}
		process.destroyForcibly();
		try {
			if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				throw new IllegalStateException(name + " did not die from SIGKILL within 60 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while killing " + name, ex);
		}
		process = null;
	}

	/** When this life was seen ready (the test's clock). */
	public Instant readyAt() {
		return readyAt;
	}

	public boolean isAlive() {
		return process != null && process.isAlive();
	}

	/** Waits until this life's log contains the text; fails with the log's tail if the process dies first. */
	public void awaitLog(String text, Duration timeout) {
		try {
			org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
				if (process == null || !process.isAlive()) {
					throw new IllegalStateException(name + " exited before logging '" + text + "':\n" + tail());
				}
				return logText().contains(text);
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new IllegalStateException(name + " did not log '" + text + "' within " + timeout + ":\n" + tail(), ex);
		}
	}

	/** This life's output so far. */
	public String logText() {
		try {
			return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String tail() {
		String text = logText();
		return text.substring(Math.max(0, text.length() - 6000));
	}

	@Override
	public void close() {
		kill();
	}

	/** The repackaged jar of this build, not the plain one. */
	public static Path jar() {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("pchat-failover-.*\\.jar"))
				.filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/pchat-failover-*.jar: run mvn package first"))
				.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

}
