package org.pchatfailover.lync;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.pchatfailover.topology.Pool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs cmdlets with a local powershell.exe, for running the application on a Lync server itself. The
 * executable is looked up on PATH here rather than by the operating system, so the one that runs is the one
 * named in messages.
 */
@Component
public class LocalLyncShellTransport implements LyncShellTransport {

	private final String executable;

	private final String path;

	@Autowired
	public LocalLyncShellTransport() {
		this(PowerShell.EXECUTABLE, System.getenv("PATH"));
	}

	/**
	 * @param executable file name looked up on {@code path}, e.g. {@code powershell.exe}
	 * @param path search path in the platform's format, also given to the child process
	 */
	public LocalLyncShellTransport(String executable, String path) {
		this.executable = executable;
		this.path = (path == null) ? "" : path;
	}

	@Override
	public String transport() {
		return "local";
	}

	@Override
	public String describe(Pool.LyncShell shell) {
		return "local " + executable;
	}

	@Override
	public ShellResult run(Pool.LyncShell shell, LyncCommand command) {
		String target = describe(shell);
		Duration timeout = Duration.ofSeconds(shell.timeoutSeconds());
		List<String> commandLine = new ArrayList<>();
		commandLine.add(resolve(command, target).toString());
		commandLine.addAll(PowerShell.SWITCHES);
		commandLine.add(PowerShell.encode(command.script()));
		ProcessBuilder builder = new ProcessBuilder(commandLine).redirectInput(ProcessBuilder.Redirect.PIPE);
		builder.environment().put("PATH", path);
		long started = System.nanoTime();
		Process process;
		try {
			process = builder.start();
			process.getOutputStream().close();
		}
		catch (IOException ex) {
			throw new LyncShellException(command.cmdlet(), target, "cannot start: " + ex.getMessage(), ex);
		}
		CompletableFuture<String> stdout = drain(process.getInputStream());
		CompletableFuture<String> stderr = drain(process.getErrorStream());
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new LyncShellException(command.cmdlet(), target,
						"timed out after " + timeout.toSeconds() + " s (lync-shell.timeout-seconds); process killed",
						null);
			}
			return new ShellResult(process.exitValue(), stdout.get(), stderr.get(),
					Duration.ofNanos(System.nanoTime() - started));
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new LyncShellException(command.cmdlet(), target, "interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new LyncShellException(command.cmdlet(), target, "cannot read output: " + ex.getCause(), ex);
		}
	}

	private Path resolve(LyncCommand command, String target) {
		for (String dir : path.split(File.pathSeparator)) {
			if (dir.isBlank()) {
				continue;
			}
			Path candidate = Path.of(dir, executable);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		throw new LyncShellException(command.cmdlet(), target, executable + " not found on PATH " + path, null);
	}

	// a thread per stream: a child blocked on a full stderr pipe must not wait for stdout's reader
	private static CompletableFuture<String> drain(InputStream stream) {
		return CompletableFuture.supplyAsync(() -> {
			try (stream) {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, task -> {
			Thread reader = new Thread(task, "local-powershell-output");
			reader.setDaemon(true);
			reader.start();
		});
	}

}
