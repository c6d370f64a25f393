package org.pchatfailover.lync;

import java.time.Duration;

/**
 * What powershell.exe returned.
 *
 * @param exitCode process exit code; 0 is success
 * @param stdout standard output (the JSON of a read)
 * @param stderr standard error (PowerShell error records)
 * @param duration wall-clock time from start to exit
 */
public record ShellResult(int exitCode, String stdout, String stderr, Duration duration) {

	public boolean succeeded() {
		return exitCode == 0;
	}

}
