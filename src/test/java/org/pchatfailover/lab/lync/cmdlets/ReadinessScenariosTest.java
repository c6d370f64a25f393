package org.pchatfailover.lab.lync.cmdlets;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures.crlf;

/** The lab scenarios that break what a readiness check looks at, as a Lync admin sees them in the shell. */
class ReadinessScenariosTest {

	private static final String INSTALL = "Install-CsMirrorDatabase -DatabaseType PersistentChat"
			+ " -SqlServerFqdn dal-sql-bk.litwareinc.com -SqlInstanceName PCHAT"
			+ " -FileShare '\\\\dal-fs-001.litwareinc.com\\pchat-mirror' -DropExistingDatabasesOnMirror -Confirm:$false";

	private static final String NON_INTERACTIVE = "Install-CsMirrorDatabase : Windows PowerShell is in NonInteractive"
			+ " mode. Read and Prompt functionality is not available.\n";

	@TempDir
	Path dir;

	private LabLyncShell lab(String scenario) {
		return LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, scenario);
	}

	@Test
	void offersTheReadinessScenarios() {
		assertThat(LabLyncShell.SCENARIOS).contains("missing-cmdlet", "prompting-mirror", "candidate-not-in-pool");
	}

	@Test
	void missingCmdletLeavesTheLyncModuleWithoutInstallCsMirrorDatabase() {
		LabLyncShell lab = lab(LabLyncShell.MISSING_CMDLET);

		LabLyncShell.Result install = lab.execute("$ErrorActionPreference = 'Stop'\n" + INSTALL);
		LabLyncShell.Result commands = lab.execute("Get-Command -Name Install-CsMirrorDatabase,Set-CsPersistentChatState"
				+ " -ErrorAction SilentlyContinue | Select-Object -Property Name | ConvertTo-Json -Compress");
		LabLyncShell.Result failOver = lab.execute("Set-CsPersistentChatState -Identity"
				+ " 'service:atl-cs-001.litwareinc.com' -PoolState FailedOver");

		assertThat(install.exitCode()).isEqualTo(1);
		assertThat(install.stderr()).startsWith("Install-CsMirrorDatabase : The term 'Install-CsMirrorDatabase' is not"
				+ " recognized as the name of a cmdlet");
		assertThat(commands.stdout()).isEqualTo(crlf("{\"Name\":\"Set-CsPersistentChatState\"}\n"));
		assertThat(failOver.exitCode()).as("the rest as in normal").isZero();
		assertThat(lab.state().pools().get(LabLyncFixtures.POOL).poolState()).isEqualTo("FailedOver");
		assertThat(lab.state().pools().get(LabLyncFixtures.POOL).mirror()).isNull();
	}

	@Test
	void promptingMirrorFailsInstallCsMirrorDatabaseUnderNonInteractiveEvenWithConfirmFalseOrWhatIf() {
		LabLyncShell lab = lab(LabLyncShell.PROMPTING_MIRROR);

		LabLyncShell.Result install = lab.execute(INSTALL);
		LabLyncShell.Result whatIf = lab.execute(INSTALL + " -WhatIf");
		LabLyncShell.Result commands = lab.execute("Get-Command -Name Install-CsMirrorDatabase");

		assertThat(install.exitCode()).isEqualTo(1);
		assertThat(install.stderr()).isEqualTo(NON_INTERACTIVE);
		assertThat(whatIf.exitCode()).isEqualTo(1);
		assertThat(whatIf.stderr()).isEqualTo(NON_INTERACTIVE);
		assertThat(whatIf.stdout()).doesNotContain("What if:");
		assertThat(commands.stdout()).as("the cmdlet is there; it prompts").contains("Install-CsMirrorDatabase");
		assertThat(lab.state().pools().get(LabLyncFixtures.POOL).mirror()).isNull();
	}

	@Test
	void candidateNotInPoolLeavesDalPc002OutOfThePoolsComputers() {
		LabLyncShell lab = lab(LabLyncShell.CANDIDATE_NOT_IN_POOL);

		LabLyncShell.Result pool = lab.execute("Get-CsPool -Identity atl-cs-001.litwareinc.com"
				+ " | Select-Object -Property Computers | ConvertTo-Json -Compress");

		assertThat(pool.stdout()).isEqualTo(crlf("{\"Computers\":[\"atl-pc-001.litwareinc.com\",\"atl-pc-002.litwareinc.com\","
				+ "\"dal-pc-001.litwareinc.com\"]}\n"));
		assertThat(lab.state().pools().get(LabLyncFixtures.POOL).activeServers())
			.as("the rest as in normal")
			.containsExactly("atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com");
	}

}
