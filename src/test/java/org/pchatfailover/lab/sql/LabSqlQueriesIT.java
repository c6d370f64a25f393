package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SELECTs as DBAs write them against the catalog views and msdb, over mssql-jdbc: search conditions with OR, NOT,
 * LIKE, IN, IS NULL and BETWEEN; TOP and ORDER BY; COUNT(*), aggregates and GROUP BY; joins of the msdb
 * log-shipping tables with the catalog views. Facts: DESIGN-NOTES "What DBAs type", sections 3 and 4.
 */
class LabSqlQueriesIT {

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
	void filtersWithOrNotLikeInIsNullAndBetween() throws SQLException {
		assertThat(column("SELECT name FROM sys.databases WHERE name LIKE 'm%' OR database_id IN (2) ORDER BY name"))
			.containsExactly("master", "mgc", "model", "msdb", "tempdb");
		assertThat(column("SELECT name FROM sys.databases WHERE NOT (name LIKE 'M_S%' OR database_id BETWEEN 2 AND 3) "
				+ "AND state_desc IS NOT NULL ORDER BY database_id")).containsExactly("msdb", "mgc");
		assertThat(column("SELECT name FROM sys.databases WHERE name NOT IN ('master', 'tempdb', 'model') "
				+ "AND name NOT LIKE '%db' ORDER BY name")).containsExactly("mgc");
		assertThat(column("SELECT physical_name FROM sys.master_files WHERE redo_start_lsn IS NULL AND file_id = 1 "
				+ "AND physical_name LIKE '%[_]%' ORDER BY physical_name")).isEmpty();
		assertThat(column("SELECT name FROM sys.databases WHERE name LIKE '[m-n]g_' OR name LIKE 'tempdb!%' ESCAPE '!'"))
			.containsExactly("mgc");
	}

	/** NULL is unknown: NOT (x = NULL) is not true, x IN (..., NULL) finds no NULL, IS NULL does. */
	@Test
	void treatsNullAsUnknown() throws SQLException {
		String files = "SELECT name FROM sys.master_files WHERE file_id = 1 AND ";
		assertThat(column(files + "NOT (redo_start_lsn = 0) ORDER BY name")).containsExactly("mgc");
		assertThat(column(files + "redo_start_lsn IS NULL ORDER BY name"))
			.containsExactly("master", "model", "msdb", "tempdb");
		assertThat(column(files + "redo_start_lsn NOT IN (0, NULL)")).isEmpty();
		assertThat(column(files + "database_id IN (1, NULL)")).containsExactly("master");
	}

	@Test
	void decidesAnIfWithOrAndIn() throws SQLException {
		assertThat(column("IF DB_ID('mgc') IN (4, 5) OR 1 = 0 SELECT 'found' ELSE SELECT 'missing'"))
			.containsExactly("found");
	}

