package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupShareAdapter;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;
import org.pchatfailover.lab.sql.engine.ServerVersion;
import org.pchatfailover.topology.Secrets;

/**
 * The estate check's reads against the lab SQL Server over TCP: who answers, what the login may do, encryption, and
 * which Persistent Chat servers last wrote to mgc.
 */
class ReadinessReadsIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	final SqlServerAdapter adapter = new SqlServerAdapter(new Secrets());

	final ActionLog actions = new ActionLog();

	final LogShippingService logShipping = new LogShippingService(adapter, new BackupShareAdapter());

	@Test
	void readsTheLabLoginAsSysadminThatMayRunEveryStep() {
		sql = lab.start("normal");
		try (SqlServerConnection connection = adapter.connect(sql.pool().backupSql(), actions)) {
			LoginRights rights = connection.readiness().readLoginRights("mgc");
			assertThat(rights).isEqualTo(new LoginRights("lab", "mgc", true, false, false, true, true, true, true));
			assertThat(rights.mayRemoveLogShipping()).isTrue();
			assertThat(rights.mayReadBackupHeaders()).isTrue();
			assertThat(rights.mayRestore()).isTrue();
			assertThat(rights.mayEndConnections()).isTrue();
			assertThat(rights.mayReadMsdb()).isTrue();
		}
		assertThat(actions.actions()).filteredOn(a -> a.command().startsWith("SELECT ")).hasSize(3)
			.allMatch(a -> a.succeeded());
		assertThat(actions.actions()).anyMatch(a -> a.command().contains("IS_SRVROLEMEMBER(@P0)")
				&& a.command().contains("@P0 = N'sysadmin'") && a.outcome().contains("sysadmin=true"));
		assertThat(actions.actions()).anyMatch(a -> a.command().contains("HAS_PERMS_BY_NAME(@P0, @P1, @P2)")
				&& a.command().contains("@P0 = N'msdb.dbo.log_shipping_secondary'"));
	}

	@Test
	void readsWhatMissingRightsTakesAwayAndWhichStepsThatStops() {
		sql = lab.start("missing-rights");
		try (SqlServerConnection connection = adapter.connect(sql.pool().backupSql(), actions)) {
			LoginRights rights = connection.readiness().readLoginRights("mgc");
			assertThat(rights).isEqualTo(new LoginRights("lab", "mgc", false, false, false, true, false, true, true));
			assertThat(rights.mayRemoveLogShipping()).isFalse();
			assertThat(rights.mayEndConnections()).isFalse();
			assertThat(rights.mayRestore()).isFalse();
			assertThat(rights.mayReadBackupHeaders()).isTrue();
			assertThat(rights.mayReadMsdb()).isTrue();
		}
	}

	@Test
	void cannotTellTheOwnerOfADatabaseThatDoesNotExist() {
		sql = lab.start("normal");
		try (SqlServerConnection connection = adapter.connect(sql.pool().backupSql(), actions)) {
			assertThat(connection.readiness().readLoginRights("nosuchdb").databaseOwner()).isNull();
		}
	}

	@Test
	void readsTheConnectionAsUnencryptedOnTheLab() {
		sql = lab.start("normal");
		try (SqlServerConnection connection = adapter.connect(sql.pool().backupSql(), actions)) {
			assertThat(connection.readiness().readConnectionEncryption()).isEqualTo("FALSE");
		}
		assertThat(actions.actions()).anyMatch(a -> a.command().contains("FROM sys.dm_exec_connections")
				&& a.outcome().equals("FALSE"));
	}

	@Test
	void readsTheServerNameAndASupportedVersionForLyncServer2013() {
		sql = lab.start("normal");
		try (SqlServerConnection connection = adapter.connect(sql.pool().backupSql(), actions)) {
			assertThat(connection.readServerName()).isEqualTo("DAL-SQL-BK\\PCHAT");
			SqlServerVersion version = connection.readiness().readServerVersion();
			assertThat(version.productName()).isEqualTo("SQL Server 2012");
			assertThat(version.backEndFor(LyncServerVersion.LYNC_SERVER_2013).supported()).isTrue();
		}
		assertThat(actions.actions()).anyMatch(a -> a.command().equals("SELECT @@SERVERNAME")
				&& a.outcome().equals("DAL-SQL-BK\\PCHAT"));
	}

	@Test
	void getsError927ForThePersistentChatServersWhileMgcIsRestoring() {
		sql = lab.start("normal");
		try (SqlServerConnection connection = adapter.connect(sql.pool().backupSql(), actions)) {
			assertThatThrownBy(() -> connection.readiness().readServerIdentities("mgc"))
				.isInstanceOfSatisfying(SqlServerException.class, ex -> assertThat(ex.errorNumber()).isEqualTo(927))
				.hasMessageContaining("It is in the middle of a restore.");
		}
		assertThat(actions.actions()).anyMatch(a -> !a.succeeded()
				&& a.command().equals("SELECT serverID, serverAddress, serverLastPingTime FROM [mgc].dbo.tblServerIdentity"));
	}

	/** A recovered copy shows what log shipping brought: the Atlanta servers, last seen at the newest log restored. */
	@Test
	void readsTheStalePingsOfTheAtlantaServersOnceMgcIsRecovered() throws Exception {
		sql = lab.start("normal");
		logShipping.applyPendingLogs(sql.pool(), actions);
		new DatabaseRecoveryService(adapter).recoverDatabase(sql.pool(), actions);
		Instant newestApplied;
		List<ServerIdentity> servers;
		try (SqlServerConnection connection = adapter.connect(sql.pool().backupSql(), actions)) {
			String newest = sql.lab().state().copyFiles().get(7);
			newestApplied = connection.readBackupHeader(LabSqlFixture.COPY_UNC + "\\" + newest, newest)
				.backupFinishDate();
			servers = connection.readiness().readServerIdentities("mgc");
		}
		assertThat(servers).extracting(ServerIdentity::serverId).containsExactly(1, 2);
		assertThat(servers).extracting(ServerIdentity::serverAddress)
			.containsExactly("net.tcp://atl-pc-001.litwareinc.com/ChannelServer",
					"net.tcp://atl-pc-002.litwareinc.com/ChannelServer");
		assertThat(servers).allSatisfy(server -> {
			assertThat(server.lastPing()).isEqualTo(newestApplied);
			assertThat(server.lastPingLocal())
				.isEqualTo(LocalDateTime.ofInstant(newestApplied, LabSqlFixture.SERVER_ZONE));
		});
	}

	@Test
	void refusesADatabaseNameThatIsNoPlainIdentifierWithoutSendingIt() {
		sql = lab.start("standby");
		try (SqlServerConnection connection = adapter.connect(sql.pool().backupSql(), actions)) {
			for (String name : new String[] { "mgc]; DROP DATABASE mgc; --", "mgc.dbo", "[mgc]", "" }) {
				assertThatThrownBy(() -> connection.readiness().readServerIdentities(name))
					.isInstanceOf(IllegalArgumentException.class);
			}
			assertThat(connection.readiness().readServerIdentities("MGC")).hasSize(2);
		}
		assertThat(actions.actions()).filteredOn(a -> a.command().contains("tblServerIdentity"))
			.singleElement()
			.satisfies(a -> assertThat(a.command()).endsWith("FROM [MGC].dbo.tblServerIdentity"));
	}

	@Test
	void readsSqlServer2022AsAnUnsupportedBackEndOfLyncServer2013() {
		sql = lab.start("normal", ServerVersion.parse("16.0.1000.6"));
		try (SqlServerConnection connection = adapter.connect(sql.pool().backupSql(), actions)) {
			BackEndSupport support = connection.readiness().readServerVersion()
				.backEndFor(LyncServerVersion.LYNC_SERVER_2013);
			assertThat(support.supported()).isFalse();
			assertThat(support.describe()).startsWith("SQL Server 2022 is not a supported back end of Lync Server 2013");
		}
	}

}
