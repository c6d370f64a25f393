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

/**
 * Another client than the product's: jTDS, a TDS implementation independent of mssql-jdbc (older protocol
 * version, its own prelogin, login and token parsing, sp_prepare/sp_execute for prepared statements). The lab
 * is a drill target for a DBA's own tools, so it must follow the protocol, not one driver's habits.
 */
class JtdsClientIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	@Test
	void showsTheDatabasesAndTheLogShippingConfiguration() throws SQLException {
		try (Connection connection = connect("lab"); Statement statement = connection.createStatement()) {
			assertThat(rows(statement.executeQuery("select name, state_desc from sys.databases")))
				.contains(List.of("mgc", "RESTORING"), List.of("master", "ONLINE"));
			assertThat(rows(statement.executeQuery(
					"select secondary_database, last_restored_file from msdb.dbo.log_shipping_secondary_databases")))
				.singleElement()
				.satisfies(row -> assertThat(row.get(1)).startsWith(LabSqlFixture.COPY_UNC + "\\mgc_"));
		}
	}

	@Test
	void readsABackupHeaderWithSqlServersColumnNamesThroughAParameter() throws SQLException {
		String file = LabSqlFixture.SHARE_UNC + "\\" + sql.lab().state().shareFiles().get(0);
		try (Connection connection = connect("lab");
				PreparedStatement headers = connection.prepareStatement("RESTORE HEADERONLY FROM DISK = ?")) {
			headers.setString(1, file);
			try (ResultSet row = headers.executeQuery()) {
				ResultSetMetaData columns = row.getMetaData();
				assertThat(columns.getColumnName(1)).isEqualTo("BackupName");
				assertThat(row.next()).isTrue();
				assertThat(row.getString("DatabaseName")).isEqualTo("mgc");
				assertThat(row.getInt("BackupType")).isEqualTo(2);
				assertThat(row.getBigDecimal("FirstLSN")).isLessThan(row.getBigDecimal("LastLSN"));
			}
		}
	}

	@Test
	void preparesAStatementOnceAndExecutesItByHandle() throws SQLException {
		try (Connection connection = connect("lab");
				PreparedStatement state = connection.prepareStatement("select state_desc from sys.databases where name = ?")) {
			for (String database : List.of("mgc", "master")) {
				state.setString(1, database);
				try (ResultSet row = state.executeQuery()) {
					assertThat(row.next()).isTrue();
					assertThat(row.getString(1)).isEqualTo(database.equals("mgc") ? "RESTORING" : "ONLINE");
				}
			}
		}
		assertThat(sql.lab().receivedRequests()).filteredOn(r -> r.kind().equals("RPC"))
			.extracting(r -> r.text())
			.containsExactly("sp_prepare", "sp_execute", "sp_execute");
	}

	@Test
	void servesATds70ClientThatKnowsNoCollationsOrBigint() throws SQLException {
		String file = LabSqlFixture.SHARE_UNC + "\\" + sql.lab().state().shareFiles().get(0);
		try (Connection connection = connect("lab", ";tds=7.0");
				PreparedStatement headers = connection.prepareStatement("RESTORE HEADERONLY FROM DISK = ?")) {
			headers.setString(1, file);
			try (ResultSet row = headers.executeQuery()) {
				assertThat(row.next()).isTrue();
				assertThat(row.getString("DatabaseName")).isEqualTo("mgc");
				assertThat(row.getBigDecimal("FirstLSN")).isLessThan(row.getBigDecimal("LastLSN"));
				// bigint came with SQL Server 2000: a TDS 7.0 client gets numeric(19,0) instead
				int size = row.findColumn("CompressedBackupSize");
				assertThat(row.getMetaData().getColumnTypeName(size)).isEqualTo("numeric");
				assertThat(row.getMetaData().getPrecision(size)).isEqualTo(19);
			}
		}
	}

	/** jTDS reads a sql_variant by its base type (TdsData.getVariant): int, or nvarchar past collation and length. */
	@Test
	void readsServerPropertiesAsSqlVariants() throws SQLException {
		try (Connection connection = connect("lab"); Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(
						"select SERVERPROPERTY('EngineEdition'), SERVERPROPERTY('ServerName'), SERVERPROPERTY('x')")) {
			assertThat(row.next()).isTrue();
			assertThat(row.getObject(1)).isEqualTo(3);
			assertThat(row.getString(2)).isEqualTo("DAL-SQL-BK\\PCHAT");
			assertThat(row.getObject(3)).isNull();
		}
		try (Connection connection = connect("lab", ";tds=7.0"); Statement statement = connection.createStatement()) {
			// sql_variant came with SQL Server 2000: a TDS 7.0 client gets the value as text
			assertThat(rows(statement.executeQuery("select SERVERPROPERTY('EngineEdition')")))
				.containsExactly(List.of("3"));
		}
	}

	@Test
	void logsInWithTheLoginEncryptedAfterAPreloginThatAsksForNoEncryption() throws SQLException {
		try (Connection connection = connect("lab", ";ssl=request"); Statement statement = connection.createStatement()) {
			assertThat(rows(statement.executeQuery("select db_name()"))).containsExactly(List.of("master"));
		}
	}

	@Test
	void answersAStatementItDoesNotSimulateWithAnErrorNotASilentSuccess() throws SQLException {
		try (Connection connection = connect("lab"); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("alter database mgc set single_user"))
				.isInstanceOf(SQLException.class)
				.satisfies(ex -> assertThat(((SQLException) ex).getErrorCode()).isPositive());
		}
	}

	@Test
	void refusesAWrongPasswordWithLoginFailed() {
		assertThatThrownBy(() -> connect("not-the-password")).isInstanceOf(SQLException.class)
			.hasMessageContaining("Login failed for user 'lab'");
	}

	private Connection connect(String password) throws SQLException {
		return connect(password, "");
	}

	/** jTDS defaults: tds=8.0 (TDS 7.1), ssl=off (no PRELOGIN), prepareSQL=3 (sp_prepare, sp_execute). */
	private Connection connect(String password, String properties) throws SQLException {
		return DriverManager.getConnection(
				"jdbc:jtds:sqlserver://127.0.0.1:" + sql.port() + "/master;loginTimeout=10" + properties, "lab",
				password);
	}

	private static List<List<String>> rows(ResultSet resultSet) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (resultSet) {
			int columns = resultSet.getMetaData().getColumnCount();
			while (resultSet.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(resultSet.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
