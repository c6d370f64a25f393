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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SET options in the lab SQL Server through mssql-jdbc: those it accepts take effect or cannot show, the others are
 * refused saying that the lab does not simulate them; and its syntax errors are SQL Server's (156 at a keyword).
 */
class LabSqlSetOptionsIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	@Test
	void limitsTheRowsOfEverySelectUntilSetRowcountZero() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("SET ROWCOUNT 2");
			assertThat(names(statement, "SELECT name FROM sys.databases")).containsExactly("master", "tempdb");
			assertThat(names(statement, "SELECT TOP (1) name FROM sys.databases")).containsExactly("master");
			statement.execute("DECLARE @n int = 3; SET ROWCOUNT @n");
			assertThat(names(statement, "SELECT name FROM sys.databases")).hasSize(3);
			statement.execute("SET ROWCOUNT 0");
			assertThat(names(statement, "SELECT name FROM sys.databases")).hasSize(5);
		}
	}

	/** A SET inside sp_executesql lasts until the call returns. */
	@Test
	void forgetsASetOptionOfAParameterisedStatementWhenItReturns() throws SQLException {
		try (Connection connection = sql.connect();
				PreparedStatement limited = connection
					.prepareStatement("SET ROWCOUNT 1 SELECT name FROM sys.databases WHERE name <> ?")) {
			limited.setString(1, "msdb");
			try (ResultSet rows = limited.executeQuery()) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.next()).isFalse();
			}
			assertThat(names(connection.createStatement(), "SELECT name FROM sys.databases")).hasSize(5);
		}
	}

	@Test
	void describesTheColumnsWithoutRowsUnderFmtonly() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("SET FMTONLY ON");
			try (ResultSet rows = statement.executeQuery("SELECT name, state_desc FROM sys.databases")) {
				assertThat(rows.getMetaData().getColumnName(2)).isEqualTo("state_desc");
				assertThat(rows.next()).isFalse();
			}
			assertThatThrownBy(() -> statement.execute("RESTORE DATABASE mgc WITH RECOVERY"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(40517));
			statement.execute("SET FMTONLY OFF");
			assertThat(names(statement, "SELECT name FROM sys.databases WHERE name = N'mgc'")).containsExactly("mgc");
		}
	}

	/** What tedious, pymssql and jTDS send on connect: accepted. */
	@Test
	void acceptsTheOptionsDriversSendOnConnect() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("""
					set ansi_nulls on
					set ansi_null_dflt_on on
					set ansi_padding on
					set ansi_warnings on
					set arithabort on
					set concat_null_yields_null on
					set cursor_close_on_commit on
					set datefirst 7
					set dateformat mdy
					set implicit_transactions off
					set language us_english
					set numeric_roundabort off
					set quoted_identifier on
					set textsize 2147483647
					set transaction isolation level read committed
					set xact_abort off
					set lock_timeout -1
					set nocount off""");
			assertThat(names(statement, "SELECT name FROM sys.databases WHERE name = N'mgc'")).containsExactly("mgc");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "SET ANSI_NULLS OFF", "SET QUOTED_IDENTIFIER OFF", "SET LANGUAGE Deutsch",
			"SET NOEXEC ON", "SET STATISTICS IO ON", "SET TRANSACTION ISOLATION LEVEL SNAPSHOT", "SET ANSI_DEFAULTS OFF",
			"SELECT name FROM sys.databases WHERE EXISTS (SELECT 1)", "SELECT name FROM sys.databases UNION SELECT name FROM sys.databases",
			"SAVE TRANSACTION before_restore" })
	void refusesWhatItDoesNotSimulateSayingSo(String statement) throws SQLException {
		try (Connection connection = sql.connect(); Statement batch = connection.createStatement()) {
			assertThatThrownBy(() -> batch.execute(statement)).isInstanceOfSatisfying(SQLException.class, ex -> {
				assertThat(ex.getErrorCode()).isEqualTo(40517);
				assertThat(ex.getMessage()).endsWith("the lab SQL Server does not simulate it.");
			});
		}
	}

	@Test
	void answersSyntaxErrorsAsSqlServerDoes() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("SELECT name FROM WHERE name = 1"))
				.isInstanceOfSatisfying(SQLException.class, ex -> {
					assertThat(ex.getErrorCode()).isEqualTo(156);
					assertThat(ex.getMessage()).isEqualTo("Incorrect syntax near the keyword 'WHERE'.");
				});
			assertThatThrownBy(() -> statement.execute("SET NO_SUCH_OPTION ON"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(195));
			assertThatThrownBy(() -> statement.execute("SELECT name FROM sys.databases WHERE name = = 1"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(102));
		}
	}

	private static List<String> names(Statement statement, String query) throws SQLException {
		List<String> names = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

}
