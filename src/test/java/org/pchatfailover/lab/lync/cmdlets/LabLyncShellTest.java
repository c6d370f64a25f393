package org.pchatfailover.lab.lync.cmdlets;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LabLyncShellTest {

	private static final String POOL = "atl-cs-001.litwareinc.com";

	@TempDir
	Path dir;

	private LabLyncShell normalLab() {
		return LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL);
	}

	@Test
	void startsNormalWithActiveServersInThePrimaryDataCentre() {
		LabLyncShell shell = normalLab();

		LabLyncState.PoolState pool = shell.state().pools().get(POOL);
		assertThat(pool.poolState()).isEqualTo("Normal");
		assertThat(pool.mirror()).isNull();
		assertThat(pool.activeServers()).containsExactly("atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com");
	}

	@Test
	void failsOverThePoolAsAnAdminTypesIt() {
		LabLyncShell shell = normalLab();

		LabLyncShell.Result result = shell.execute("set-cspersistentchatstate \"service:atl-cs-001.litwareinc.com\""
				+ " -PoolSt FailedOver; Get-CsPersistentChatState | Select-Object Identity, PoolState | ConvertTo-Json");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).contains("\"PoolState\":  \"FailedOver\"");
		assertThat(shell.state().history()).extracting(LabLyncState.HistoryEntry::command)
			.containsExactly("set-cspersistentchatstate \"service:atl-cs-001.litwareinc.com\" -PoolSt FailedOver",
					"Get-CsPersistentChatState");
	}

	@Test
	void failsOverWithTheRunbooksOwnLineWhoseDashIsAnEnDash() {
		LabLyncShell shell = normalLab();

		// the failover article's step 5 as published: "–PoolState" begins with U+2013
		LabLyncShell.Result result = shell.execute(
				"Set-CsPersistentChatState -Identity \"service:atl-cs-001.litwareinc.com\" \u2013PoolState FailedOver");

		assertThat(result.stderr()).isEmpty();
		assertThat(result.exitCode()).isZero();
		assertThat(shell.state().pools().get(POOL).poolState()).isEqualTo("FailedOver");
	}

	@Test
	void takesEmDashesAndHorizontalBarsForHyphensToo() {
		LabLyncShell shell = normalLab();

		LabLyncShell.Result result = shell.execute("Set-CsPersistentChatState \u2014Identity"
				+ " 'service:atl-cs-001.litwareinc.com' \u2015PoolState FailedOver \u2013Confirm:$false");

		assertThat(result.stderr()).isEmpty();
		assertThat(shell.state().pools().get(POOL).poolState()).isEqualTo("FailedOver");
	}

	@Test
	void takesThePoolStateIdentityOfTheRunbookAndOfTheCmdletReferenceOnly() {
		LabLyncShell shell = normalLab();

		LabLyncShell.Result reference = shell.execute("Set-CsPersistentChatState"
				+ " -Identity \"persistentchatserver:atl-cs-001.litwareinc.com\" -PoolState \"FailedOver\"\n"
				+ "Get-CsPersistentChatState -Identity 'SERVICE:atl-cs-001.litwareinc.com'");
		LabLyncShell.Result global = shell.execute("Set-CsPersistentChatState -Identity global -PoolState Normal");

		assertThat(reference.stdout()).contains("PoolState : FailedOver");
		assertThat(global.stderr()).isEqualTo("Set-CsPersistentChatState : Cannot find \"global\" because it does not"
				+ " exist. Use the service identity, e.g. service:<pool fqdn> (runbook) or"
				+ " PersistentChatServer:<pool fqdn> (cmdlet reference).\n");
		assertThat(shell.state().pools().get(POOL).poolState()).isEqualTo("FailedOver");
	}

	@Test
	void rejectsAnUnknownCmdletLikePowerShell() {
		LabLyncShell.Result result = normalLab().execute("$ErrorActionPreference = 'Stop'\nRemove-Item C:\\ -Recurse\nGet-CsPersistentChatState");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).startsWith("Remove-Item : The term 'Remove-Item' is not recognized as the name"
				+ " of a cmdlet");
		assertThat(result.stdout()).isEmpty();
	}

	@Test
	void doesNotKnowGetCsPersistentChatActiveServerWhichNoReferenceDocuments() {
		LabLyncShell.Result result = normalLab().execute("Get-CsPersistentChatActiveServer -Identity 'global'");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).isEqualTo("Get-CsPersistentChatActiveServer : The term"
				+ " 'Get-CsPersistentChatActiveServer' is not recognized as the name of a cmdlet, function, script file,"
				+ " or operable program. Check the spelling of the name, or if a path was included, verify that the"
				+ " path is correct and try again.\n");
	}

	@Test
	void rejectsAnUnknownParameter() {
		LabLyncShell.Result result = normalLab().execute("Set-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com' -State FailedOver");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).isEqualTo("Set-CsPersistentChatState : A parameter cannot be found that matches"
				+ " parameter name 'State'.\n");
	}

	@Test
	void continuesAfterAnErrorWithoutStopButExitsWithTheLastStatement() {
		LabLyncShell.Result result = normalLab().execute("Get-CsNothing\nGet-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com'");

		assertThat(result.stderr()).contains("'Get-CsNothing' is not recognized");
		assertThat(result.stdout()).contains("PoolState : Normal");
		assertThat(result.exitCode()).isZero();
	}

	@Test
	void refusesVariableExpansionItCannotDoFaithfully() {
		LabLyncShell.Result result = normalLab().execute("Set-CsPersistentChatState -Identity \"service:$(Remove-Item x)\" -PoolState FailedOver");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).startsWith("At line:1 char:").contains("single-quoted");
	}

	@Test
	void modifiesActiveServersWithAListModifier() {
		LabLyncShell shell = normalLab();

		shell.execute("Set-CsPersistentChatActiveServer -Identity 'global'"
				+ " -ActiveServers @{Remove='atl-pc-001.litwareinc.com'; Add=\"dal-pc-001.litwareinc.com\"}");

		assertThat(shell.state().pools().get(POOL).activeServers()).containsExactly("atl-pc-002.litwareinc.com",
				"dal-pc-001.litwareinc.com");
	}

	@Test
	void refusesAServerThatIsNotInThePool() {
		LabLyncShell shell = normalLab();

		LabLyncShell.Result result = shell.execute("Set-CsPersistentChatActiveServer 'global'"
				+ " -ActiveServers @{Add='evil.example.com'}");

		assertThat(result.stderr()).contains("Cannot find Persistent Chat Server \"evil.example.com\"");
		assertThat(shell.state().pools().get(POOL).activeServers()).containsExactly("atl-pc-001.litwareinc.com",
				"atl-pc-002.litwareinc.com");
	}

	@Test
	void installsTheMirrorOnlyWhenMgcIsOnline() {
		LabLyncShell shell = LabLyncFixtures.shell(dir, LabLyncFixtures.mgcIn("RESTORING"), LabLyncShell.NORMAL);

		LabLyncShell.Result result = shell.execute("Install-CsMirrorDatabase -DatabaseType PersistentChat"
				+ " -SqlServerFqdn dal-sql-bk.litwareinc.com -SqlInstanceName PCHAT -FileShare '\\\\dal-fs-001\\m'");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).contains("\"mgc\" on dal-sql-bk.litwareinc.com\\PCHAT is RESTORING");
		assertThat(shell.state().pools().get(POOL).mirror()).isNull();
	}

	@Test
	void failsWithSqlServersErrorWhenMirroringCannotStart() {
		LabDatabaseProbe refusing = new LabDatabaseProbe() {

			@Override
			public String databaseState(String sqlServerFqdn, String instance, String database) {
				return "ONLINE";
			}

			@Override
			public void setPartner(String sqlServerFqdn, String instance, String database, String partnerAddress) {
				throw new IllegalStateException("The server network address \"" + partnerAddress
						+ "\" can not be reached or does not exist.");
			}

		};
		LabLyncShell shell = LabLyncFixtures.shell(dir, refusing, LabLyncShell.NORMAL);

		LabLyncShell.Result result = shell.execute("Install-CsMirrorDatabase -DatabaseType PersistentChat"
				+ " -SqlServerFqdn dal-sql-bk.litwareinc.com -SqlInstanceName PCHAT -FileShare '\\\\dal-fs-001\\m'");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).contains("TCP://dal-sql-mr.litwareinc.com:5022", "can not be reached");
		assertThat(shell.state().pools().get(POOL).mirror()).isNull();
	}

	@Test
	void keepsItsStateAcrossARestart() {
		normalLab().execute("Set-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com' -PoolState FailedOver");

		LabLyncShell restarted = normalLab();

		assertThat(restarted.state().pools().get(POOL).poolState()).isEqualTo("FailedOver");
		assertThat(restarted.state().history()).hasSize(1);
	}

	@Test
	void resetsToAScenarioAndRefusesAnUnknownOne() {
		LabLyncShell shell = normalLab();

		shell.reset(LabLyncShell.FAILED_OVER);

		LabLyncState.PoolState pool = shell.state().pools().get(POOL);
		assertThat(shell.state().scenario()).isEqualTo("failed-over");
		assertThat(pool.poolState()).isEqualTo("FailedOver");
		assertThat(pool.mirror().mirror()).isEqualTo("dal-sql-mr.litwareinc.com\\PCHAT");
		assertThat(pool.activeServers()).isEqualTo(List.of("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com"));
		assertThatIllegalArgumentException().isThrownBy(() -> shell.reset("broken-chain"));
	}

}
