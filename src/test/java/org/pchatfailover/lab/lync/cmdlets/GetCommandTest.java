package org.pchatfailover.lab.lync.cmdlets;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures.crlf;

/** Get-Command as a Lync admin checks which cmdlets the shell has, and -ErrorAction on its misses. */
class GetCommandTest {

	private static final String NOT_RECOGNIZED = "Get-Command : The term 'Get-CsNothing' is not recognized as the"
			+ " name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a"
			+ " path was included, verify that the path is correct and try again.\n";

	@TempDir
	Path dir;

	private LabLyncShell.Result run(String script) {
		return LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL).execute(script);
	}

	@Test
	void listsTheCmdletsItIsAskedForWithTheirModule() {
		LabLyncShell.Result result = run("Get-Command -Name Install-CsMirrorDatabase,get-cspool");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).isEqualTo(crlf("""

				CommandType : Cmdlet
				Name        : Install-CsMirrorDatabase
				ModuleName  : Lync

				CommandType : Cmdlet
				Name        : Get-CsPool
				ModuleName  : Lync
				"""));
	}

	@Test
	void leavesOutAnUnknownNameSilentlyWithSilentlyContinueEvenUnderStop() {
		LabLyncShell.Result result = run("$ErrorActionPreference = 'Stop'\nGet-Command -Name 'Get-CsPool','Get-CsNothing'"
				+ " -ErrorAction SilentlyContinue | Select-Object -Property Name | ConvertTo-Json -Compress");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stderr()).isEmpty();
		assertThat(result.stdout()).isEqualTo(crlf("{\"Name\":\"Get-CsPool\"}\n"));
	}

	@Test
	void stopsOnAnUnknownNameWithStop() {
		LabLyncShell.Result result = run("Get-Command -Name Get-CsPool,Get-CsNothing -ErrorAction Stop");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).isEqualTo(NOT_RECOGNIZED);
		assertThat(result.stdout()).isEmpty();
	}

	@Test
	void writesTheErrorAndGoesOnByDefaultExitingWithOne() {
		LabLyncShell.Result result = run("Get-Command -Name Get-CsNothing,Get-CsPool");

		assertThat(result.stderr()).isEqualTo(NOT_RECOGNIZED);
		assertThat(result.stdout()).contains("Name        : Get-CsPool");
		assertThat(result.exitCode()).as("$? is false after a non-terminating error").isEqualTo(1);
	}

	@Test
	void findsByWildcardWithoutAnErrorForNoMatch() {
		LabLyncShell.Result result = run("Get-Command -Name '*-CsPersistentChat*','Get-CsNothing*'"
				+ " | Select-Object -Property Name | ConvertTo-Json -Compress");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).isEqualTo(crlf("[{\"Name\":\"Get-CsPersistentChatState\"},"
				+ "{\"Name\":\"Set-CsPersistentChatActiveServer\"},{\"Name\":\"Set-CsPersistentChatState\"}]\n"));
	}

	@Test
	void refusesAnErrorActionThatIsNoActionPreference() {
		LabLyncShell.Result result = run("Get-Command -Name Get-CsPool -ErrorAction Quietly");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).isEqualTo("Get-Command : Cannot bind parameter 'ErrorAction'. Cannot convert value"
				+ " \"Quietly\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the"
				+ " identifier name Quietly to a valid enumerator name. Specify one of the following enumerator names and"
				+ " try again: Break, Suspend, Ignore, Inquire, Continue, Stop, SilentlyContinue\"\n");
	}

}
