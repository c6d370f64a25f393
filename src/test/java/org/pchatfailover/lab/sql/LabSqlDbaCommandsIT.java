package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The commands a DBA types on the backup instance besides SELECT, over mssql-jdbc: sp_who, sp_helpdb, PRINT,
 * RESTORE FILELISTONLY and VERIFYONLY (DESIGN-NOTES "What DBAs type", section 6).
 */
class LabSqlDbaCommandsIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	@Test
	void listsSessionsWithSpWho() throws SQLException {
		LabSqlFixture sql = lab.start("sessions-connected");
		try (Connection connection = sql.connect()) {
			List<List<String>> all = results(connection, "exec sp_who").get(0);
			assertThat(all.get(0)).containsExactly("spid", "ecid", "status", "loginame", "hostname", "blk", "dbname",
					"cmd", "request_id");
			assertThat(all.subList(1, all.size())).filteredOn(r -> "mgc".equals(r.get(6)))
				.extracting(r -> r.get(0) + " " + r.get(2) + " " + r.get(4) + " " + r.get(7))
				.containsExactly("57 sleeping DAL-PC-001 AWAITING COMMAND", "58 sleeping DAL-PC-002 AWAITING COMMAND",
						"63 sleeping DAL-PC-001 AWAITING COMMAND");
			assertThat(results(connection, "exec sp_who 'active'").get(0)).extracting(r -> r.get(2))
				.contains("background", "runnable").doesNotContain("sleeping");
			assertThat(results(connection, "exec sp_who @loginame = 58").get(0)).hasSize(2)
				.element(1).extracting(r -> r.get(3)).isEqualTo("LITWAREINC\\pchatsvc");
		}
	}

	@Test
	void describesDatabasesWithSpHelpdb() throws SQLException {
		LabSqlFixture sql = lab.start("sessions-connected");
		try (Connection connection = sql.connect()) {
			List<List<String>> databases = results(connection, "exec sp_helpdb").get(0);
			assertThat(databases.get(0)).containsExactly("name", "db_size", "owner", "dbid", "created", "status",
					"compatibility_level");
			assertThat(databases.subList(1, databases.size())).extracting(r -> r.get(0))
				.containsExactly("master", "tempdb", "model", "msdb", "mgc");
			List<List<List<String>>> mgc = results(connection, "sp_helpdb mgc");
			assertThat(mgc).hasSize(2);
			assertThat(mgc.get(0).get(1).get(5)).startsWith("Status=ONLINE, Updateability=READ_ONLY")
				.endsWith("IsInStandBy");
			assertThat(mgc.get(1).get(0)).containsExactly("name", "fileid", "filename", "filegroup", "size",
					"maxsize", "growth", "usage");
			assertThat(mgc.get(1).subList(1, 3)).extracting(r -> r.get(0) + " " + r.get(3) + " " + r.get(7))
				.containsExactly("mgc PRIMARY data only", "mgc_log null log only");
			assertThatThrownBy(() -> results(connection, "exec sp_helpdb N'mgc_old'"))
				.isInstanceOfSatisfying(SQLException.class, ex -> {
					assertThat(ex.getErrorCode()).isEqualTo(15010);
					assertThat(ex.getMessage()).startsWith("The database 'mgc_old' does not exist.");
				});
		}
	}

	@Test
	void saysWhereItStopsForADatabaseInTheMiddleOfARestore() throws SQLException {
		LabSqlFixture sql = lab.start("normal");
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThat(statement.execute("exec sp_helpdb 'mgc'")).isTrue();
			try (ResultSet row = statement.getResultSet()) {
				assertThat(row.next()).isTrue();
				assertThat(row.getString("status")).startsWith("Status=RESTORING");
			}
			assertThatThrownBy(statement::getMoreResults).isInstanceOfSatisfying(SQLException.class,
					ex -> assertThat(ex.getErrorCode()).isEqualTo(40517));
		}
	}

	@Test
	void printsAsAnInformationalMessage() throws SQLException {
		LabSqlFixture sql = lab.start("normal");
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DECLARE @db sysname = DB_NAME(); PRINT 'failover drill on ' + @db; PRINT 42");
			List<String> messages = new ArrayList<>();
			for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
				messages.add(w.getErrorCode() + " " + w.getMessage());
			}
			assertThat(messages).containsExactly("0 failover drill on master", "0 42");
		}
	}

	@Test
	void listsAndVerifiesTheFilesOfABackup() throws Exception {
		LabSqlFixture sql = lab.start("half-copied");
		String backup = LabSqlFixture.SHARE_UNC + "\\" + first(sql.share(), ".trn");
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			List<List<String>> files = results(connection, "RESTORE FILELISTONLY FROM DISK = N'" + backup + "'").get(0);
			assertThat(files.get(0)).startsWith("LogicalName", "PhysicalName", "Type", "FileGroupName", "Size",
					"MaxSize", "FileID").endsWith("IsReadOnly", "IsPresent", "TDEThumbprint", "SnapshotURL");
			assertThat(files.subList(1, 3)).extracting(r -> r.get(0) + " " + r.get(2) + " " + r.get(1))
				.containsExactly("mgc D D:\\SQLData\\mgc.mdf", "mgc_log L D:\\SQLData\\mgc_log.ldf");
			statement.execute("RESTORE VERIFYONLY FROM DISK = N'" + backup + "'");
			SQLWarning valid = statement.getWarnings();
			assertThat((Object) valid).isNotNull();
			assertThat(valid.getErrorCode()).isEqualTo(3262);
			assertThat(valid.getMessage()).isEqualTo("The backup set on file 1 is valid.");
			String halfCopied = LabSqlFixture.COPY_UNC + "\\" + first(sql.copy(), ".wrk");
			assertThatThrownBy(() -> statement.execute("RESTORE VERIFYONLY FROM DISK = N'" + halfCopied + "'"))
				.isInstanceOfSatisfying(SQLException.class, ex -> {
					assertThat(ex.getMessage()).contains("is incorrectly formed");
					List<String> chain = new ArrayList<>();
					for (SQLException e = ex; e != null; e = e.getNextException()) {
						chain.add(e.getErrorCode() + " " + e.getMessage());
					}
					assertThat(chain).contains("3013 VERIFY DATABASE is terminating abnormally.");
				});
		}
	}

	/** A documented log-shipping procedure the lab does not run is its limit, not a procedure that does not exist. */
	@Test
	void saysWhichDocumentedProceduresItDoesNotSimulate() throws SQLException {
		LabSqlFixture sql = lab.start("normal");
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("exec master.dbo.sp_help_log_shipping_monitor"))
				.isInstanceOfSatisfying(SQLException.class, ex -> {
					assertThat(ex.getErrorCode()).isEqualTo(40517);
					assertThat(ex.getMessage()).contains("'sp_help_log_shipping_monitor'")
						.endsWith("the lab SQL Server does not simulate it.");
				});
			assertThatThrownBy(() -> statement.execute("exec sp_help_log_shipping_monitr"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(2812));
		}
	}

	private static String first(Path folder, String suffix) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(suffix)).sorted().findFirst()
				.orElseThrow();
		}
	}

	/** Every result set of the call: a header row with the column names, then the rows as text. */
	private static List<List<List<String>>> results(Connection connection, String sql) throws SQLException {
		List<List<List<String>>> results = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			boolean rows = statement.execute(sql);
			while (rows || statement.getUpdateCount() != -1) {
				if (rows) {
					try (ResultSet result = statement.getResultSet()) {
						results.add(table(result));
					}
				}
				rows = statement.getMoreResults();
			}
		}
		return results;
	}

	private static List<List<String>> table(ResultSet result) throws SQLException {
		ResultSetMetaData meta = result.getMetaData();
		List<List<String>> table = new ArrayList<>();
		List<String> header = new ArrayList<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			header.add(meta.getColumnName(i));
		}
		table.add(header);
		while (result.next()) {
			List<String> row = new ArrayList<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				row.add(result.getString(i));
			}
			table.add(row);
		}
		return table;
	}

}
