package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Expressions as DBAs type them, over mssql-jdbc: arithmetic and concatenation, the string functions, DATEDIFF and
 * its dateparts, CAST and CONVERT with styles, and the errors that tell a typo (195, 137, 155) from what the lab does
 * not evaluate (40517). Facts: DESIGN-NOTES "What DBAs type", section 2.
 */
class LabSqlExpressionsIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	Connection connection;

	@BeforeEach
	void connect() throws SQLException {
		sql = lab.start("normal");
		connection = sql.connect();
	}

	@AfterEach
	void close() throws SQLException {
		connection.close();
	}

	@Test
	void computesWithTsqlsTypesAndPrecedence() throws SQLException {
		assertThat(row("SELECT 7 / 2, 7 % 3, 2 + 3 * 4, 'mgc' + '_log', 1 + '1', -(5 - 8), 10 / 4.0"))
			.containsExactly("3", "1", "14", "mgc_log", "2", "3", "2.500000");
		assertThat(error("SELECT 1 / 0")).isEqualTo(8134);
		// "@notastring + ' is not a string.'" fails: int has the higher precedence (sql-docs CAST and CONVERT, K)
		assertThat(error("SELECT 1 + ' is not a string.'")).isEqualTo(245);
		assertThat(error("SELECT 2147483647 + 1")).isEqualTo(8115);
	}

	@Test
	void evaluatesTheStringFunctionsDbasType() throws SQLException {
		assertThat(row("SELECT LEN('mgc  '), UPPER('mgc'), LOWER('MGC'), LTRIM('  a'), RTRIM('a  ') + '|', "
				+ "SUBSTRING('mgc_20261129.trn', 5, 8), LEFT('mgc_log', 3), RIGHT('mgc_log', 3), "
				+ "REPLACE('MGC_log', 'mgc', 'x'), CHARINDEX('_', 'mgc_log'), CONCAT('a', NULL, 1)"))
			.containsExactly("3", "MGC", "mgc", "a", "a|", "20261129", "mgc", "log", "x_log", "4", "a1");
		assertThat(row("SELECT LEN(name) FROM sys.databases WHERE database_id = 5")).containsExactly("3");
		assertThat(error("SELECT LEN('a', 'b')")).isEqualTo(174);
		assertThat(error("SELECT SUBSTRING('abc', 1, -1)")).isEqualTo(537);
	}

	/** A typo is SQL Server's 195; a documented function the lab does not evaluate is the lab's 40517. */
	@Test
	void tellsAnUnknownFunctionFromOneTheLabDoesNotEvaluate() {
		assertThat(errorMessage("SELECT LENN('mgc')")).isEqualTo("'LENN' is not a recognized built-in function name.");
		assertThat(errorMessage("SELECT SOUNDEX('mgc')")).endsWith("the lab SQL Server does not simulate it.");
		assertThat(error("SELECT SOUNDEX('mgc')")).isEqualTo(40517);
		assertThat(error("SELECT @@NOSUCH")).isEqualTo(137);
		assertThat(error("SELECT @@OPTIONS")).isEqualTo(40517);
	}

	@Test
	void countsEveryDatepartsBoundariesAsDatediffDoes() throws SQLException {
		String from = "'2005-12-31 23:59:59.997'";
		String to = "'2006-01-01 00:00:00.000'";
		List<String> parts = List.of("year", "quarter", "month", "dayofyear", "day", "week", "hour", "minute", "second",
				"yy", "qq", "mm", "dy", "dd", "wk", "hh", "mi", "ss");
		StringBuilder select = new StringBuilder("SELECT ");
		parts.forEach(p -> select.append("DATEDIFF(").append(p).append(", ").append(from).append(", ").append(to)
			.append("), "));
		select.append("DATEDIFF(millisecond, ").append(from).append(", ").append(to).append(")");
		List<String> counts = row(select.toString());
		assertThat(counts.subList(0, parts.size())).allMatch("1"::equals);
		assertThat(counts.get(parts.size())).isEqualTo("3");
		assertThat(errorMessage("SELECT DATEDIFF(fortnight, GETDATE(), GETDATE())"))
			.isEqualTo("'fortnight' is not a recognized datediff option.");
		assertThat(error("SELECT DATEDIFF('day', GETDATE(), GETDATE())")).isEqualTo(1023);
		assertThat(row("SELECT DATEPART(weekday, '2026-11-29'), DATEADD(day, 1, CAST('2026-11-29' AS datetime))"))
			.containsExactly("1", "2026-11-30 00:00:00.0");
	}

	@Test
	void castsAndConvertsWithCastAndConvertsStyles() throws SQLException {
		String time = "CAST('2026-11-29T08:05:03.997' AS datetime)";
		assertThat(row("SELECT CONVERT(varchar(19), " + time + ", 120), CONVERT(varchar(30), " + time + ", 121), "
				+ "CONVERT(varchar(30), " + time + ", 126), CAST(" + time + " AS varchar(30)), "
				+ "CONVERT(varchar(10), " + time + ", 101), CONVERT(varchar(8), " + time + ", 112)"))
			.containsExactly("2026-11-29 08:05:03", "2026-11-29 08:05:03.997", "2026-11-29T08:05:03.997",
					"Nov 29 2026  8:05AM", "11/29/2026", "20261129");
		assertThat(row("SELECT CAST(12345 AS varchar(3)), CAST('42' AS int) + 1, CAST(1.5 AS int), "
				+ "CAST('abcdef' AS varchar(2)), CAST(SERVERPROPERTY('EngineEdition') AS int)"))
			.containsExactly("*", "43", "1", "ab", "3");
		assertThat(error("SELECT CAST(12345 AS nvarchar(3))")).isEqualTo(8115);
		assertThat(error("SELECT CAST('mgc' AS int)")).isEqualTo(245);
		assertThat(error("SELECT CAST('nope' AS datetime)")).isEqualTo(241);
		assertThat(error("SELECT CAST('2026-13-01' AS datetime)")).isEqualTo(242);
		assertThat(error("SELECT CAST(GETDATE() AS date)")).isEqualTo(40517);
	}

	@Test
	void givesDeclaredVariablesTheirTypes() throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DECLARE @n int = '5', @d datetime = '2026-11-29'; SELECT @n + 1, DATEADD(hour, 2, @d)");
			try (ResultSet rows = statement.getResultSet()) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(6);
				assertThat(rows.getString(2)).isEqualTo("2026-11-29 02:00:00.0");
			}
		}
	}

	private List<String> row(String query) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			assertThat(rows.next()).as(query).isTrue();
			List<String> values = new ArrayList<>();
			for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
				values.add(rows.getString(i));
			}
			return values;
		}
	}

	private int error(String query) {
		return thrown(query).getErrorCode();
	}

	private String errorMessage(String query) {
		return thrown(query).getMessage();
	}

	private SQLException thrown(String query) {
		try (Statement statement = connection.createStatement()) {
			statement.executeQuery(query).close();
		}
		catch (SQLException ex) {
			return ex;
		}
		throw new AssertionError("no error from " + query);
	}

}
