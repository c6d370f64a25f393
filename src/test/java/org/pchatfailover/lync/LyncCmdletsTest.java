package org.pchatfailover.lync;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LyncCmdletsTest {

	private static final String PREAMBLE = "$ErrorActionPreference = 'Stop'\nImport-Module Lync\n";

	@Test
	void setsPoolFailedOverWithTheServiceIdentity() {
		assertThat(LyncCmdlets.setPersistentChatState("atl-cs-001.litwareinc.com", "FailedOver").script())
			.isEqualTo(PREAMBLE + "Set-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com'"
					+ " -PoolState 'FailedOver' -Confirm:$false\n");
	}

	@Test
	void readsPoolStateAsJsonWithTheEnumAsText() {
		assertThat(LyncCmdlets.getPersistentChatState("atl-cs-001.litwareinc.com").script())
			.isEqualTo(PREAMBLE + "Get-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com'"
					+ " | Select-Object -Property @{Name='Identity';Expression={[string]$_.Identity}},"
					+ " @{Name='PoolState';Expression={[string]$_.PoolState}} | ConvertTo-Json -Depth 4\n");
	}

	@Test
	void installsTheMirrorForTheBackupInstanceAsPrincipal() {
		assertThat(LyncCmdlets
			.installMirrorDatabase("dal-sql-bk.litwareinc.com", "PCHAT", "\\\\dal-fs-001.litwareinc.com\\pchat-mirror")
			.script())
			.isEqualTo(PREAMBLE + "Install-CsMirrorDatabase -DatabaseType 'PersistentChat'"
					+ " -SqlServerFqdn 'dal-sql-bk.litwareinc.com' -SqlInstanceName 'PCHAT'"
					+ " -FileShare '\\\\dal-fs-001.litwareinc.com\\pchat-mirror' -DropExistingDatabasesOnMirror"
					+ " -Confirm:$false\n");
	}

	@Test
	void asksTheMirrorInstallationWhatItWouldDo() {
		assertThat(LyncCmdlets
			.installMirrorDatabaseWhatIf("dal-sql-bk.litwareinc.com", "PCHAT", "\\\\dal-fs-001.litwareinc.com\\pchat-mirror")
			.script())
			.isEqualTo(PREAMBLE + "Install-CsMirrorDatabase -DatabaseType 'PersistentChat'"
					+ " -SqlServerFqdn 'dal-sql-bk.litwareinc.com' -SqlInstanceName 'PCHAT'"
					+ " -FileShare '\\\\dal-fs-001.litwareinc.com\\pchat-mirror' -DropExistingDatabasesOnMirror"
					+ " -WhatIf -Confirm:$false\n");
	}

	/** JJ204887 steps 1 and 22: the pool's mgc to its mirror and back, the reference's one syntax, no prompt. */
	@Test
	void failsThePersistentChatDatabaseOverToItsMirrorAndBack() {
		assertThat(LyncCmdlets.invokeDatabaseFailover("atl-cs-001.litwareinc.com", LyncCmdlets.NewPrincipal.MIRROR)
			.script())
			.isEqualTo(PREAMBLE + "Invoke-CsDatabaseFailover -PoolFqdn 'atl-cs-001.litwareinc.com'"
					+ " -DatabaseType 'PersistentChat' -NewPrincipal 'Mirror' -Confirm:$false\n");
		assertThat(LyncCmdlets.invokeDatabaseFailover("atl-cs-001.litwareinc.com", LyncCmdlets.NewPrincipal.PRIMARY)
			.command())
			.isEqualTo("Invoke-CsDatabaseFailover -PoolFqdn 'atl-cs-001.litwareinc.com'"
					+ " -DatabaseType 'PersistentChat' -NewPrincipal 'Primary' -Confirm:$false");
		assertThatIllegalArgumentException().isThrownBy(() -> LyncCmdlets
			.invokeDatabaseFailover("atl-cs-001.litwareinc.com'; Remove-CsPool; '", LyncCmdlets.NewPrincipal.MIRROR));
	}

	@Test
	void asksWhichCmdletsTheShellHasWithoutFailingOnAMissingOne() {
		assertThat(LyncCmdlets.getCommands(List.of("Install-CsMirrorDatabase", "Get-CsPool")).script())
			.isEqualTo(PREAMBLE + "Get-Command -Name 'Install-CsMirrorDatabase','Get-CsPool' -ErrorAction SilentlyContinue"
					+ " | Select-Object -Property @{Name='Name';Expression={[string]$_.Name}} | ConvertTo-Json -Depth 4\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "Get-Cs*", "Get-CsPool'; Remove-Item x; '", "Remove-Item C:\\", "GetCsPool" })
	void asksOnlyForPlainCmdletNames(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> LyncCmdlets.getCommands(List.of("Get-CsPool", name)));
	}

	@Test
	void readsThePoolsComputersAsStrings() {
		assertThat(LyncCmdlets.getPool("atl-cs-001.litwareinc.com").script())
			.isEqualTo(PREAMBLE + "Get-CsPool -Identity 'atl-cs-001.litwareinc.com'"
					+ " | Select-Object -Property @{Name='Identity';Expression={[string]$_.Identity}},"
					+ " @{Name='Computers';Expression={[string[]]$_.Computers}} | ConvertTo-Json -Depth 4\n");
	}

	@Test
	void omitsTheInstanceForADefaultInstance() {
		assertThat(LyncCmdlets.installMirrorDatabase("dal-sql-bk.litwareinc.com", "", "\\\\fs\\share").command())
			.doesNotContain("-SqlInstanceName");
	}

	@Test
	void readsMirrorStateOfThePersistentChatDatabases() {
		assertThat(LyncCmdlets.getDatabaseMirrorState("atl-cs-001.litwareinc.com").script())
			.isEqualTo(PREAMBLE + "Get-CsDatabaseMirrorState -PoolFqdn 'atl-cs-001.litwareinc.com'"
					+ " -DatabaseType 'PersistentChat' | Select-Object -Property"
					+ " @{Name='DatabaseName';Expression={[string]$_.DatabaseName}},"
					+ " @{Name='StateOnPrimary';Expression={[string]$_.StateOnPrimary}},"
					+ " @{Name='StateOnMirror';Expression={[string]$_.StateOnMirror}},"
					+ " @{Name='MirroringStatusOnPrimary';Expression={[string]$_.MirroringStatusOnPrimary}},"
					+ " @{Name='MirroringStatusOnSecondary';Expression={[string]$_.MirroringStatusOnSecondary}}"
					+ " | ConvertTo-Json -Depth 4\n");
	}

	@Test
	void addsTheChosenActiveServersThenRemovesTheOthersInTheGlobalCollection() {
		assertThat(LyncCmdlets
			.setActiveServers("global", List.of("dal-pc-001.litwareinc.com", "DAL-PC-002.litwareinc.com"),
					List.of("atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com"))
			.script())
			.isEqualTo(PREAMBLE + "Set-CsPersistentChatActiveServer -Identity 'global'"
					+ " -ActiveServers @{Add='dal-pc-001.litwareinc.com','dal-pc-002.litwareinc.com'} -Confirm:$false\n"
					+ "Set-CsPersistentChatActiveServer -Identity 'global'"
					+ " -ActiveServers @{Remove='atl-pc-001.litwareinc.com','atl-pc-002.litwareinc.com'} -Confirm:$false\n");
	}

	@Test
	void onlyAddsWhenTheChosenServersAreAllThereIs() {
		assertThat(LyncCmdlets.setActiveServers("GLOBAL", List.of("dal-pc-001.litwareinc.com"), List.of()).command())
			.isEqualTo("Set-CsPersistentChatActiveServer -Identity 'global'"
					+ " -ActiveServers @{Add='dal-pc-001.litwareinc.com'} -Confirm:$false");
	}

	@Test
	void usesThePoolsServiceIdentityForSkypeForBusinessServer2015() {
		assertThat(LyncCmdlets
			.setActiveServers("PersistentChatServer:ATL-CS-001.litwareinc.com", List.of("dal-pc-001.litwareinc.com"),
					List.of())
			.command()).startsWith("Set-CsPersistentChatActiveServer -Identity"
					+ " 'PersistentChatServer:atl-cs-001.litwareinc.com' -ActiveServers @{Add=");
	}

	// was: an empty list cleared with $null; SetActiveServers never clears (ActiveServerRules wants one server)
	@Test
	void refusesToSetNoActiveServersOrAnUndocumentedIdentity() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LyncCmdlets.setActiveServers("global", List.of(), List.of("atl-pc-001.litwareinc.com")))
			.withMessageContaining("at least one server to add");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LyncCmdlets.setActiveServers("service:atl-cs-001.litwareinc.com",
					List.of("dal-pc-001.litwareinc.com"), List.of()))
			.withMessageContaining("must be global or PersistentChatServer:<pool fqdn>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a.b.com'; Remove-Item C:\\ -Recurse; '", "$(Remove-Item C:\\)", "a.b.com\nRemove-Item x",
			"a.b.com`; Remove-Item x", "a.b.com\u2019; Remove-Item x", "a.b.com Remove-Item", "" })
	void rejectsInjectionInPoolAndServerNames(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> LyncCmdlets.setPersistentChatState(name, "FailedOver"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LyncCmdlets.setActiveServers("global", List.of(name), List.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LyncCmdlets.setActiveServers("global", List.of("dal-pc-001.litwareinc.com"), List.of(name)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LyncCmdlets.setActiveServers("PersistentChatServer:" + name,
					List.of("dal-pc-001.litwareinc.com"), List.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LyncCmdlets.installMirrorDatabase(name, "PCHAT", "\\\\fs.litwareinc.com\\share"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\\\\fs\\share'; Remove-Item x", "\\\\fs\\sh$(x)", "\\\\fs\\share\nx", "C:\\share",
			"\\\\fs\\sh`are" })
	void rejectsAFileShareThatIsNotAPlainUncPath(String share) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LyncCmdlets.installMirrorDatabase("dal-sql-bk.litwareinc.com", "PCHAT", share));
	}

	@Test
	void doublesEveryKindOfSingleQuoteInALiteral() {
		assertThat(PowerShell.literal("it's \u2019x")).isEqualTo("'it''s \u2019\u2019x'");
		assertThatIllegalArgumentException().isThrownBy(() -> PowerShell.literal("a\nb"));
	}

	@Test
	void encodesTheScriptAsBase64OfUtf16le() {
		assertThat(PowerShell.commandLine("Get-Date"))
			.isEqualTo("powershell.exe -NoProfile -NonInteractive -EncodedCommand RwBlAHQALQBEAGEAdABlAA==");
		assertThat(PowerShell.decode(PowerShell.encode("é'\n"))).isEqualTo("é'\n");
	}

}
