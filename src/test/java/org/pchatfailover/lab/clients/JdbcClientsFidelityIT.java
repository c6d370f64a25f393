package org.pchatfailover.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;

/**
 * What SQL Server 2022 does for a DBA's JDBC session (mssql-jdbc and jTDS) where the lab once answered otherwise
 * (issue 15; docs/lab-client-findings.md); the rest of a JDBC session is in lab/sql/JtdsClientIT and the adapter tests.
 */
class JdbcClientsFidelityIT {

	private static final Duration BOUND = Duration.ofSeconds(30);

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

	/**
	 * mssql-jdbc's default is encrypt=true (trusting the server's self-signed certificate here), and encrypt=strict is
	 * TDS 8.0 (before: "the server is not configured to support SSL", and strict hung reading the TLS ClientHello as a
	 * TDS packet header).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "true", "strict" })
	void mssqlJdbcEncryptsTheSessionWhenAsked(String encrypt) {
		// strict validates the certificate whatever trustServerCertificate says: trust the lab's own, by host name
		String properties = encrypt.equals("strict") ? ";encrypt=strict;trustStore=" + sql.certificate().trustStoreFile()
				+ ";hostNameInCertificate=dal-sql-bk.litwareinc.com" : ";trustServerCertificate=true";
		assertTimeoutPreemptively(BOUND, () -> {
			try (Connection connection = connect("mssql-jdbc", properties);
					ResultSet row = connection.createStatement()
						.executeQuery("SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID")) {
				assertThat(row.next()).isTrue();
				assertThat(row.getString(1)).isEqualTo("TRUE");
			}
		});
	}

	/** Statement.cancel() sends ATTENTION; SQL Server stops the WAITFOR and answers DONE with the attention bit. */
	@ParameterizedTest
	@ValueSource(strings = { "mssql-jdbc", "jtds" })
	void cancelsARunningStatement(String driver) throws SQLException {
		try (Connection connection = connect(driver, driver.equals("jtds") ? "" : ";encrypt=false");
				Statement statement = connection.createStatement()) {
			CompletableFuture.runAsync(() -> cancel(statement), CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
			long started = System.nanoTime();

			// MS-TDS 4.19.2 lets the server end the cancelled request with a DONE before the DONE_ATTN: mssql-jdbc then
			// reports "The query was canceled."; jTDS may report "Cancel has been invoked on this Statement." or take
			// that DONE as the statement's end, depending on which it reads first. Either way it stops at once.
			try {
				statement.execute("WAITFOR DELAY '00:00:30'");
				assertThat(driver).as("mssql-jdbc reports the cancel").isEqualTo("jtds");
			}
			catch (SQLException ex) {
				assertThat(ex.getMessage()).containsIgnoringCase("cancel");
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThat(single(connection, "SELECT DB_NAME()")).isEqualTo("master");
		}
	}

	private static void cancel(Statement statement) {
		try {
			statement.cancel();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String single(Connection connection, String query) throws SQLException {
		try (ResultSet row = connection.createStatement().executeQuery(query)) {
			assertThat(row.next()).isTrue();
			return row.getString(1);
		}
	}
}
