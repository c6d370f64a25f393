package org.pchatfailover.lab.lync.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;

/**
 * One SSH exec request. Accepts what Windows OpenSSH hands to powershell.exe on a Lync server,
 * {@code powershell.exe -NoProfile -NonInteractive -EncodedCommand <base64 UTF-16LE>}, and refuses anything
 * else with a message and exit code 1: the lab never guesses what an unknown command meant.
 */
class LabExecCommand implements Command {

	static final String USAGE = "The lab Lync shell runs only: powershell.exe -NoProfile -NonInteractive"
			+ " -EncodedCommand <base64 of the UTF-16LE script>";

	private static final Set<String> EXECUTABLES = Set.of("powershell.exe", "powershell");

	private static final Set<String> FLAGS = Set.of("-noprofile", "-nop", "-noninteractive", "-nologo");

	private static final Set<String> ENCODED = Set.of("-encodedcommand", "-enc", "-ec", "-e");

	private final LabLyncShell shell;

	private final String commandLine;

	private final ExecutorService executor;

	private OutputStream out;

	private OutputStream err;

	private ExitCallback exit;

	private Future<?> running;

	/** @param commandLine the exec request, or null for an interactive shell request */
	LabExecCommand(LabLyncShell shell, String commandLine, ExecutorService executor) {
		this.shell = shell;
		this.commandLine = commandLine;
		this.executor = executor;
	}

	@Override
	public void setInputStream(InputStream in) {
		// scripts come encoded on the command line; stdin is not read
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
			String script = decode(commandLine);
			if (script == null) {
				finish(1, "", USAGE + "\n");
				return;
			}
			LabLyncShell.Result result = shell.execute(script);
			finish(result.exitCode(), result.stdout(), result.stderr());
		}
		catch (IllegalArgumentException ex) {
			finish(1, "", "Cannot process the command because the value specified with -EncodedCommand is not"
					+ " properly encoded. The value must be Base64 encoded.\n");
		}
		catch (RuntimeException ex) {
			finish(1, "", "lab Lync shell failed: " + ex.getMessage() + "\n");
		}
	}

	// the script, or null when the line is not a powershell.exe -EncodedCommand line
	static String decode(String commandLine) {
		if (commandLine == null) {
			return null;
		}
		List<String> words = List.of(commandLine.strip().split("\\s+"));
		if (words.size() < 3 || !EXECUTABLES.contains(words.get(0).toLowerCase(Locale.ROOT))) {
			return null;
		}
		for (int i = 1; i < words.size(); i++) {
			String word = words.get(i).toLowerCase(Locale.ROOT);
			if (ENCODED.contains(word) && i == words.size() - 2) {
				String encoded = words.get(i + 1);
				return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_16LE);
			}
			if (!FLAGS.contains(word)) {
				return null;
			}
		}
		return null;
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
