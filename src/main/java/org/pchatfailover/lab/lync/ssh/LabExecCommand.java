package org.pchatfailover.lab.lync.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;

/**
 * One SSH exec request: runs {@link PowerShellExe} on the command line, with the channel's input as standard input
 * (read only for {@code -Command -}), and hands its output and exit code to the client.
 */
class LabExecCommand implements Command {

	// standard input for -Command -: more than this is refused rather than held in memory
	private static final int MAX_STDIN = 1 << 20;

	private final LabLyncShell shell;

	private final String commandLine;

	private final ExecutorService executor;

	private InputStream in;

	private OutputStream out;

	private OutputStream err;

	private ExitCallback exit;

	private Future<?> running;

	// the client asked for a terminal: standard error is then a console, not a pipe
	private boolean console;

	/** @param commandLine the exec request, or null for an interactive shell request */
	LabExecCommand(LabLyncShell shell, String commandLine, ExecutorService executor) {
		this.shell = shell;
		this.commandLine = commandLine;
		this.executor = executor;
	}

	@Override
	public void setInputStream(InputStream in) {
		this.in = in;
	}

	@Override
	public void setOutputStream(OutputStream out) {
		this.out = out;
	}

	@Override
	public void setErrorStream(OutputStream err) {
		this.err = err;
	}

	@Override
	public void setExitCallback(ExitCallback callback) {
		this.exit = callback;
	}

	@Override
	public void start(ChannelSession channel, Environment env) {
		console = !env.getPtyModes().isEmpty() || env.getEnv().containsKey(Environment.ENV_COLUMNS);
		running = executor.submit(this::run);
	}

	@Override
	public void destroy(ChannelSession channel) {
		if (running != null) {
			running.cancel(true);
		}
	}

	private void run() {
		try {
			PowerShellExe.Output output = PowerShellExe.run(shell, commandLine, this::stdin, console);
			finish(output.exitCode(), output.stdout(), output.stderr());
		}
		catch (RuntimeException ex) {
			finish(1, "", "lab Lync shell failed: " + ex.getMessage() + "\r\n");
		}
	}

	// what the client sends until it closes its side; Windows would decode it in the console's code page
	private String stdin() {
		try {
			byte[] bytes = in.readNBytes(MAX_STDIN + 1);
			if (bytes.length > MAX_STDIN) {
				throw new IllegalStateException("standard input over " + MAX_STDIN + " bytes");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read standard input", ex);
		}
	}

	private void finish(int code, String stdout, String stderr) {
		try {
			out.write(stdout.getBytes(StandardCharsets.UTF_8));
			out.flush();
			err.write(stderr.getBytes(StandardCharsets.UTF_8));
			err.flush();
		}
		catch (IOException ex) {
			// the client went away; nothing left to tell it
		}
		finally {
			exit.onExit(code);
		}
	}

}
