package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The catalog a DBA reads on the lab's backup instance, over mssql-jdbc: SERVERPROPERTY and DATABASEPROPERTYEX as
 * sql_variant (DESIGN-NOTES, "What DBAs type").
 */
class LabSqlCatalogIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	@Test
	void answersServerPropertiesAsSqlVariantsOfTheirBaseTypes() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT SERVERPROPERTY('EngineEdition'), "
						+ "SERVERPROPERTY('IsHadrEnabled'), SERVERPROPERTY('MachineName'), "
						+ "SERVERPROPERTY('InstanceName'), SERVERPROPERTY('ServerName'), @@SERVERNAME, "
						+ "SERVERPROPERTY('NoSuchProperty')")) {
			ResultSetMetaData columns = rows.getMetaData();
			for (int i = 1; i <= 5; i++) {
				assertThat(columns.getColumnTypeName(i)).as("column %d", i).isEqualTo("sql_variant");
			}
			assertThat(rows.next()).isTrue();
			assertThat(rows.getObject(1)).isEqualTo(3);
			assertThat(rows.getObject(2)).isEqualTo(0);
			assertThat(rows.getString(3)).isEqualTo("DAL-SQL-BK");
			assertThat(rows.getString(4)).isEqualTo("PCHAT");
			assertThat(rows.getString(5)).isEqualTo("DAL-SQL-BK\\PCHAT").isEqualTo(rows.getString(6));
			assertThat(rows.getObject(7)).isNull();
		}
	}

	/** The product's read of the version (sqlserver/SqlServerConnection) casts the variant to nvarchar(128). */
	@Test
	void castsAndComparesAVariantByItsValue() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128))")) {
				assertThat(rows.getMetaData().getColumnTypeName(1)).isEqualTo("nvarchar");
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("11.0.7001.0");
			}
			try (ResultSet rows = statement.executeQuery(
					"SELECT name FROM sys.databases WHERE SERVERPROPERTY('EngineEdition') = 3 AND database_id = 1")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("master");
			}
		}
	}

	@Test
	void answersDatabasePropertiesOfARestoringDatabase() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT DATABASEPROPERTYEX('mgc', 'Status'), "
						+ "DATABASEPROPERTYEX('mgc', 'Recovery'), DATABASEPROPERTYEX('mgc', 'IsInStandBy'), "
						+ "DATABASEPROPERTYEX('mgc', 'Collation'), DATABASEPROPERTYEX('master', 'Collation'), "
						+ "DATABASEPROPERTYEX('nothing_here', 'Status')")) {
			assertThat(rows.getMetaData().getColumnTypeName(1)).isEqualTo("sql_variant");
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("RESTORING");
			assertThat(rows.getString(2)).isEqualTo("FULL");
			assertThat(rows.getObject(3)).isEqualTo(0);
			assertThat(rows.getObject(4)).as("a database that has not started").isNull();
			assertThat(rows.getString(5)).isEqualTo("SQL_Latin1_General_CP1_CI_AS");
			assertThat(rows.getObject(6)).isNull();
		}
	}

}
