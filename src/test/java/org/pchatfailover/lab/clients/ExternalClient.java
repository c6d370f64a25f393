package org.pchatfailover.lab.clients;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs one independent client (FreeTDS, pyodbc, pymssql, tedious, mssql, OpenSSH) as a process against the lab:
 * stdin from a string or nothing, stdout and stderr captured, killed with its children when it outlives its
 * timeout. A client that is not installed fails the test, naming the script that installs it: these tests hold
 * the lab to what DBAs use, and a skipped one would hide exactly the gap they are for.
 */
final class ExternalClient {

	/** Per client run; the lab answers in milliseconds, so this only bounds a hang. */
	static final Duration TIMEOUT = Duration.ofSeconds(60);

	static final String INSTALL_SCRIPT = "scripts/install-test-clients.sh";

	/** Debian's Python, which Debian's pyodbc and pymssql are installed for (a pyenv python3 may come first). */
	static final String PYTHON = "/usr/bin/python3";

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	private static final Path NODE_SCRIPTS = PROJECT.resolve("src/test/node");

	private static final Path PYTHON_SCRIPTS = PROJECT.resolve("src/test/python");

	private static final ObjectMapper JSON = new ObjectMapper();

	private ExternalClient() {
	}

	/** A script of src/test/node with its arguments; tedious and mssql come from src/test/node/node_modules. */
	static Result node(String script, Object... args) {
		return node(Map.of(), script, args);
	}

	/** @param environment e.g. {@code LAB_CA_FILE}, the certificate a strict (TDS 8.0) session is to trust */
	static Result node(Map<String, String> environment, String script, Object... args) {
		if (!Files.isDirectory(NODE_SCRIPTS.resolve("node_modules/tedious"))
				|| !Files.isDirectory(NODE_SCRIPTS.resolve("node_modules/mssql"))) {
			throw missing("tedious and mssql (src/test/node/node_modules)");
		}
		return run(TIMEOUT, environment, null, command(require("node"), NODE_SCRIPTS.resolve(script), args));
	}

	/** A script of src/test/python run by Debian's Python. */
	static Result python(String script, Object... args) {
		Result result = run(TIMEOUT, Map.of(), null, command(require(PYTHON), PYTHON_SCRIPTS.resolve(script), args));
		if (result.stderr().contains("ModuleNotFoundError")) {
			throw missing("a Python module for " + PYTHON + " (" + result.stderr().strip() + ")");
		}
		return result;
	}

	/** The tool's path: an absolute path that is executable, or the first match on PATH. */
	static String require(String tool) {
		if (tool.startsWith("/")) {
			if (Files.isExecutable(Path.of(tool))) {
				return tool;
			}
			throw missing(tool);
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
				return Path.of(dir, tool).toString();
			}
		}
		throw missing(tool);
	}

	private static AssertionError missing(String what) {
		return new AssertionError(what + " is not installed: run " + INSTALL_SCRIPT
				+ " (mvn verify runs it before the integration tests)");
	}

	private static List<String> command(String executable, Path script, Object... args) {
		List<String> command = new ArrayList<>(List.of(executable, script.toString()));
		Arrays.stream(args).map(String::valueOf).forEach(command::add);
		return command;
	}

	/**
	 * Runs {@code command} (its executable checked with {@link #require}) with {@code stdin} as its input (null: none)
	 * and {@code environment} added to this process's.
	 */
	static Result run(Duration timeout, Map<String, String> environment, String stdin, List<String> command) {
		List<String> resolved = new ArrayList<>(command);
		resolved.set(0, require(command.get(0)));
		try {
			Path dir = Files.createTempDirectory("pchat-client");
			try {
				return run(timeout, environment, stdin, resolved, dir);
			}
			finally {
				for (String name : List.of("stdin", "stdout", "stderr")) {
					Files.deleteIfExists(dir.resolve(name));
				}
				Files.delete(dir);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Result run(Duration timeout, Map<String, String> environment, String stdin, List<String> command,
			Path dir) throws IOException {
		Path in = Files.writeString(dir.resolve("stdin"), stdin == null ? "" : stdin, StandardCharsets.UTF_8);
		ProcessBuilder builder = new ProcessBuilder(command).redirectInput(in.toFile())
			.redirectOutput(dir.resolve("stdout").toFile())
			.redirectError(dir.resolve("stderr").toFile());
		builder.environment().putAll(environment);
		long started = System.nanoTime();
		Process process = builder.start();
		boolean exited;
		try {
			exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!exited) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for " + command.get(0), ex);
		}
		return new Result(command, exited ? process.exitValue() : -1, !exited,
				Duration.ofNanos(System.nanoTime() - started), read(dir.resolve("stdout")), read(dir.resolve("stderr")));
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	/**
	 * What a client did.
	 *
	 * @param exitCode its exit code, -1 when it was killed
	 * @param timedOut it outlived its timeout and was killed
	 */
	record Result(List<String> command, int exitCode, boolean timedOut, Duration took, String stdout, String stderr) {

		/** The JSON line a scenario script printed for {@code step}, or for {@code login} when it could not log in. */
		JsonNode step(String step) {
			for (String line : stdout.lines().filter(l -> l.startsWith("{")).toList()) {
				JsonNode node = parse(line);
				if (node.path("step").asText().equals(step)) {
					return node;
				}
			}
			throw new AssertionError("no result for step " + step + "\n" + this);
		}

		/** The rows of {@code step}, failing with the client's error when the step failed. */
		JsonNode rows(String step) {
			JsonNode node = step(step);
			if (node.has("error")) {
				throw new AssertionError("step " + step + " failed: " + node.get("error") + "\n" + this);
			}
			return node.get("rows");
		}

		private JsonNode parse(String line) {
			try {
				return JSON.readTree(line);
			}
			catch (JsonProcessingException ex) {
				throw new AssertionError("not a JSON line: " + line + "\n" + this, ex);
			}
		}

		@Override
		public String toString() {
			return String.join(" ", command) + "\nexit " + exitCode + (timedOut ? " (killed after timeout)" : "")
					+ " after " + took.toMillis() + " ms\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
		}

	}

}
