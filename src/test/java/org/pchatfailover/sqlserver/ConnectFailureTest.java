package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** The driver's texts are mssql-jdbc 13.2.1's {@code SQLServerResource} templates filled as the driver fills them. */
class ConnectFailureTest {

	private static final String ADVICE = " Verify the connection properties. Make sure that an instance of SQL Server "
			+ "is running on the host and accepting TCP/IP connections at the port. Make sure that TCP connections to "
			+ "the port are not blocked by a firewall.";

	@Test
	void aRefusedConnectionSaysSoFirstWithHostAndPort() {
		String driver = "The TCP/IP connection to the host dal-sql-bk, port 1433 has failed. Error: \"Connection refused."
				+ ADVICE + "\".";

		assertThat(ConnectFailure.reason(new SQLException(driver, "08S01", 0)))
			.startsWith("connection refused (host dal-sql-bk, port 1433) [driver: The TCP/IP connection");
	}

	@Test
	void anUnknownHostKeepsTheResolversWords() {
		String driver = "The TCP/IP connection to the host nowhere.litwareinc.com, port 1433 has failed. Error: "
				+ "\"nowhere.litwareinc.com: Name or service not known." + ADVICE + "\".";

		assertThat(ConnectFailure.reason(new SQLException(driver, "08S01", 0)))
			.startsWith("nowhere.litwareinc.com: Name or service not known (host nowhere.litwareinc.com, port 1433)");
	}

	@Test
	void somethingElseOnThePortIsNotSqlServer() {
		String driver = "The TCP/IP connection to the host dal-sql-bk, port 22 has failed. Error: \"The driver received "
				+ "an unexpected pre-login response. Verify the connection properties and check that an instance of SQL "
				+ "Server is running on the host and accepting TCP/IP connections at the port. This driver can be used "
				+ "only with SQL Server 2005 or later.\".";

		assertThat(ConnectFailure.reason(new SQLException(driver, "08S01", 0)))
			.startsWith("it accepted the connection but did not answer as SQL Server (pre-login) (host dal-sql-bk, port 22)");
	}

	@Test
	void aClosedConnectionAndAFailedHandshakeAreNamed() {
		assertThat(ConnectFailure.reason(new SQLException(
				"SQL Server did not return a response. The connection has been closed.", "08S01", 0)))
			.startsWith("the connection was closed before SQL Server answered [driver: ");
		assertThat(ConnectFailure.reason(new SQLException("\"encrypt\" property is set to \"true\" and "
				+ "\"trustServerCertificate\" property is set to \"false\" but the driver could not establish a secure "
				+ "connection to SQL Server by using Secure Sockets Layer (SSL) encryption: Error: PKIX path building "
				+ "failed. Unable to find valid certification path.", "08S01", 0)))
			.startsWith("TLS handshake failed: PKIX path building failed [driver: ");
	}

	@Test
	void theServersOwnErrorIsKeptAsItSaidIt() {
		assertThat(ConnectFailure.reason(new SQLException("Login failed for user 'pchat'.", "S0001", 18456)))
			.isEqualTo("error 18456: Login failed for user 'pchat'.");
	}

}
