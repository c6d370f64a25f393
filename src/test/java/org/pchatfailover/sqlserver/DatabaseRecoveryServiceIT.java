package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupShareAdapter;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;
import org.pchatfailover.lab.sql.engine.ServerVersion;
import org.pchatfailover.topology.Secrets;

/** Runbook step 4 against the lab SQL Server: end connections, RESTORE DATABASE WITH RECOVERY. */
class DatabaseRecoveryServiceIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	final SqlServerAdapter adapter = new SqlServerAdapter(new Secrets());

	final List<Duration> waits = new ArrayList<>();

	final DatabaseRecoveryService recovery = new DatabaseRecoveryService(adapter, waits::add);

	final LogShippingService logShipping = new LogShippingService(adapter, new BackupShareAdapter());

	final ActionLog actions = new ActionLog();

	@Test
	void endsSessionsThenRecoversThroughAReconnectWith3101() throws Exception {
		sql = lab.start("sessions-connected");
		// a standby secondary with every log restored: nothing to apply, the readers stay until EndConnections
		assertThat(logShipping.applyPendingLogs(sql.pool(), actions)).isEmpty();
		assertThat(sql.lab().state().sessions()).filteredOn(s -> !s.live()).hasSize(3);
		recovery.endConnections(sql.pool(), actions);
		// one front end reconnected to the read-only mgc after its KILL: RESTORE WITH RECOVERY meets 3101, kills again
		assertThat(sql.lab().state().sessions()).filteredOn(s -> !s.live()).hasSize(1);
		recovery.recoverDatabase(sql.pool(), actions);
		assertThat(sql.lab().state().database("mgc").state()).isEqualTo("ONLINE");
		assertThat(sql.lab().state().database("mgc").standby()).isFalse();
		assertThat(sql.lab().state().sessions()).filteredOn(s -> !s.live()).isEmpty();
		assertThat(actions.actions()).anyMatch(a -> a.outcome().startsWith("3101"));
		assertThat(actions.actions()).filteredOn(a -> a.command().startsWith("KILL ")).hasSize(4);
		assertThat(waits).containsExactly(Duration.ofMillis(200));
		assertThat(actions.actions()).anyMatch(a -> a.kind().equals("wait") && a.outcome().contains("waited 200 ms"));
	}

	@Test
	void endsSessionsFromSysprocessesOnSqlServer2008R2() throws Exception {
		sql = lab.start("sessions-connected", ServerVersion.parse("10.50.6000.34"));
		logShipping.applyPendingLogs(sql.pool(), actions);
		recovery.endConnections(sql.pool(), actions);
		assertThat(sql.lab().state().sessions()).filteredOn(s -> !s.live()).hasSize(1);
		recovery.recoverDatabase(sql.pool(), actions);
		assertThat(sql.lab().state().database("mgc").state()).isEqualTo("ONLINE");
		assertThat(sql.lab().state().sessions()).filteredOn(s -> !s.live()).isEmpty();
		assertThat(actions.actions()).anyMatch(a -> a.command().contains("SERVERPROPERTY('ProductVersion')")
				&& a.outcome().equals("10.50.6000.34"));
		assertThat(actions.actions()).filteredOn(a -> a.command().contains("FROM master.dbo.sysprocesses"))
			.allMatch(a -> a.succeeded())
			.isNotEmpty();
		assertThat(actions.actions()).noneMatch(a -> a.command().contains("sys.dm_exec_sessions"));
		assertThat(actions.actions()).filteredOn(a -> a.command().startsWith("KILL ")).hasSize(4);
	}

	@Test
	void readsSessionsFromDmExecSessionsFromSqlServer2012On() {
		// 2022 set explicitly: the lab's default became SQL Server 2012 SP4
		sql = lab.start("sessions-connected", ServerVersion.parse("16.0.1000.6"));
		recovery.endConnections(sql.pool(), actions);
		assertThat(sql.lab().state().sessions()).filteredOn(s -> !s.live() && s.database().equals("mgc"))
			.hasSize(1);
		assertThat(actions.actions()).anyMatch(a -> a.command().contains("SERVERPROPERTY('ProductVersion')")
				&& a.outcome().equals("16.0.1000.6"));
		assertThat(actions.actions()).anyMatch(a -> a.command().contains("FROM sys.dm_exec_sessions"));
		assertThat(actions.actions()).noneMatch(a -> a.command().contains("sysprocesses"));
	}

	@Test
	void backsOffBetweenAttemptsAndGivesUpAfterTheLast() throws Exception {
		sql = lab.start("sessions-connected");
		logShipping.applyPendingLogs(sql.pool(), actions);
		sql.reconnects(100);
		assertThatThrownBy(() -> recovery.recoverDatabase(sql.pool(), actions))
			.isInstanceOfSatisfying(SqlServerException.class, ex -> assertThat(ex.errorNumber()).isEqualTo(3101));
		assertThat(waits).isEqualTo(DatabaseRecoveryService.RECOVERY_BACKOFF);
		assertThat(actions.actions()).filteredOn(a -> a.command().startsWith("RESTORE DATABASE") && !a.succeeded())
			.hasSize(DatabaseRecoveryService.RECOVERY_ATTEMPTS);
		// still the readable standby it was: sessions kept RESTORE ... WITH RECOVERY from taking it
		assertThat(sql.lab().state().database("mgc").state()).isEqualTo("ONLINE");
		assertThat(sql.lab().state().database("mgc").standby()).isTrue();
	}

	@Test
	void recoversAStandbySecondaryThatShowsOnline() {
		sql = lab.start("standby");
		recovery.recoverDatabase(sql.pool(), actions);
		assertThat(sql.lab().state().database("mgc").state()).isEqualTo("ONLINE");
		assertThat(sql.lab().state().database("mgc").standby()).isFalse();
		assertThat(sql.lab().state().restoreHistory()).anyMatch(r -> r.type().equals("D"));
		assertThat(actions.actions()).anyMatch(a -> a.command().startsWith("RESTORE DATABASE"));
	}

	@Test
	void recoveryIsANoOpWhenTheDatabaseIsAlreadyOnline() {
		sql = lab.start("normal");
		recovery.recoverDatabase(sql.pool(), actions);
		int restores = sql.lab().state().restoreHistory().size();
		ActionLog rerun = new ActionLog();
		recovery.recoverDatabase(sql.pool(), rerun);
		recovery.endConnections(sql.pool(), rerun);
		assertThat(sql.lab().state().restoreHistory()).hasSize(restores);
		assertThat(rerun.actions()).noneMatch(a -> a.command().startsWith("RESTORE"));
		assertThat(rerun.actions()).anyMatch(a -> a.outcome().contains("already ONLINE"));
	}

	/** The database recovered, its sessions are users of the new principal: EndConnections checks and leaves them. */
	@Test
	void endsNoSessionOnceTheDatabaseIsRecovered() throws Exception {
		sql = lab.start("normal");
		recovery.recoverDatabase(sql.pool(), actions);
		ActionLog rerun = new ActionLog();
		try (Connection user = sql.connect(); Statement statement = user.createStatement()) {
			statement.execute("USE mgc");
			assertThat(sql.lab().state().sessions()).filteredOn(s -> s.live() && s.database().equals("mgc")).hasSize(1);

			recovery.endConnections(sql.pool(), rerun);

			assertThat(sql.lab().state().sessions()).filteredOn(s -> s.live() && s.database().equals("mgc"))
				.hasSize(1);
			statement.execute("SELECT 1");
		}
		assertThat(rerun.actions()).noneMatch(a -> a.command().startsWith("KILL "));
		assertThat(rerun.actions()).anyMatch(a -> a.outcome().startsWith("already ONLINE (recovered)"));
	}

}
