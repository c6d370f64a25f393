package org.pchatfailover.lync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.lab.lync.ssh.PowerShellExe;
import org.pchatfailover.topology.Pool;

/**
 * Runs the product's command lines in the lab's powershell.exe in-process, as the SSH server would run them: the same
 * switch parsing, CRLF output and CLIXML errors, without a socket; records each command.
 */
class InProcessLabTransport implements LyncShellTransport {

	final List<LyncCommand> commands = new ArrayList<>();

	private final LabLyncShell lab;

	InProcessLabTransport(LabLyncShell lab) {
		this.lab = lab;
	}

	@Override
	public String transport() {
		return "ssh";
	}

	@Override
	public String describe(Pool.LyncShell shell) {
		return "lab in-process";
	}

	@Override
	public ShellResult run(Pool.LyncShell shell, LyncCommand command) {
		commands.add(command);
		PowerShellExe.Output output = PowerShellExe.run(lab, PowerShell.commandLine(command.script()), () -> "");
		return new ShellResult(output.exitCode(), output.stdout(), output.stderr(), Duration.ofMillis(1));
	}

	List<String> cmdlets() {
		return commands.stream().map(LyncCommand::cmdlet).toList();
	}

}
