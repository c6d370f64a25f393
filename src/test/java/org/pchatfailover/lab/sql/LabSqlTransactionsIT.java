package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transactions in the lab SQL Server through mssql-jdbc: @@TRANCOUNT follows BEGIN, COMMIT and ROLLBACK (and the
 * implicit transactions of setAutoCommit(false)), and what SQL Server refuses inside a transaction is refused with its
 * errors, leaving the databases as they were.
 */
class LabSqlTransactionsIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	@Test
	void countsNestedTransactionsUntilTheOutermostCommit() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("BEGIN TRANSACTION");
			statement.execute("BEGIN TRAN inner_one");
			assertThat(trancount(statement)).isEqualTo(2);
			statement.execute("COMMIT TRAN inner_one");
			assertThat(trancount(statement)).isEqualTo(1);
			statement.execute("COMMIT");
			assertThat(trancount(statement)).isZero();
			assertThatThrownBy(() -> statement.execute("COMMIT TRANSACTION"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(3902));
		}
	}

	@Test
	void rollsBackEveryNestedTransactionAtOnce() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("BEGIN TRAN; BEGIN TRAN");
			statement.execute("ROLLBACK TRAN");
			assertThat(trancount(statement)).isZero();
			assertThatThrownBy(() -> statement.execute("ROLLBACK"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(3903));
			statement.execute("IF @@TRANCOUNT > 0 ROLLBACK TRAN");
		}
	}

	/** setAutoCommit(false) sends SET IMPLICIT_TRANSACTIONS ON: a SELECT from a table begins a transaction. */
	@Test
	void beginsAnImplicitTransactionWithTheFirstSelectFromATable() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.executeQuery("SELECT 1").close();
			assertThat(trancount(statement)).isZero();
			statement.executeQuery("SELECT name FROM sys.databases").close();
			assertThat(trancount(statement)).isEqualTo(1);
			connection.commit();
			assertThat(trancount(statement)).isZero();
			connection.setAutoCommit(true);
			statement.executeQuery("SELECT name FROM sys.databases").close();
			assertThat(trancount(statement)).isZero();
		}
	}

	@Test
	void refusesRestoreAndBackupInsideATransactionWith3021Then3013() throws SQLException {
		String file = LabSqlFixture.COPY_UNC + "\\" + sql.lab().state().shareFiles().get(0);
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			String redo = redoLsn(statement);
			statement.execute("BEGIN TRANSACTION");

			assertThatThrownBy(() -> statement.execute("RESTORE LOG mgc FROM DISK = N'" + file + "' WITH NORECOVERY"))
				.isInstanceOfSatisfying(SQLException.class, ex -> {
					assertThat(ex.getErrorCode()).isEqualTo(3021);
					assertThat(ex.getMessage())
						.isEqualTo("Cannot perform a backup or restore operation within a transaction.");
					assertThat(ex.getNextException().getMessage()).isEqualTo("RESTORE LOG is terminating abnormally.");
				});
			assertThatThrownBy(() -> statement.execute("BACKUP DATABASE mgc TO DISK = N'D:\\mgc.bak'"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(3021));
			assertThat(trancount(statement)).isEqualTo(1);
			statement.execute("ROLLBACK");
			assertThat(redoLsn(statement)).isEqualTo(redo);
		}
	}

	@Test
	void refusesWhatItCouldNotRollBackAndKeepsTheLogShippingConfiguration() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("BEGIN TRAN");

			assertThatThrownBy(() -> statement.execute("ALTER DATABASE mgc SET PARTNER OFF"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(226));
			assertThatThrownBy(() -> statement
				.execute("EXEC master.dbo.sp_delete_log_shipping_secondary_database @secondary_database = N'mgc'"))
				.isInstanceOfSatisfying(SQLException.class, ex -> {
					assertThat(ex.getErrorCode()).isEqualTo(40517);
					assertThat(ex.getMessage()).contains("the lab SQL Server does not simulate it");
				});
			statement.execute("COMMIT");
			try (ResultSet rows = statement
				.executeQuery("SELECT secondary_database FROM msdb.dbo.log_shipping_secondary_databases")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("mgc");
			}
		}
	}

	/** SET XACT_ABORT ON: "if a Transact-SQL statement raises a run-time error, the entire transaction is ... rolled back". */
	@Test
	void rollsBackOnARunTimeErrorUnderXactAbort() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("SET XACT_ABORT ON BEGIN TRAN");

			assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM dbo.nothing_here"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(208));
			assertThat(trancount(statement)).isZero();
		}
	}

	private static int trancount(Statement statement) throws SQLException {
		try (ResultSet row = statement.executeQuery("SELECT @@TRANCOUNT")) {
			assertThat(row.next()).isTrue();
			return row.getInt(1);
		}
	}

	private static String redoLsn(Statement statement) throws SQLException {
		try (ResultSet row = statement.executeQuery(
				"SELECT redo_start_lsn FROM sys.master_files WHERE database_id = DB_ID(N'mgc') AND file_id = 1")) {
			assertThat(row.next()).isTrue();
			return row.getString(1);
		}
	}

}
