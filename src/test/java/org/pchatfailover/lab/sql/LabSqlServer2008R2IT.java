package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.lab.sql.engine.ServerVersion;

/** The lab answering as SQL Server 2008 R2 SP3, a supported Lync Server 2013 back end, over mssql-jdbc. */
class LabSqlServer2008R2IT {

	static final ServerVersion SQL_2008_R2 = ServerVersion.parse("10.50.6000.34");

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("sessions-connected", SQL_2008_R2);
	}

	@Test
	void answersVersionAsSqlServer2008R2() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT @@VERSION, CAST(SERVERPROPERTY('ProductVersion') "
						+ "AS nvarchar(128)), SERVERPROPERTY('ProductMajorVersion'), SERVERPROPERTY('ProductLevel')")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).startsWith("Microsoft SQL Server 2008 R2 (SP3) - 10.50.6000.34");
			assertThat(rows.getString(2)).isEqualTo("10.50.6000.34");
			// ProductMajorVersion arrived with SQL Server 2012
			assertThat(rows.getString(3)).isNull();
			assertThat(rows.getString(4)).isEqualTo("SP3");
			assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith("10.50.");
		}
	}

	/** IsHadrEnabled "Applies to: SQL Server 2012 and later": not supported on 2008 R2, so NULL. */
	@Test
	void answersNullForAServerPropertyOfLaterReleases() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT SERVERPROPERTY('IsHadrEnabled'), SERVERPROPERTY('EngineEdition')")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getObject(1)).isNull();
			assertThat(rows.getObject(2)).isEqualTo(3);
		}
	}

	@Test
	void rejectsDmExecSessionsDatabaseIdWith207() throws SQLException {
		try (Connection connection = sql.connect();
				PreparedStatement statement = connection.prepareStatement(
						"SELECT session_id FROM sys.dm_exec_sessions WHERE database_id = DB_ID(?) "
								+ "AND is_user_process = 1 AND session_id <> @@SPID")) {
			statement.setString(1, "mgc");
			assertThatThrownBy(statement::executeQuery)
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(207))
				.hasMessage("Invalid column name 'database_id'.");
		}
	}

	@Test
	void listsTheFrontEndsInSysprocesses() throws SQLException {
		try (Connection connection = sql.connect();
				PreparedStatement statement = connection.prepareStatement("SELECT spid, status, loginame, hostname, "
						+ "program_name, cmd FROM master.dbo.sysprocesses WHERE dbid = DB_ID(?) AND ecid = 0")) {
			statement.setString(1, "mgc");
			List<String> frontEnds = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					frontEnds.add(rows.getInt(1) + " " + rows.getString(2) + " " + rows.getString(4) + " "
							+ rows.getString(5) + " " + rows.getString(6));
				}
			}
			assertThat(frontEnds).containsExactly("57 sleeping DAL-PC-001 PersistentChat AWAITING COMMAND",
					"58 sleeping DAL-PC-002 PersistentChat AWAITING COMMAND",
					"63 sleeping DAL-PC-001 PersistentChatCompliance AWAITING COMMAND");
		}
	}

	@Test
	void showsSystemTasksAsBackgroundInSysSysprocesses() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT spid, cmd FROM sys.sysprocesses WHERE status = 'background'")) {
			List<Integer> spids = new ArrayList<>();
			while (rows.next()) {
				spids.add(rows.getInt(1));
			}
			assertThat(spids).containsExactly(1, 2, 3, 4);
		}
	}

}
