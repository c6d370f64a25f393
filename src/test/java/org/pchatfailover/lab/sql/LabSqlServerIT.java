package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** mssql-jdbc against the lab SQL Server over loopback TCP: what a DBA's client and the product rely on. */
class LabSqlServerIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	/** The lab pool is Lync Server 2013: its default back end is SQL Server 2012 (SP4), not 2022. */
	@Test
	void answersAsSqlServer2012Sp4ByDefault() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT @@VERSION, CAST(SERVERPROPERTY('ProductVersion') "
						+ "AS nvarchar(128)), SERVERPROPERTY('ProductMajorVersion'), SERVERPROPERTY('ProductLevel')")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).startsWith("Microsoft SQL Server 2012 (SP4) - 11.0.7001.0");
			assertThat(rows.getString(2)).isEqualTo("11.0.7001.0");
			assertThat(rows.getString(3)).isEqualTo("11");
			assertThat(rows.getString(4)).isEqualTo("SP4");
			assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith("11.");
		}
	}

	@Test
	void reportsMgcRestoringToThePreparedStatementTheLyncShellSends() throws SQLException {
		try (Connection connection = sql.connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT state_desc FROM sys.databases WHERE name = ?")) {
			statement.setString(1, "mgc");
			try (ResultSet rows = statement.executeQuery()) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("RESTORING");
				assertThat(rows.next()).isFalse();
			}
		}
	}

	@Test
	void keepsAnsweringAPreparedStatementExecutedAgainThroughSpPrepexecAndSpExecute() throws SQLException {
		try (Connection connection = sql.connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT state_desc FROM sys.databases WHERE name = ?")) {
			for (String database : new String[] { "mgc", "msdb", "mgc", "master" }) {
				statement.setString(1, database);
				try (ResultSet rows = statement.executeQuery()) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1)).isEqualTo(database.equals("mgc") ? "RESTORING" : "ONLINE");
				}
			}
		}
		assertThat(sql.lab().receivedRequests()).extracting(r -> r.text())
			.contains("sp_executesql", "sp_prepexec", "sp_execute");
	}

	@Test
	void readsTheRedoLsnAsNumeric() throws SQLException {
		try (Connection connection = sql.connect();
				PreparedStatement statement = connection.prepareStatement(
						"SELECT redo_start_lsn FROM sys.master_files WHERE database_id = DB_ID(?) AND file_id = 1")) {
			statement.setString(1, "mgc");
			try (ResultSet rows = statement.executeQuery()) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getBigDecimal(1).toPlainString()).isEqualTo("37000004016800001");
			}
		}
	}

	@Test
	void runsTheRunbooksStepOneWithTheDatabaseAsABareName() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("exec sp_delete_log_shipping_secondary_database mgc");
			try (ResultSet rows = statement.executeQuery(
					"SELECT secondary_database FROM msdb.dbo.log_shipping_secondary_databases")) {
				assertThat(rows.next()).isFalse();
			}
		}
	}

	@Test
	void refusesAnUnknownNamedParameterWithError8145() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement
				.execute("exec sp_delete_log_shipping_secondary_database @secondary_database = N'mgc', @bogus = 1"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(8145))
				.hasMessage("@bogus is not a parameter for procedure sp_delete_log_shipping_secondary_database.");
			try (ResultSet rows = statement.executeQuery(
					"SELECT secondary_database FROM msdb.dbo.log_shipping_secondary_databases")) {
				assertThat(rows.next()).isTrue();
			}
		}
	}

	@Test
	void listsConnectionsWithSpWho2AsRunbookStepFourReadsThem() throws SQLException {
		sql.lab().reset("sessions-connected");
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("exec sp_who2")) {
			ResultSetMetaData columns = rows.getMetaData();
			List<String> names = new ArrayList<>();
			for (int i = 1; i <= columns.getColumnCount(); i++) {
				names.add(columns.getColumnName(i));
			}
			assertThat(names).containsExactly("SPID", "Status", "Login", "HostName", "BlkBy", "DBName", "Command",
					"CPUTime", "DiskIO", "LastBatch", "ProgramName", "SPID", "REQUESTID");
			List<String> inMgc = new ArrayList<>();
			while (rows.next()) {
				if ("mgc".equals(rows.getString("DBName"))) {
					inMgc.add(rows.getString(1).strip() + " " + rows.getString("HostName") + " "
							+ rows.getString("ProgramName"));
				}
			}
			assertThat(inMgc).containsExactly("57 DAL-PC-001 PersistentChat", "58 DAL-PC-002 PersistentChat",
					"63 DAL-PC-001 PersistentChatCompliance");
		}
	}

	@Test
	void leavesIdleSessionsOutOfSpWho2Active() throws SQLException {
		sql.lab().reset("sessions-connected");
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("exec sp_who2 active")) {
			List<String> statuses = new ArrayList<>();
			while (rows.next()) {
				statuses.add(rows.getString("Status"));
			}
			assertThat(statuses).contains("RUNNABLE", "BACKGROUND").doesNotContain("sleeping");
		}
	}

	@Test
	void showsItsOwnConnectionsUnencryptedInDmExecConnections() throws SQLException {
		try (Connection other = sql.connect(); Connection connection = sql.connect();
				Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("SELECT c.session_id, c.encrypt_option, c.protocol_type, @@SPID "
					+ "FROM sys.dm_exec_connections AS c WHERE c.session_id = @@SPID")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(rows.getInt(4));
				assertThat(rows.getString(2)).isEqualTo("FALSE");
				assertThat(rows.getString(3)).isEqualTo("TSQL");
				assertThat(rows.next()).isFalse();
			}
			try (ResultSet rows = statement.executeQuery("SELECT encrypt_option FROM sys.dm_exec_connections")) {
				int connections = 0;
				while (rows.next()) {
					connections++;
				}
				assertThat(connections).isEqualTo(2);
			}
			assertThat(other.isValid(5)).isTrue();
		}
	}

	@Test
	void rejectsAWrongPasswordWithError18456() {
		assertThatThrownBy(() -> DriverManager.getConnection(sql.jdbcUrl(), "lab", "wrong"))
			.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(18456))
			.hasMessageContaining("Login failed for user 'lab'");
	}

	@Test
	void failsUnknownObjectsAndStatementsLoudly() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM dbo.nothing_here"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(208));
			assertThatThrownBy(() -> statement.execute("DROP DATABASE mgc"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(40517));
			assertThatThrownBy(() -> statement.execute("EXEC dbo.sp_who_is_this"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(2812));
			// SQL Server: "Incorrect syntax near the keyword 'FROM'." (156); 102 is for a misplaced non-keyword
			assertThatThrownBy(() -> statement.execute("SELECT FROM WHERE"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(156));
			assertThatThrownBy(() -> statement.execute("SELECT name FROM sys.databases WHERE name = = 1"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(102));
		}
	}

}
