package org.pchatfailover.sqlserver;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a connection to SQL Server failed, said first in the words an operator acts on ("connection refused"), the
 * driver's full text after it. mssql-jdbc wraps the socket's own reason in two sentences of advice
 * ({@code R_tcpipConnectionFailed} "The TCP/IP connection to the host {0}, port {1} has failed. Error: \"{2}\".",
 * {2} being {@code R_tcpOpenFailed} "{0}. Verify the connection properties. ..."; {@code R_notSQLServer} "The driver
 * received an unexpected pre-login response. ..."; {@code R_noServerResponse} "SQL Server did not return a response.
 * ..."; {@code R_sslFailed} "... could not establish a secure connection to SQL Server by using Secure Sockets Layer
 * (SSL) encryption: Error: {2}."; mssql-jdbc 13.2.1 {@code SQLServerResource}, read with {@code javap -constants}).
 */
final class ConnectFailure {

	private static final Pattern TCP_FAILED = Pattern
		.compile("The TCP/IP connection to the host (.+?), port (\\d+) has failed\\. Error: \"(.*)\"", Pattern.DOTALL);

	private static final Pattern SSL_FAILED = Pattern.compile("could not establish a secure connection to SQL Server "
			+ "by using Secure Sockets Layer \\(SSL\\) encryption: Error: (.*)", Pattern.DOTALL);

	private ConnectFailure() {
	}

	/** "connection refused (host h, port p)", "TLS handshake failed: ...", or the server's own error. */
	static String reason(SQLException ex) {
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage().strip();
		if (ex.getErrorCode() != 0) {
			// SQL Server's own errors (18456 login failed, 4060 cannot open database) are already the operator's words
			return "error " + ex.getErrorCode() + ": " + message;
		}
		Matcher tcp = TCP_FAILED.matcher(message);
		if (tcp.find()) {
			return withDriverText(detail(tcp.group(3)) + " (host " + tcp.group(1) + ", port " + tcp.group(2) + ")",
					message);
		}
		Matcher ssl = SSL_FAILED.matcher(message);
		if (ssl.find()) {
			return withDriverText("TLS handshake failed: " + firstSentence(ssl.group(1)), message);
		}
		return withDriverText(detail(message), message);
	}

	private static String detail(String driverDetail) {
		if (driverDetail.startsWith("The driver received an unexpected pre-login response")) {
			return "it accepted the connection but did not answer as SQL Server (pre-login)";
		}
		if (driverDetail.startsWith("SQL Server did not return a response")) {
			return "the connection was closed before SQL Server answered";
		}
		String first = firstSentence(driverDetail);
		return first.isEmpty() ? first : Character.toLowerCase(first.charAt(0)) + first.substring(1);
	}

	private static String firstSentence(String text) {
		int end = text.indexOf(". ");
		return (end < 0 ? text : text.substring(0, end)).replaceAll("\\.$", "").strip();
	}

	private static String withDriverText(String reason, String driverText) {
		return reason + " [driver: " + driverText + "]";
	}

}
