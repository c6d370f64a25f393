package org.pchatfailover.lab.lync.cmdlets;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures.crlf;

/** Where-Object, Select-Object and Write-Output as the cmdlet references' examples use them. */
class PipelineCmdletsTest {

	private static final String ATL = "service:atl-cs-001.litwareinc.com";

	@TempDir
	Path dir;

	private LabLyncShell.Result run(String scenario, String script) {
		return LabLyncFixtures.shell(dir.resolve(scenario), LabLyncFixtures.TWO_POOLS, LabLyncFixtures.MGC_ONLINE,
				scenario)
			.execute(script);
	}

	private String identities(String scenario, String script) {
		LabLyncShell.Result result = run(scenario, script + " | Select-Object -Property Identity | ConvertTo-Json -Compress");
		assertThat(result.stderr()).isEmpty();
		return result.stdout().strip();
	}

	@Test
	void runsTheGetCsPersistentChatStateReferenceExample() {
		String example = "Get-CsPersistentChatState | Where-Object {$_.PoolState -eq \"FailedOver\"}";

		assertThat(identities(LabLyncShell.NORMAL, example)).isEmpty();
		assertThat(identities(LabLyncShell.FAILED_OVER, example))
			.isEqualTo("[{\"Identity\":\"" + ATL + "\"},{\"Identity\":\"service:sea-cs-001.litwareinc.com\"}]");
	}

	@Test
	void filtersWithTheSimplifiedSyntaxAndItsAliases() {
		LabLyncShell shell = LabLyncFixtures.shell(dir, LabLyncFixtures.TWO_POOLS, LabLyncFixtures.MGC_ONLINE,
				LabLyncShell.NORMAL);
		shell.execute("Set-CsPersistentChatState -Identity '" + ATL + "' -PoolState FailedOver");

		for (String filter : new String[] { "Where-Object PoolState -EQ FailedOver", "where PoolState -eq failedover",
				"Where-Object -Property PoolState -Value FailedOver", "Where-Object PoolState -IEQ 'FailedOver'",
				"Where-Object PoolState -Like 'Failed*'", "Where-Object { $_.PoolState \u2013eq 'FailedOver' }",
				"Where-Object { $PSItem.PoolState -ne 'Normal' -and $_.Identity -match 'atl' }" }) {
			LabLyncShell.Result result = shell.execute("Get-CsPersistentChatState | " + filter
					+ " | Select-Object Identity | ConvertTo-Json -Compress");
			assertThat(result.stdout().strip()).as(filter).isEqualTo("{\"Identity\":\"" + ATL + "\"}");
		}
		assertThat(shell.execute("Get-CsPersistentChatState | Where-Object PoolState -CEQ failedover").stdout())
			.as("-CEQ compares case-sensitively").isEmpty();
	}

	@Test
	void runsTheGetCsPoolReferenceExampleWithACollectionsCount() {
		assertThat(identities(LabLyncShell.NORMAL, "Get-CsPool | Where-Object {$_.Services.Count -eq 0}")).isEmpty();
		assertThat(identities(LabLyncShell.NORMAL, "Get-CsPool | Where-Object {$_.Computers -contains"
				+ " 'sea-pc-001.litwareinc.com'}"))
			.isEqualTo("{\"Identity\":\"sea-cs-001.litwareinc.com\"}");
	}

	@Test
	void readsAPropertyAloneAsABoolean() {
		assertThat(identities(LabLyncShell.FAILED_OVER, "Get-CsDatabaseMirrorState -PoolFqdn atl-cs-001.litwareinc.com"
				+ " -DatabaseType PersistentChat | Select-Object @{Name='Identity';Expression={$_.DatabaseName}}"
				+ " | Where-Object Identity"))
			.isEqualTo("{\"Identity\":\"mgc\"}");
	}

	@Test
	void refusesAnUnquotedValueInAScriptBlockAsPowerShellsParserDoes() {
		LabLyncShell.Result result = run(LabLyncShell.NORMAL,
				"Get-CsPersistentChatState | Where-Object {$_.PoolState -eq FailedOver}");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).isEqualTo("At line:1 char:59\n"
				+ "You must provide a value expression following the '-eq' operator.\n");
	}

	@Test
	void refusesTwoComparisonsOrAScriptBlockWithOne() {
		assertThat(run(LabLyncShell.NORMAL, "Get-CsPersistentChatState | Where-Object PoolState -EQ -NE Normal").stderr())
			.isEqualTo("Where-Object : Parameter set cannot be resolved using the specified named parameters.\n");
		assertThat(run(LabLyncShell.NORMAL, "Get-CsPersistentChatState | Where-Object {$_.PoolState} -EQ").stderr())
			.isEqualTo("Where-Object : Parameter set cannot be resolved using the specified named parameters.\n");
	}

	@Test
	void writesItsArgumentsOnePerLine() {
		LabLyncShell.Result result = run(LabLyncShell.NORMAL, "Write-Output 'failover' \"started\"; echo a,b");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).isEqualTo(crlf("failover\nstarted\na\nb\n"));
	}

	@Test
	void passesThePipelineThroughAndIsListedByGetCommand() {
		assertThat(identities(LabLyncShell.NORMAL, "Get-CsPersistentChatState -Identity '" + ATL + "' | Write-Output"))
			.isEqualTo("{\"Identity\":\"" + ATL + "\"}");
		assertThat(run(LabLyncShell.NORMAL, "Get-Command -Name Where-Object,Select-Object,Write-Output,Get-Command"
				+ " | Select-Object -Property Name | ConvertTo-Json -Compress").stdout().strip())
			.isEqualTo("[{\"Name\":\"Where-Object\"},{\"Name\":\"Select-Object\"},{\"Name\":\"Write-Output\"},"
					+ "{\"Name\":\"Get-Command\"}]");
	}

}
