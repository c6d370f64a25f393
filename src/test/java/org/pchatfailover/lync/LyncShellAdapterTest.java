package org.pchatfailover.lync;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.TestPools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The adapter's reads and what-ifs against the lab shell, in-process: what it sends and what it makes of it. */
class LyncShellAdapterTest {

	private static final Pool POOL = TestPools.pool(TestPools.ssh(22, null, Path.of("known_hosts"), 60));

	@TempDir
	Path dir;

	private final ActionLog actions = new ActionLog();

	private LabLyncShell lab;

	private LyncShellAdapter adapter(String scenario) {
		lab = LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, scenario);
		return new LyncShellAdapter(List.of(new InProcessLabTransport(lab)));
	}

	@Test
	void readsTheMirroringStatusOnSecondaryOfTheReference() {
		List<DatabaseMirrorState> states = adapter(LabLyncShell.FAILED_OVER).getDatabaseMirrorState(POOL, actions);

		assertThat(states).containsExactly(new DatabaseMirrorState("mgc", "Principal", "Mirror", "Synchronized",
				"Synchronized"));
		assertThat(actions.actions()).extracting(ActionLog.Action::outcome)
			.containsExactly("mgc: primary Principal (Synchronized), mirror Mirror (Synchronized)");
	}

	@Test
	void returnsWhatTheMirrorInstallationWouldDoAndChangesNothing() {
		String whatIf = adapter(LabLyncShell.NORMAL).installMirrorDatabaseWhatIf(POOL, actions);

		assertThat(whatIf).isEqualTo("What if: Performing the operation \"Install-CsMirrorDatabase\" on target"
				+ " \"mgc on dal-sql-bk.litwareinc.com\\PCHAT, mirror dal-sql-mr.litwareinc.com\\PCHAT\".");
		assertThat(lab.state().pools().get(TestPools.POOL_FQDN).mirror()).isNull();
		assertThat(lab.state().history()).extracting(h -> h.command())
			.containsExactly("Install-CsMirrorDatabase -DatabaseType 'PersistentChat' -SqlServerFqdn"
					+ " 'dal-sql-bk.litwareinc.com' -SqlInstanceName 'PCHAT' -FileShare"
					+ " '\\\\dal-fs-001.litwareinc.com\\pchat-mirror' -DropExistingDatabasesOnMirror -WhatIf -Confirm:$false");
		assertThat(actions.actions()).extracting(ActionLog.Action::outcome).containsExactly(whatIf);
	}

	@Test
	void findsWhichCmdletsTheShellHas() {
		Set<String> found = adapter(LabLyncShell.NORMAL).getCommands(POOL,
				List.of("install-csmirrordatabase", "Get-CsNothing", "Set-CsPersistentChatState"), actions);

		assertThat(found).containsExactly("Install-CsMirrorDatabase", "Set-CsPersistentChatState");
		assertThat(lab.state().history()).isEmpty();
		assertThat(actions.actions()).singleElement().satisfies(a -> {
			assertThat(a.succeeded()).isTrue();
			assertThat(a.command()).isEqualTo("Get-Command -Name 'install-csmirrordatabase','Get-CsNothing',"
					+ "'Set-CsPersistentChatState' -ErrorAction SilentlyContinue");
		});
	}

	@Test
	void readsThePoolsComputersInLowerCase() {
		List<String> computers = adapter(LabLyncShell.NORMAL).getPoolComputers(POOL, actions);

		assertThat(computers).containsExactly("atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com",
				"dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com");
		assertThat(lab.state().history()).extracting(h -> h.command())
			.containsExactly("Get-CsPool -Identity 'atl-cs-001.litwareinc.com'");
	}

	@Test
	void findsInstallCsMirrorDatabaseMissingInTheMissingCmdletScenario() {
		assertThat(adapter(LabLyncShell.MISSING_CMDLET).getCommands(POOL,
				List.of("Install-CsMirrorDatabase", "Set-CsPersistentChatState"), actions))
			.containsExactly("Set-CsPersistentChatState");
	}

	@Test
	void failsTheWhatIfWithPowerShellsNonInteractiveErrorWhenTheMirrorInstallationPrompts() {
		LyncShellAdapter adapter = adapter(LabLyncShell.PROMPTING_MIRROR);

		assertThatExceptionOfType(LyncShellException.class)
			.isThrownBy(() -> adapter.installMirrorDatabaseWhatIf(POOL, actions))
			.satisfies(ex -> {
				assertThat(ex.cmdlet()).isEqualTo("Install-CsMirrorDatabase");
				assertThat(ex.exitCode()).isEqualTo(1);
				// powershell.exe -EncodedCommand with a redirected stderr writes its errors as CLIXML
				assertThat(ex.stderr()).isEqualTo("#< CLIXML\r\n<Objs Version=\"1.1.0.1\""
						+ " xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><S S=\"Error\">Install-CsMirrorDatabase :"
						+ " Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
						+ "_x000D__x000A_</S><S S=\"Error\">At line:3 char:1_x000D__x000A_</S><S S=\"Error\">+"
						+ " Install-CsMirrorDatabase -DatabaseType 'PersistentChat' -SqlServerFqd ..._x000D__x000A_</S>"
						+ "<S S=\"Error\">+ " + "~".repeat(69) + "_x000D__x000A_</S><S S=\"Error\">    + CategoryInfo  "
						+ "        : InvalidOperation: (:) [Install-CsMirrorDatabase], PSInvalidOperationException"
						+ "_x000D__x000A_</S><S S=\"Error\">    + FullyQualifiedErrorId : InvalidOperation,"
						+ "Install-CsMirrorDatabase_x000D__x000A_</S><S S=\"Error\"> _x000D__x000A_</S></Objs>");
				assertThat(ex.getMessage()).endsWith("(exit code 1): Install-CsMirrorDatabase : Windows PowerShell is in"
						+ " NonInteractive mode. Read and Prompt functionality is not available.");
			});
		assertThat(actions.actions()).singleElement().satisfies(a -> assertThat(a.succeeded()).isFalse());
	}

	@Test
	void readsThePoolWithoutTheRemovedCandidateInTheCandidateNotInPoolScenario() {
		assertThat(adapter(LabLyncShell.CANDIDATE_NOT_IN_POOL).getPoolComputers(POOL, actions))
			.containsExactly("atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com", "dal-pc-001.litwareinc.com");
	}

}
