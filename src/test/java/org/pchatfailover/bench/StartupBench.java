package org.pchatfailover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.util.FileSystemUtils;

/**
 * startupSeconds and rssMbAfterFailover: the packaged jar started as a child process with the JVM options the
 * README recommends ({@value #RECOMMENDED_JVM_OPTIONS}; {@code -Dbench.jvmOptions=...} tries others), timed from
 * the process start to the first answer of {@code GET /api/lab/state} (the app and its lab serving); then one full
 * lab failover over HTTP, and VmRSS from {@code /proc/<pid>/status}. A warm-up start (the disk cache), then
 * {@value #RUNS} starts; medians.
 */
class StartupBench {

	static final String RECOMMENDED_JVM_OPTIONS = "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

	static final int WARMUPS = 1;

	static final int RUNS = 3;

	static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void startsTheJarWithTheLabAndFailsOverWithinItsMemory() throws Exception {
		BenchFigures figures = BenchFigures.of(getClass());
		String options = System.getProperty("bench.jvmOptions", RECOMMENDED_JVM_OPTIONS);
		Path jar = Path.of(System.getProperty("bench.jar", "target/pchat-failover-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).as("the packaged app (mvn -Pbench verify packages it first)").isRegularFile();
		figures.detail("jvmOptions", options);
		List<Double> startups = new ArrayList<>();
		List<Double> rss = new ArrayList<>();
		List<Double> cpu = new ArrayList<>();
		for (int run = 0; run < WARMUPS + RUNS; run++) {
			double[] measured = startAndFailOver(jar, options, run);
			if (run >= WARMUPS) {
				startups.add(measured[0]);
				rss.add(measured[1]);
				cpu.add(measured[2]);
			}
			figures.detail("startupSeconds", startups).detail("rssMb", rss).detail("cpuSecondsToReady", cpu);
		}
		figures.figure("startupSeconds", BenchStats.round(BenchStats.median(startups), 2));
		figures.figure("rssMbAfterFailover", BenchStats.round(BenchStats.median(rss), 1));
	}

	/**
	 * @return seconds to ready, resident MB after one failover, CPU seconds to ready; started again on other ports when a port chosen
	 * free was taken meanwhile (the machine is shared)
	 */
	private double[] startAndFailOver(Path jar, String options, int run) throws Exception {
		for (int attempt = 1;; attempt++) {
			try {
				return startOnFreePortsAndFailOver(jar, options, run);
			}
			catch (PortTakenException ex) {
				if (attempt == 3) {
					throw new AssertionError(ex.getMessage());
				}
			}
		}
	}

	private double[] startOnFreePortsAndFailOver(Path jar, String options, int run) throws Exception {
		Path dir = Files.createTempDirectory("pchat-bench-start-");
		int[] lab = LabTestSupport.labPorts();
		int httpPort;
		do {
			httpPort = TestSocketUtils.findAvailableTcpPort();
		}
		while (httpPort == lab[0] || httpPort == lab[1] || httpPort == lab[2]);
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(Arrays.asList(options.trim().split("\\s+")));
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + httpPort,
				"--pchat.lab.sql-port=" + lab[0], "--pchat.lab.ssh-port=" + lab[1],
				"--pchat.lab.mirror-sql-port=" + lab[2]));
		Path log = dir.resolve("app.log");
		long started = System.nanoTime();
		Process app = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			awaitReady(app, httpPort, log);
			double seconds = (System.nanoTime() - started) / 1e9;
			// the CPU the start took, all threads: what a busy shared machine does not stretch
			double cpuSeconds = app.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
			failOver(httpPort, run);
			double rssMb = residentKb(app.pid()) / 1024.0;
			return new double[] { seconds, rssMb, cpuSeconds };
		}
		finally {
			app.destroy();
			if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				app.destroyForcibly().waitFor();
			}
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private void awaitReady(Process app, int port, Path log) throws Exception {
		HttpRequest state = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/lab/state"))
			.timeout(Duration.ofSeconds(5))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
			.build();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!app.isAlive()) {
				String tail = tail(log);
				if (tail.contains("already in use")) {
					throw new PortTakenException(tail);
				}
				throw new AssertionError("the app exited with " + app.exitValue() + ": " + tail);
			}
			try {
				if (http.send(state, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(20);
		}
		throw new AssertionError("the app did not answer within " + START_TIMEOUT + ": " + tail(log));
	}

	private static void failOver(int port, int run) {
		LabDrill drill = new LabDrill(port);
		drill.scenario("normal");
		String id = drill.start("BENCH-START-" + run, "benchmark: memory after a failover");
		drill.approve(id, "benchmark");
		drill.complete(id, "ConfirmActiveServers", Map.of());
		drill.complete(id, "VerifyService", Map.of("serviceVerified", "true", "verificationComment", "benchmark"));
		drill.awaitCompleted(id);
	}

	static long residentKb(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		throw new IllegalStateException("no VmRSS in /proc/" + pid + "/status");
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
	}

	/** Another process took a port between the benchmark choosing it and the app binding it. */
	private static final class PortTakenException extends Exception {

		PortTakenException(String log) {
			super(log);
		}

	}

}
