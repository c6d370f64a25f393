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
 * SELECTs as DBAs write them against the catalog views and msdb, over mssql-jdbc: search conditions with OR, NOT,
 * LIKE, IN, IS NULL and BETWEEN. Facts: docs/facts-dba.md section 3.
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