	/** The guards of a generated script: "Returns TRUE if a subquery contains any rows" (sql-docs EXISTS). */
	@Test
	void decidesAnIfWithExistsAndABlock() throws SQLException {
		assertThat(column("IF NOT EXISTS (SELECT 1 FROM sys.databases WHERE name = N'mgc' AND state_desc = N'RESTORING')"
				+ " BEGIN SELECT 'restore' END ELSE SELECT 'waits'")).containsExactly("waits");
		assertThat(column("IF EXISTS (SELECT secondary_database FROM msdb.dbo.log_shipping_secondary_databases"
				+ " WHERE secondary_database = N'nosuchdb')\nBEGIN\n  DECLARE @n int = 1;\n  SELECT @n\nEND\n"
				+ "ELSE SELECT 'none'")).containsExactly("none");
		assertThat(column("DECLARE @db sysname = N'mgc'; IF EXISTS (SELECT * FROM sys.databases WHERE name = @db)"
				+ " SELECT 'found'")).containsExactly("found");
		assertThatThrownBy(() -> column("SELECT name FROM sys.databases d WHERE EXISTS (SELECT 1 FROM sys.databases)"))
			.as("outside an IF the lab evaluates no subquery: its limit, said so")
			.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(40517));
	}

	@Test
	void ordersAndLimitsTheRestoreHistoryAsDbasReadIt() throws SQLException {
		List<List<String>> newest = rows("SELECT TOP 5 destination_database_name, restore_date "
				+ "FROM msdb.dbo.restorehistory ORDER BY restore_date DESC");
		assertThat(newest).hasSize(5).allMatch(r -> r.get(0).equals("mgc"));
		assertThat(newest).extracting(r -> r.get(1)).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(column("SELECT TOP (2) name FROM sys.databases ORDER BY database_id DESC"))
			.containsExactly("mgc", "msdb");
		assertThat(rows("SELECT state_desc AS s, name FROM sys.databases ORDER BY s DESC, 2"))
			.containsExactly(List.of("RESTORING", "mgc"), List.of("ONLINE", "master"), List.of("ONLINE", "model"),
					List.of("ONLINE", "msdb"), List.of("ONLINE", "tempdb"));
		assertThat(column("DECLARE @n int = 1; SELECT TOP (@n) name FROM sys.databases ORDER BY name"))
			.containsExactly("master");
	}

	@Test
	void countsAndGroupsTheCatalog() throws SQLException {
		assertThat(column("SELECT COUNT(*) FROM sys.databases WHERE state_desc = 'ONLINE'")).containsExactly("4");
		assertThat(rows("SELECT state_desc, COUNT(*) AS n FROM sys.databases GROUP BY state_desc ORDER BY n DESC"))
			.containsExactly(List.of("ONLINE", "4"), List.of("RESTORING", "1"));
		assertThat(rows("SELECT destination_database_name, COUNT(*), MIN(restore_history_id), MAX(restore_history_id) "
				+ "FROM msdb.dbo.restorehistory GROUP BY destination_database_name HAVING COUNT(*) > 1"))
			.containsExactly(List.of("mgc", "5", "1", "5"));
		assertThat(rows("SELECT COUNT(DISTINCT destination_database_name), SUM(restore_history_id), COUNT_BIG(*) "
				+ "FROM msdb.dbo.restorehistory")).containsExactly(List.of("1", "15", "5"));
		assertThat(column("SELECT DISTINCT type_desc FROM sys.master_files ORDER BY type_desc"))
			.containsExactly("LOG", "ROWS");
		assertThat(column("SELECT COUNT(*) FROM sys.databases WHERE name = 'nothing'")).containsExactly("0");
	}

	/** The log-shipping tables read together with the catalog they describe. */
	@Test
	void joinsTheLogShippingTablesWithTheCatalog() throws SQLException {
		assertThat(rows("""
				SELECT d.secondary_database, db.state_desc, m.primary_server, s.primary_database
				FROM msdb.dbo.log_shipping_secondary_databases AS d
				INNER JOIN msdb.dbo.log_shipping_monitor_secondary m
				  ON m.secondary_id = d.secondary_id AND m.secondary_database = d.secondary_database
				JOIN msdb.dbo.log_shipping_secondary s WITH (NOLOCK) ON s.secondary_id = d.secondary_id
				JOIN sys.databases db ON db.name = d.secondary_database"""))
			.containsExactly(List.of("mgc", "RESTORING", "ATL-SQL-001\\PCHAT", "mgc"));
		assertThat(rows("SELECT db.name, d.secondary_database FROM sys.databases db LEFT OUTER JOIN "
				+ "msdb.dbo.log_shipping_secondary_databases d ON d.secondary_database = db.name ORDER BY db.database_id"))
			.containsExactly(Arrays.asList("master", null), Arrays.asList("tempdb", null), Arrays.asList("model", null),
					Arrays.asList("msdb", null), List.of("mgc", "mgc"));
		assertThat(column("SELECT COUNT(*) FROM sys.databases d, sys.master_files f WHERE f.database_id = d.database_id"))
			.containsExactly("10");
	}

	@Test
	void answersAMalformedQueryWithSqlServersError() {
		assertError("SELECT secondary_id FROM msdb.dbo.log_shipping_secondary s "
				+ "JOIN msdb.dbo.log_shipping_secondary_databases d ON s.secondary_id = d.secondary_id", 209,
				"Ambiguous column name 'secondary_id'.");
		assertError("SELECT x.name FROM sys.databases d", 4104, "The multi-part identifier \"x.name\" could not be bound.");
		assertError("SELECT name, COUNT(*) FROM sys.databases GROUP BY state_desc", 8120,
				"Column 'sys.databases.name' is invalid in the select list because it is not contained in either an "
						+ "aggregate function or the GROUP BY clause.");
		assertError("SELECT d.name, COUNT(*) FROM sys.databases AS d", 8120, "Column 'd.name' is invalid in the select list");
		assertError("SELECT name FROM sys.databases ORDER BY 2", 108,
				"The ORDER BY position number 2 is out of range of the number of items in the select list.");
		assertError("SELECT name FROM sys.databases WHERE COUNT(*) > 1", 147, "An aggregate may not appear");
	}

	private void assertError(String query, int number, String message) {
		assertThatThrownBy(() -> rows(query)).isInstanceOfSatisfying(SQLException.class, ex -> {
			assertThat(ex.getErrorCode()).isEqualTo(number);
			assertThat(ex.getMessage()).startsWith(message);
		});
	}

	private List<List<String>> rows(String query) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(result.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private List<String> column(String query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
