package org.pchatfailover.lab.lync.ssh;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.lab.lync.powershell.ErrorStream;

/**
 * powershell.exe on the lab's Lync server, as Windows OpenSSH starts it for an exec request: the line goes through
 * {@code cmd.exe /c} (whose operators the lab refuses rather than guess), is split into arguments by the C runtime's
 * rules, and powershell.exe parses its own switches ({@link PowerShellSwitches}) before it runs the script in the lab
 * shell. Standard output carries what the script wrote (CRLF line ends); standard error the error records, as CLIXML
 * for -EncodedCommand ({@link ErrorStream}). Public so that the product's tests can run their command lines through
 * the same path without a socket.
 */
public final class PowerShellExe {

	static final String USAGE = "The lab Lync shell runs only: powershell.exe -NoProfile -NonInteractive"
			+ " -EncodedCommand <base64 of the UTF-16LE script>, or powershell.exe with -Command and the other switches"
			+ " powershell.exe takes.";

	private static final String CRLF = "\r\n";

	/** What powershell.exe wrote to its standard output and error, and its exit code. */
	public record Output(int exitCode, String stdout, String stderr) {
	}

	private PowerShellExe() {
	}

	/**
	 * powershell.exe with its output and error redirected, as Windows OpenSSH starts it without a terminal.
	 * @param commandLine the SSH exec request; null for an interactive shell request
	 * @param stdin standard input, read only for {@code -Command -}
	 */
	public static Output run(LabLyncShell shell, String commandLine, Supplier<String> stdin) {
		return run(shell, commandLine, stdin, false);
	}

	/**
	 * @param console whether standard error is a console (the client asked for a terminal): errors are then text
	 * even under -EncodedCommand
	 */
	static Output run(LabLyncShell shell, String commandLine, Supplier<String> stdin, boolean console) {
		if (commandLine == null || commandLine.isBlank()) {
			return new Output(1, "", USAGE + CRLF);
		}
		Character operator = WindowsCommandLine.cmdMetacharacter(commandLine);
		if (operator != null) {
			return new Output(1, "", "(lab) '" + operator + "' outside double quotes is an operator of cmd.exe, which"
					+ " Windows OpenSSH runs the command with (cmd.exe /c); the lab does not simulate cmd.exe. Quote it"
					+ " or use -EncodedCommand." + CRLF);
		}
		List<String> args = WindowsCommandLine.arguments(commandLine);
		if (!isPowerShell(args.get(0))) {
			return new Output(1, "", USAGE + CRLF);
		}
		PowerShellSwitches.Parsed parsed = PowerShellSwitches.parse(args.subList(1, args.size()));
		if (parsed.help()) {
			return new Output(0, "(lab) powershell.exe would print its usage text here: see about_PowerShell_exe." + CRLF,
					"");
		}
		if (parsed.error() != null) {
			return new Output(PowerShellSwitches.BAD_COMMAND_LINE, "", parsed.error());
		}
		if (parsed.refusal() != null) {
			return new Output(1, "", parsed.refusal());
		}
		String script = parsed.fromStdin() ? stdin.get() : parsed.script();
		LabLyncShell.Result result = shell.execute(script);
		return new Output(result.exitCode(), result.stdout(), stderr(result, parsed.encoded() && !console));
	}

	/**
	 * ConsoleHost.ErrorFormat: "If this shell is invoked in non-interactive, error is redirected, and OutputFormat
	 * was not specified write data in error stream in xml format", which Windows PowerShell does whenever the
	 * command came with -EncodedCommand; otherwise the error view as text.
	 */
	private static String stderr(LabLyncShell.Result result, boolean clixml) {
		if (result.errors().isEmpty()) {
			return result.stderr().replace("\n", CRLF);
		}
		return clixml ? ErrorStream.clixml(result.errors()) : ErrorStream.text(result.errors());
	}

	// powershell, powershell.exe or a path to it, in any case
	private static boolean isPowerShell(String program) {
		String name = program.substring(Math.max(program.lastIndexOf('\\'), program.lastIndexOf('/')) + 1)
			.toLowerCase(Locale.ROOT);
		return name.equals("powershell.exe") || name.equals("powershell");
	}

}
