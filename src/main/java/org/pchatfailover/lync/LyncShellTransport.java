package org.pchatfailover.lync;

import org.pchatfailover.topology.Pool;

/**
 * Runs one script in a Lync Server Management Shell. Implementations send it as
 * {@code powershell.exe -NoProfile -NonInteractive -EncodedCommand <base64>}.
 */
public interface LyncShellTransport {

	/** The {@code lync-shell.transport} value this implementation serves: {@code ssh} or {@code local}. */
	String transport();

	/** Where commands run, for the report and messages, e.g. {@code ssh lab@127.0.0.1:2222}. Never a secret. */
	String describe(Pool.LyncShell shell);

	/**
	 * Runs the command and returns what powershell.exe returned, whatever its exit code.
	 * @throws LyncShellException when it could not run or finish: connection, authentication, host key, timeout
	 */
	ShellResult run(Pool.LyncShell shell, LyncCommand command);

}
