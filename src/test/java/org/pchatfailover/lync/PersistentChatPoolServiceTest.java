package org.pchatfailover.lync;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lab.lync.cmdlets.LabDatabaseProbe;
import org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.lab.lync.cmdlets.LabLyncState;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.LabPool;
import org.pchatfailover.sqlserver.DatabaseMirroringRow;
import org.pchatfailover.topology.ActiveServerRules;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.TestPools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PersistentChatPoolServiceTest {

	private static final Pool POOL = TestPools.pool(TestPools.ssh(22, null, Path.of("known_hosts"), 60));

	@TempDir
	Path dir;

	private LabLyncShell lab;

	private InProcessLabTransport transport;

	private final ActionLog actions = new ActionLog();

	private final FakeBackupSql backupSql = new FakeBackupSql();

	private PersistentChatPoolService service(String scenario, LabDatabaseProbe probe) {
		return service(scenario, probe, LabLyncFixtures.TOPOLOGY);
	}

	private PersistentChatPoolService service(String scenario, LabDatabaseProbe probe, LabLyncTopology topology) {
		lab = LabLyncFixtures.shell(dir, topology, probe, scenario);
		transport = new InProcessLabTransport(lab);
		return new PersistentChatPoolService(new LyncShellAdapter(List.of(transport)), backupSql.mirroringService(),
				new ActiveServerVerification(backupSql.serverIdentityService(() -> labPool().activeServers()),
						Duration.ofMillis(500), Duration.ofMillis(50)));
	}

	private LabLyncState.PoolState labPool() {
		return lab.state().pools().get(TestPools.POOL_FQDN);
	}

	@Test
	void setsThePoolFailedOverAndVerifiesIt() {
		service(LabLyncShell.NORMAL, LabLyncFixtures.MGC_ONLINE).setPoolFailedOver(POOL, actions);

		assertThat(labPool().poolState()).isEqualTo("FailedOver");
		assertThat(transport.cmdlets()).containsExactly("Get-CsPersistentChatState", "Set-CsPersistentChatState",
				"Get-CsPersistentChatState");
		assertThat(actions.actions()).extracting(ActionLog.Action::outcome)
			.containsExactly("PoolState Normal", "PoolState set to FailedOver", "PoolState FailedOver");
	}

	@Test
	void skipsSetPoolFailedOverWhenAlreadyFailedOver() {
		service(LabLyncShell.FAILED_OVER, LabLyncFixtures.MGC_ONLINE).setPoolFailedOver(POOL, actions);

		assertThat(transport.cmdlets()).containsExactly("Get-CsPersistentChatState");
		assertThat(lab.state().history()).extracting(LabLyncState.HistoryEntry::command)
			.noneMatch(c -> c.startsWith("Set-"));
	}

	@Test
	void refusesSetPoolFailedOverWhileMgcIsRestoringOnTheBackupInstance() {
		backupSql.databaseIs("RESTORING");
		PersistentChatPoolService service = service(LabLyncShell.NORMAL, backupSql);

		assertThatIllegalStateException().isThrownBy(() -> service.setPoolFailedOver(POOL, actions))
			.withMessage("SetPoolFailedOver refused for pool atl-cs-001.litwareinc.com: mgc on"
					+ " dal-sql-bk.litwareinc.com\\PCHAT is RESTORING, not ONLINE; recover it (RecoverDatabase) before"
					+ " the pool fails over to it, then retry");
		assertThat(transport.commands).isEmpty();
		assertThat(labPool().poolState()).isEqualTo("Normal");
	}

	/** The state a retry met before this check: a pool FailedOver onto a database still restoring is no work done. */
	@Test
	void refusesToCallAFailedOverPoolDoneWhileMgcIsRestoring() {
		backupSql.databaseIs("RESTORING");
		PersistentChatPoolService service = service(LabLyncShell.FAILED_OVER, backupSql);

		assertThatIllegalStateException().isThrownBy(() -> service.setPoolFailedOver(POOL, actions))
			.withMessageContaining("mgc on dal-sql-bk.litwareinc.com\\PCHAT is RESTORING, not ONLINE");
		assertThat(transport.commands).isEmpty();
	}

	@Test
	void failsWhenThePoolStateDoesNotChange() {
		PersistentChatPoolService service = service(LabLyncShell.CHANGES_NOT_APPLIED, LabLyncFixtures.MGC_ONLINE);

		assertThatExceptionOfType(LyncVerificationException.class)
			.isThrownBy(() -> service.setPoolFailedOver(POOL, actions))
			.withMessageContaining("pool atl-cs-001.litwareinc.com is Normal, not FailedOver");
	}

	@Test
	void carriesStderrAndExitCodeWhenTheCmdletFails() {
		PersistentChatPoolService service = service(LabLyncShell.CMDLET_FAILURE, LabLyncFixtures.MGC_ONLINE);

		assertThatExceptionOfType(LyncShellException.class).isThrownBy(() -> service.setPoolFailedOver(POOL, actions))
			.satisfies(ex -> {
				assertThat(ex.exitCode()).isEqualTo(1);
				assertThat(ex.cmdlet()).isEqualTo("Set-CsPersistentChatState");
				assertThat(ex.stderr()).contains("Central Management store unreachable");
				assertThat(ex.getMessage()).startsWith("Set-CsPersistentChatState failed on lab in-process (exit code 1):");
			});
		assertThat(actions.actions()).last().satisfies(a -> assertThat(a.succeeded()).isFalse());
	}

	@Test
	void installsTheMirrorForTheNewPrincipalAndVerifiesIt() {
		PersistentChatPoolService service = service(LabLyncShell.NORMAL, backupSql);
		service.setPoolFailedOver(POOL, actions);

		service.installMirror(POOL, actions);

		assertThat(labPool().mirror()).isEqualTo(new LabLyncState.Mirror("dal-sql-bk.litwareinc.com\\PCHAT",
				"dal-sql-mr.litwareinc.com\\PCHAT", "Synchronized"));
		assertThat(transport.cmdlets()).endsWith("Get-CsDatabaseMirrorState", "Install-CsMirrorDatabase",
				"Get-CsDatabaseMirrorState");
		assertThat(backupSql.reads()).as("sys.database_mirroring read after the cmdlets").isEqualTo(1);
	}

	@Test
	void skipsInstallMirrorWhenLyncAndSqlServerBothShowItMirrored() {
		backupSql.shows(new DatabaseMirroringRow("PRINCIPAL", "SYNCHRONIZING", "dal-sql-mr\\pchat", null));

		service(LabLyncShell.FAILED_OVER, backupSql).installMirror(POOL, actions);

		assertThat(transport.cmdlets()).containsExactly("Get-CsPersistentChatState", "Get-CsDatabaseMirrorState");
	}

	@Test
	void installsAgainWhenLyncShowsAMirrorSqlServerDoesNotHave() {
		service(LabLyncShell.FAILED_OVER, backupSql).installMirror(POOL, actions);

		assertThat(transport.cmdlets()).contains("Install-CsMirrorDatabase");
		assertThat(backupSql.reads()).isEqualTo(2);
	}

	@Test
	void failsWhenSqlServerShowsAnotherPartnerThanTheConfiguredMirror() {
		PersistentChatPoolService service = service(LabLyncShell.NORMAL, backupSql);
		service.setPoolFailedOver(POOL, actions);
		backupSql.shows(new DatabaseMirroringRow("PRINCIPAL", "SYNCHRONIZED", "ATL-SQL-MR\\PCHAT", null));

		assertThatExceptionOfType(LyncVerificationException.class).isThrownBy(() -> service.installMirror(POOL, actions))
			.withMessageContaining("sys.database_mirroring of mgc on dal-sql-bk.litwareinc.com\\PCHAT shows"
					+ " PRINCIPAL/SYNCHRONIZED, partner ATL-SQL-MR\\PCHAT")
			.withMessageContaining("partner dal-sql-mr.litwareinc.com\\PCHAT");
	}

	@Test
	void failsWhenSqlServerShowsTheDatabaseNotMirroredOrSuspended() {
		PersistentChatPoolService service = service(LabLyncShell.NORMAL, LabLyncFixtures.MGC_ONLINE);
		service.setPoolFailedOver(POOL, actions);

		assertThatExceptionOfType(LyncVerificationException.class).isThrownBy(() -> service.installMirror(POOL, actions))
			.withMessageContaining("shows not mirrored");
		backupSql.shows(new DatabaseMirroringRow("PRINCIPAL", "SUSPENDED", "DAL-SQL-MR\\PCHAT", null));
		assertThatExceptionOfType(LyncVerificationException.class).isThrownBy(() -> service.installMirror(POOL, actions))
			.withMessageContaining("PRINCIPAL/SUSPENDED");
	}

	@Test
	void refusesToInstallTheMirrorWhileTheBackupMgcIsNotOnline() {
		PersistentChatPoolService service = service(LabLyncShell.NORMAL, LabLyncFixtures.mgcIn("RESTORING"));
		service.setPoolFailedOver(POOL, actions);

		assertThatExceptionOfType(LyncShellException.class).isThrownBy(() -> service.installMirror(POOL, actions))
			.withMessageContaining("is RESTORING; it must be ONLINE");
		assertThat(labPool().mirror()).isNull();
	}

	@Test
	void refusesToInstallTheMirrorBeforeThePoolIsFailedOver() {
		PersistentChatPoolService service = service(LabLyncShell.NORMAL, LabLyncFixtures.MGC_ONLINE);

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> service.installMirror(POOL, actions))
			.withMessageContaining("not FailedOver");
		assertThat(transport.cmdlets()).containsExactly("Get-CsPersistentChatState");
	}

	@Test
	void refusesToSetActiveServersBeforeThePoolIsFailedOver() {
		PersistentChatPoolService service = service(LabLyncShell.NORMAL, LabLyncFixtures.MGC_ONLINE);

		assertThatIllegalStateException()
			.isThrownBy(() -> service.setActiveServers(POOL, List.of("dal-pc-001.litwareinc.com"), false, actions))
			.withMessage("pool atl-cs-001.litwareinc.com is Normal, not FailedOver: active servers are set for the new"
					+ " principal after SetPoolFailedOver");
		assertThat(transport.cmdlets()).containsExactly("Get-CsPersistentChatState");
		assertThat(labPool().activeServers()).doesNotContain("dal-pc-001.litwareinc.com");
	}

	@Test
	void confirmsTheActiveServersByTheirPingsInTheNewPrincipalsDatabase() {
		PersistentChatPoolService service = service(LabLyncShell.FAILED_OVER, LabLyncFixtures.MGC_ONLINE);

		ActiveServerEvidence evidence = service.setActiveServers(POOL,
				List.of("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com"), false, actions);

		assertThat(evidence.confirmed()).isTrue();
		assertThat(evidence.servers()).extracting(ActiveServerEvidence.ServerPing::server)
			.containsExactly("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com");
		assertThat(evidence.summary()).startsWith("Active servers set and confirmed by the database: "
				+ "mgc.dbo.tblServerIdentity on dal-sql-bk.litwareinc.com\\PCHAT\n  - dal-pc-001.litwareinc.com: pinged 2026-");
		assertThat(actions.actions()).anyMatch(a -> a.kind().equals("check")
				&& a.command().startsWith("SELECT serverID, serverAddress, serverLastPingTime FROM mgc.dbo.tblServerIdentity")
				&& a.outcome().startsWith("Active servers set and confirmed"));
	}

	@Test
	void saysSetButNotConfirmedWhenTheServersDoNotPingAndAStalePingDoesNotCount() {
		PersistentChatPoolService service = service(LabLyncShell.FAILED_OVER, LabLyncFixtures.MGC_ONLINE);
		backupSql.loggedShippedPing("dal-pc-001.litwareinc.com", LocalDateTime.of(2026, 11, 29, 6, 45));
		backupSql.serversDoNotPing();

		ActiveServerEvidence evidence = service.setActiveServers(POOL,
				List.of("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com"), false, actions);

		assertThat(evidence.confirmed()).isFalse();
		assertThat(evidence.summary()).isEqualTo("Active servers set, not confirmed by the database: "
				+ "mgc.dbo.tblServerIdentity on dal-sql-bk.litwareinc.com\\PCHAT\n"
				+ "  - dal-pc-001.litwareinc.com: no ping since the set; last ping 2026-11-29T06:45 (serverLastPingTime as stored, in a time zone the references do not name)\n"
				+ "  - dal-pc-002.litwareinc.com: no row, it has not pinged mgc\n");
		assertThat(labPool().activeServers()).as("set all the same").containsExactly("dal-pc-001.litwareinc.com",
				"dal-pc-002.litwareinc.com");
	}

	@Test
	void saysSoWhenTheDatabaseHoldsNoEvidence() {
		PersistentChatPoolService service = service(LabLyncShell.FAILED_OVER, LabLyncFixtures.MGC_ONLINE);
		backupSql.tableUnreadable();

		ActiveServerEvidence evidence = service.setActiveServers(POOL, List.of("dal-pc-001.litwareinc.com"), false,
				actions);

		assertThat(evidence.confirmed()).isFalse();
		assertThat(evidence.summary()).startsWith("Active servers set, not confirmed by the database: "
				+ "mgc.dbo.tblServerIdentity on dal-sql-bk.litwareinc.com\\PCHAT could not be read (read Persistent Chat "
				+ "servers in mgc failed: 208");
	}

	@Test
	void setsActiveServersInTheBackupDataCentreAndAgainAlikeTheSecondTime() {
		PersistentChatPoolService service = service(LabLyncShell.FAILED_OVER, LabLyncFixtures.MGC_ONLINE);
		List<String> dallas = ActiveServerRules.propose(POOL, POOL.backupDataCenter());

		service.setActiveServers(POOL, dallas, false, actions);
		service.setActiveServers(POOL, List.of("DAL-PC-002.litwareinc.com", "dal-pc-001.litwareinc.com"), false, actions);

		assertThat(labPool().activeServers()).containsExactly("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com");
		// no Get-CsPersistentChatActiveServer: no such cmdlet is documented, so nothing reads the list back
		assertThat(transport.cmdlets()).containsExactly("Get-CsPersistentChatState", "Set-CsPersistentChatActiveServer",
				"Get-CsPersistentChatState", "Set-CsPersistentChatActiveServer");
		assertThat(lab.state().history()).extracting(LabLyncState.HistoryEntry::command)
			.filteredOn(command -> command.startsWith("Set-"))
			.containsExactly(
					"Set-CsPersistentChatActiveServer -Identity 'global'"
							+ " -ActiveServers @{Add='dal-pc-001.litwareinc.com','dal-pc-002.litwareinc.com'} -Confirm:$false",
					"Set-CsPersistentChatActiveServer -Identity 'global'"
							+ " -ActiveServers @{Remove='atl-pc-001.litwareinc.com','atl-pc-002.litwareinc.com'} -Confirm:$false",
					"Set-CsPersistentChatActiveServer -Identity 'global'"
							+ " -ActiveServers @{Add='dal-pc-002.litwareinc.com','dal-pc-001.litwareinc.com'} -Confirm:$false",
					"Set-CsPersistentChatActiveServer -Identity 'global'"
							+ " -ActiveServers @{Remove='atl-pc-001.litwareinc.com','atl-pc-002.litwareinc.com'} -Confirm:$false");
		assertThat(actions.actions()).filteredOn(a -> a.kind().equals("cmdlet")).extracting(ActionLog.Action::outcome)
			.containsExactly("PoolState FailedOver", "active servers added [dal-pc-001.litwareinc.com,"
					+ " dal-pc-002.litwareinc.com], removed [atl-pc-001.litwareinc.com, atl-pc-002.litwareinc.com]",
					"PoolState FailedOver", "active servers added [dal-pc-002.litwareinc.com, dal-pc-001.litwareinc.com],"
							+ " removed [atl-pc-001.litwareinc.com, atl-pc-002.litwareinc.com]");
	}

	@Test
	void setsActiveServersWithThePoolsServiceIdentityOnSkypeForBusinessServer2015() {
		PersistentChatPoolService service = service(LabLyncShell.FAILED_OVER, LabLyncFixtures.MGC_ONLINE,
				LabLyncFixtures.topology(LabPool.LYNC_2015));
		Pool skype = new Pool(POOL.fqdn(), POOL.database(), POOL.backupSql(), POOL.backupMirrorSql(),
				POOL.mirrorFileShare(), POOL.backupDataCenter(), POOL.activeServerCandidates(), List.of(),
				POOL.lyncShell(), "2015", null);

		service.setActiveServers(skype, List.of("dal-pc-001.litwareinc.com"), false, actions);

		assertThat(labPool().activeServers()).containsExactly("dal-pc-001.litwareinc.com");
		assertThat(lab.state().history()).extracting(LabLyncState.HistoryEntry::command)
			.filteredOn(c -> c.startsWith("Set-"))
			.allMatch(c -> c.startsWith("Set-CsPersistentChatActiveServer -Identity"
					+ " 'PersistentChatServer:atl-cs-001.litwareinc.com' -ActiveServers @{"));
	}

	@Test
	void leavesTheActiveServersOfOtherPoolsAlone() {
		PersistentChatPoolService service = service(LabLyncShell.FAILED_OVER, LabLyncFixtures.MGC_ONLINE,
				LabLyncFixtures.TWO_POOLS);

		List<String> secondPool = lab.state().pools().get(LabLyncFixtures.SECOND_POOL).activeServers();

		service.setActiveServers(POOL, List.of("dal-pc-001.litwareinc.com"), false, actions);

		assertThat(labPool().activeServers()).containsExactly("dal-pc-001.litwareinc.com");
		assertThat(lab.state().pools().get(LabLyncFixtures.SECOND_POOL).activeServers()).isNotEmpty()
			.isEqualTo(secondPool);
	}

	@Test
	void refusesAServerOutsideTheBackupDataCentreUnlessLowLatencyIsConfirmed() {
		PersistentChatPoolService service = service(LabLyncShell.FAILED_OVER, LabLyncFixtures.MGC_ONLINE);
		List<String> mixed = List.of("dal-pc-001.litwareinc.com", "atl-pc-001.litwareinc.com");

		assertThatIllegalArgumentException().isThrownBy(() -> service.setActiveServers(POOL, mixed, false, actions))
			.withMessageContaining("atl-pc-001.litwareinc.com is in data centre Atlanta, not in Dallas");
		assertThat(transport.commands).isEmpty();

		service.setActiveServers(POOL, mixed, true, actions);
		// a collection: Add and Remove leave no order the references speak of
		assertThat(labPool().activeServers()).containsExactlyInAnyOrderElementsOf(mixed);
	}

	@Test
	void checksTheOperatorsListBeforeAnyCmdlet() {
		PersistentChatPoolService service = service(LabLyncShell.FAILED_OVER, LabLyncFixtures.MGC_ONLINE);

		assertThatIllegalArgumentException().isThrownBy(() -> service.setActiveServers(POOL, List.of(), true, actions))
			.withMessageContaining("at least one");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> service.setActiveServers(POOL, List.of("dal-pc-009.litwareinc.com"), false, actions))
			.withMessageContaining("is not a configured active-server candidate");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> service.setActiveServers(POOL, List.of("$(Remove-Item x)"), true, actions));
		assertThat(transport.commands).isEmpty();
	}

	@Test
	void rejectsAnInjectedPoolFqdnBeforeAnyCmdlet() {
		PersistentChatPoolService service = service(LabLyncShell.FAILED_OVER, LabLyncFixtures.MGC_ONLINE);
		Pool injected = new Pool("atl-cs-001.litwareinc.com'; Remove-Item x; '", POOL.database(), POOL.backupSql(),
				POOL.backupMirrorSql(), POOL.mirrorFileShare(), POOL.backupDataCenter(), POOL.activeServerCandidates(),
				List.of(), POOL.lyncShell(), POOL.lyncVersion(), POOL.activeServersIdentity());

		assertThatIllegalArgumentException().isThrownBy(() -> service.setPoolFailedOver(injected, actions));
		assertThat(transport.commands).isEmpty();
	}

}
