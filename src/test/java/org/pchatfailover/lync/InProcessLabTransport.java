package org.pchatfailover.lync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.topology.Pool;

/** Runs scripts in the lab shell in-process, as the SSH server would after decoding them; records each one. */
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
		LabLyncShell.Result result = lab.execute(PowerShell.decode(PowerShell.encode(command.script())));
		return new ShellResult(result.exitCode(), result.stdout(), result.stderr(), Duration.ofMillis(1));
	}

	List<String> cmdlets() {
		return commands.stream().map(LyncCommand::cmdlet).toList();
	}

}
