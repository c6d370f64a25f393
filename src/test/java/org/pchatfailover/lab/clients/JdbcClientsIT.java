package org.pchatfailover.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;

/**
 * A DBA's JDBC session (mssql-jdbc and jTDS) against the lab SQL Server: transactions with autocommit off and SET
 * ROWCOUNT. What the lab still gets wrong for them is held in {@link JdbcClientsFidelityIT}.
 */
class JdbcClientsIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	private Connection connect(String driver, String properties) throws SQLException {
		String url = driver.equals("jtds") ? "jdbc:jtds:sqlserver://127.0.0.1:" + sql.port() + "/master;loginTimeout=10"
				: "jdbc:sqlserver://127.0.0.1:" + sql.port() + ";databaseName=master;loginTimeout=10";
		return DriverManager.getConnection(url + properties, "lab", "lab");
	}

	/** Both drivers end a transaction with IF @@TRANCOUNT > 0 COMMIT TRAN. */
	@ParameterizedTest
	@ValueSource(strings = { "mssql-jdbc", "jtds" })
	void commitsWithAutoCommitOff(String driver) throws SQLException {
		try (Connection connection = connect(driver, driver.equals("jtds") ? "" : ";encrypt=false")) {
			connection.setAutoCommit(false);
			try (ResultSet row = connection.createStatement()
				.executeQuery("SELECT state_desc FROM sys.databases WHERE name = N'mgc'")) {
				assertThat(row.next()).isTrue();
				assertThat(row.getString(1)).isEqualTo("RESTORING");
			}
			connection.commit();
			connection.setAutoCommit(true);
			assertThat(single(connection, "SELECT @@TRANCOUNT")).isEqualTo("0");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "mssql-jdbc", "jtds" })
	void setRowcountLimitsTheRowsOfTheNextSelect(String driver) throws SQLException {
		try (Connection connection = connect(driver, driver.equals("jtds") ? "" : ";encrypt=false");
				Statement statement = connection.createStatement()) {
			statement.execute("SET ROWCOUNT 1");
			List<String> names = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery("SELECT name FROM sys.databases")) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
			assertThat(names).containsExactly("master");
		}
	}

	private static String single(Connection connection, String query) throws SQLException {
		try (ResultSet row = connection.createStatement().executeQuery(query)) {
			assertThat(row.next()).isTrue();
			return row.getString(1);
		}
	}

}
