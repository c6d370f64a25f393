package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * msdb's log-shipping tables with their documented columns, agreeing with restorehistory and the database's state;
 * RESTORE HEADERONLY naming the instance that wrote a backup; no session in a RESTORING database, readers of a
 * STANDBY one blocking restores (DESIGN-NOTES "What DBAs type", section 5).
 */
class LabSqlLogShippingCatalogIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	@Test
	void showsTheDocumentedColumnsOfTheLogShippingTables() throws SQLException {
		LabSqlFixture sql = lab.start("normal");
		try (Connection connection = sql.connect()) {
			assertThat(columns(connection, "msdb.dbo.log_shipping_secondary")).containsExactly("secondary_id",
					"primary_server", "primary_database", "backup_source_directory", "backup_destination_directory",
					"file_retention_period", "copy_job_id", "restore_job_id", "monitor_server",
					"monitor_server_security_mode", "last_copied_file", "last_copied_date");
			assertThat(columns(connection, "msdb.dbo.log_shipping_secondary_databases")).containsExactly(
					"secondary_database", "secondary_id", "restore_delay", "restore_all", "restore_mode",
					"disconnect_users", "block_size", "buffer_count", "max_transfer_size", "last_restored_file",
					"last_restored_date");
			assertThat(columns(connection, "msdb.dbo.log_shipping_monitor_secondary")).containsExactly(
					"secondary_server", "secondary_database", "secondary_id", "primary_server", "primary_database",
					"restore_threshold", "threshold_alert", "threshold_alert_enabled", "last_copied_file",
					"last_copied_date", "last_copied_date_utc", "last_restored_file", "last_restored_date",
					"last_restored_date_utc", "last_restored_latency", "history_retention_period");
			assertThat(row(connection, "SELECT s.monitor_server, m.restore_threshold, m.threshold_alert_enabled, "
					+ "d.restore_mode, CAST(s.copy_job_id AS nvarchar(36)), CAST(s.restore_job_id AS nvarchar(36)) "
					+ "FROM msdb.dbo.log_shipping_secondary s JOIN msdb.dbo.log_shipping_monitor_secondary m "
					+ "ON m.secondary_id = s.secondary_id JOIN msdb.dbo.log_shipping_secondary_databases d "
					+ "ON d.secondary_id = s.secondary_id"))
				.satisfies(r -> {
					assertThat(r.subList(0, 4)).isEqualTo(List.of("DAL-SQL-BK\\PCHAT", "45", "1", "0"));
					assertThat(r.get(4)).isNotNull().isNotEqualTo(r.get(5));
				});
		}
	}

	/** A DBA checks the monitor against the history: the last restore's file and time are the same in both. */
	@Test
	void agreesWithTheRestoreHistory() throws SQLException {
		LabSqlFixture sql = lab.start("normal");
		try (Connection connection = sql.connect()) {
			assertThat(row(connection, """
					SELECT COUNT(*), MAX(r.restore_date), MAX(d.last_restored_date), MAX(m.last_restored_date)
					FROM msdb.dbo.restorehistory r
					JOIN msdb.dbo.backupset b ON b.backup_set_id = r.backup_set_id
					JOIN msdb.dbo.backupmediafamily f ON f.media_set_id = b.media_set_id
					JOIN msdb.dbo.log_shipping_secondary_databases d ON d.last_restored_file = f.physical_device_name
					JOIN msdb.dbo.log_shipping_monitor_secondary m ON m.last_restored_file = f.physical_device_name
					WHERE r.restore_date = d.last_restored_date AND r.restore_date = m.last_restored_date"""))
				.satisfies(r -> {
					assertThat(r.get(0)).isEqualTo("1");
					assertThat(r.get(1)).isEqualTo(r.get(2)).isEqualTo(r.get(3));
				});
			assertThat(row(connection, "SELECT MAX(restore_date) FROM msdb.dbo.restorehistory"))
				.isEqualTo(row(connection, "SELECT last_restored_date FROM msdb.dbo.log_shipping_secondary_databases"));
			// the eighth log copied 32 s after its backup started, the fifth restored 5 min after its own
			assertThat(row(connection, "SELECT DATEDIFF(second, last_restored_date_utc, last_copied_date_utc), "
					+ "DATEDIFF(second, last_copied_date, GETDATE()), DATEDIFF(hour, last_copied_date, "
					+ "last_copied_date_utc), last_restored_latency FROM msdb.dbo.log_shipping_monitor_secondary"))
				.satisfies(r -> {
					assertThat(Integer.parseInt(r.get(0))).isEqualTo(3 * 15 * 60 - 5 * 60 + 32);
					assertThat(Integer.parseInt(r.get(1))).isPositive();
					assertThat(r.get(2)).isIn("5", "6");
					assertThat(r.get(3)).isEqualTo("5");
				});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "standby", "sessions-connected" })
	void restoresWithStandbyInTheStandbyScenarios(String scenario) throws SQLException {
		LabSqlFixture sql = lab.start(scenario);
		try (Connection connection = sql.connect()) {
			assertThat(row(connection, "SELECT d.restore_mode, db.is_in_standby, db.is_read_only, db.state_desc "
					+ "FROM msdb.dbo.log_shipping_secondary_databases d JOIN sys.databases db "
					+ "ON db.name = d.secondary_database")).containsExactly("1", "1", "1", "ONLINE");
		}
	}

	@Test
	void namesTheInstanceThatWroteABackupAndItsComputer() throws Exception {
		LabSqlFixture sql = lab.start("normal");
		try (Connection connection = sql.connect()) {
			assertThat(row(connection, "RESTORE HEADERONLY FROM DISK = N'" + LabSqlFixture.SHARE_UNC + "\\"
					+ firstBackup(sql.share()) + "'", "ServerName", "MachineName"))
				.isEqualTo(List.of("ATL-SQL-001\\PCHAT", "ATL-SQL-001"));
		}
	}

	@Test
	void cannotFindALocalPathAsWindowsSaysIt() throws SQLException {
		LabSqlFixture sql = lab.start("normal");
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("RESTORE HEADERONLY FROM DISK = N'E:\\Backups\\mgc_1.trn'"))
				.isInstanceOfSatisfying(SQLException.class, ex -> {
					assertThat(ex.getErrorCode()).isEqualTo(3201);
					assertThat(ex.getMessage()).isEqualTo("Cannot open backup device 'E:\\Backups\\mgc_1.trn'. "
							+ "Operating system error 3(The system cannot find the path specified.).");
				});
		}
	}

	/** "Database 'mgc' cannot be opened. It is in the middle of a restore." */
	@Test
	void admitsNoSessionIntoARestoringDatabase() throws SQLException {
		LabSqlFixture sql = lab.start("normal");
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("USE mgc")).isInstanceOfSatisfying(SQLException.class,
					ex -> assertThat(ex.getErrorCode()).isEqualTo(927));
			assertThat(sql.lab().state().sessions()).noneMatch(s -> "mgc".equals(s.database()));
		}
	}

	/** Readers of a standby secondary keep a restore from it until they are gone. */
	@Test
	void readersOfAStandbySecondaryBlockItsRestores() throws SQLException {
		LabSqlFixture sql = lab.start("sessions-connected");
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("RESTORE DATABASE mgc WITH RECOVERY"))
				.isInstanceOfSatisfying(SQLException.class, ex -> {
					assertThat(ex.getErrorCode()).isEqualTo(3101);
					assertThat(ex.getMessage()).contains("Exclusive access could not be obtained");
				});
			assertThat(row(connection, "SELECT COUNT(*) FROM sys.dm_exec_sessions s JOIN sys.databases d "
					+ "ON d.database_id = s.database_id WHERE d.name = 'mgc' AND s.is_user_process = 1"))
				.containsExactly("3");
			assertThat(sql.lab().state().database("mgc").standby()).isTrue();
		}
	}

	private static String firstBackup(Path share) throws IOException {
		try (Stream<Path> files = Files.list(share)) {
			return files.map(f -> f.getFileName().toString()).sorted().findFirst().orElseThrow();
		}
	}

	private static List<String> columns(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
			ResultSetMetaData meta = rows.getMetaData();
			List<String> names = new ArrayList<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				names.add(meta.getColumnName(i));
			}
			return names;
		}
	}

	private static List<String> row(Connection connection, String query, String... columns) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			assertThat(rows.next()).as(query).isTrue();
			List<String> values = new ArrayList<>();
			if (columns.length > 0) {
				for (String column : columns) {
					values.add(rows.getString(column));
				}
				return values;
			}
			for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
				values.add(rows.getString(i));
			}
			return values;
		}
	}

}
