package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;
import org.pchatfailover.lab.sql.engine.ServerVersion;
import org.pchatfailover.topology.Secrets;

/** The estate check's reads against the lab SQL Server over TCP: who answers, what the login may do, encryption. */
class ReadinessReadsIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	final SqlServerAdapter adapter = new SqlServerAdapter(new Secrets());

	final ActionLog actions = new ActionLog();

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
