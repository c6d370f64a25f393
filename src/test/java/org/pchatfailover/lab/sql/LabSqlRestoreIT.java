package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lab's RESTORE, KILL and log-shipping behaviour as a DBA meets it in plain T-SQL over TDS. */
class LabSqlRestoreIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	List<String> copied;

	@BeforeEach
	void startLab() throws Exception {
		sql = lab.start("normal");
		try (var files = Files.list(sql.copy())) {
			copied = files.map(f -> f.getFileName().toString()).sorted().toList();
		}
	}

	String device(int index) {
		return LabSqlFixture.COPY_UNC + "\\" + copied.get(index);
	}

	@Test
	void readsBackupHeadersWithSqlServersColumns() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("RESTORE HEADERONLY FROM DISK = N'" + device(5) + "'")) {
			assertThat(rows.getMetaData().getColumnName(1)).isEqualTo("BackupName");
			assertThat(rows.getMetaData().getColumnName(3)).isEqualTo("BackupType");
			assertThat(rows.next()).isTrue();
			assertThat(rows.getInt("BackupType")).isEqualTo(2);
			assertThat(rows.getString("DatabaseName")).isEqualTo("mgc");
			assertThat(rows.getBigDecimal("FirstLSN")).isLessThan(rows.getBigDecimal("LastLSN"));
			assertThat(rows.getTimestamp("BackupFinishDate")).isNotNull();
		}
	}

	@Test
	void bringsAStandbySecondaryOutOfStandbyWithRecovery() throws SQLException {
		sql.lab().reset("standby");
		String standby = "SELECT state_desc, is_in_standby, is_read_only FROM sys.databases WHERE name = ";
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery(standby + "'mgc'")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("ONLINE");
				assertThat(rows.getBoolean(2)).isTrue();
				assertThat(rows.getBoolean(3)).isTrue();
			}
			statement.execute("RESTORE DATABASE mgc WITH RECOVERY");
			for (String database : List.of("mgc", "master")) {
				try (ResultSet rows = statement.executeQuery(standby + "'" + database + "'")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1)).isEqualTo("ONLINE");
					assertThat(rows.getBoolean(2)).isFalse();
					assertThat(rows.getBoolean(3)).isFalse();
				}
			}
			assertThatThrownBy(() -> statement.execute("RESTORE DATABASE mgc WITH RECOVERY"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(3153));
		}
	}

	@Test
	void enforcesTheLsnRulesOfRestoreLog() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("RESTORE LOG mgc FROM DISK = '" + device(6) + "' WITH NORECOVERY"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(4305));
			assertThatThrownBy(() -> statement.execute("RESTORE LOG mgc FROM DISK = '" + device(2) + "' WITH NORECOVERY"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(4326));
			assertThatThrownBy(() -> statement.execute("RESTORE LOG mgc FROM DISK = '" + LabSqlFixture.COPY_UNC
					+ "\\missing.trn' WITH NORECOVERY"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(3201));
			statement.execute("DECLARE @db sysname = N'mgc', @file nvarchar(260) = N'" + device(5) + "'; "
					+ "RESTORE LOG @db FROM DISK = @file WITH NORECOVERY");
		}
		assertThat(sql.lab().state().restoreHistory()).hasSize(6);
	}

	@Test
	void refusesATornBackupFileWith3241() throws Exception {
		Path file = sql.copy().resolve(copied.get(5));
		byte[] whole = Files.readAllBytes(file);
		Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 100));
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("RESTORE HEADERONLY FROM DISK = '" + device(5) + "'"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(3241));
		}
	}

	@Test
	void killsOtherSessionsAndRefusesItsOwnAndUnknownOnes() throws SQLException {
		try (Connection victim = sql.connect(); Connection dba = sql.connect();
				Statement statement = dba.createStatement()) {
			int victimId;
			try (ResultSet rows = victim.createStatement().executeQuery("SELECT @@SPID")) {
				rows.next();
				victimId = rows.getInt(1);
			}
			statement.execute("KILL " + victimId);
			assertThatThrownBy(() -> victim.createStatement().executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> statement.execute("KILL 999"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(6106));
			assertThatThrownBy(() -> statement.execute("KILL @@SPID"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(102));
		}
	}

	@Test
	void runsSpExecuteSqlWrittenAsTSqlTheWayTheLyncShellChecksMgc() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("exec sp_executesql N'SELECT state_desc FROM sys.databases "
						+ "WHERE name = @db', N'@db nvarchar(128)', @db = N'mgc'")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString("state_desc")).isEqualTo("RESTORING");
		}
	}

	@Test
	void keepsItsStateAcrossARestartAndResetsToAScenario() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("EXEC master.dbo.sp_delete_log_shipping_secondary_database @secondary_database = N'mgc'");
			assertThatThrownBy(() -> statement
				.execute("EXEC master.dbo.sp_delete_log_shipping_secondary_database @secondary_database = N'mgc'"))
				// 32014, not 32010: 32010 is "does not exist as log shipping primary" (the old expectation was wrong)
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(32014))
				.hasMessage("Database mgc does not exist as log shipping secondary.");
		}
		sql.restart();
		assertThat(sql.lab().state().logShipping()).isEmpty();
		sql.lab().reset("sql-down");
		assertThat(sql.lab().state().instanceDown()).isTrue();
		assertThatThrownBy(sql::connect).isInstanceOf(SQLException.class);
		sql.lab().reset("normal");
		assertThat(sql.lab().state().logShipping()).hasSize(1);
		try (Connection connection = sql.connect()) {
			assertThat(connection.isValid(5)).isTrue();
		}
		assertThatThrownBy(() -> sql.lab().reset("no-such-drill")).isInstanceOf(IllegalArgumentException.class);
	}

}
