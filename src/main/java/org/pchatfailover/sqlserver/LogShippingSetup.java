package org.pchatfailover.sqlserver;

import java.util.List;
import java.util.Optional;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.topology.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Failback step 5: log shipping of the primary's database to the backup instance again, with the documented
 * procedures, in the order of sql-docs' "Configure log shipping" example: on the primary
 * {@code sp_add_log_shipping_primary_database} (backup job) with a schedule; the secondary initialised from a fresh
 * full backup restored WITH NORECOVERY; on the secondary {@code sp_add_log_shipping_secondary_primary} (copy and
 * restore jobs) with schedules and {@code sp_add_log_shipping_secondary_database} (restore delay 0, NORECOVERY); on
 * the primary {@code sp_add_log_shipping_primary_secondary}. Each part is skipped when msdb already shows it, and
 * the whole is verified in msdb on both instances.
 */
@Service
public class LogShippingSetup {

	/** Minutes between runs of the backup, copy and restore jobs: the lab's and the wizard's 15-minute default. */
	static final int JOB_INTERVAL_MINUTES = 15;

	/** Minutes log backups are kept on the share and in the copy folder: the wizard's default, 72 hours. */
	static final int RETENTION_MINUTES = 4320;

	private static final Logger log = LoggerFactory.getLogger(LogShippingSetup.class);

	private final SqlServerAdapter sqlServer;

	public LogShippingSetup(SqlServerAdapter sqlServer) {
		this.sqlServer = sqlServer;
	}

	/**
	 * ReestablishLogShipping.
	 *
	 * @param share the log-shipping backup share, as both instances name it
	 * @param copyFolder the copy destination on the backup instance
	 * @param initialBackup the file the secondary is initialised from, on the share
	 */
	public void reestablish(Pool pool, String share, String copyFolder, String initialBackup, ActionLog actions) {
		String db = pool.database();
		try (SqlServerConnection primary = sqlServer.connect(pool.primarySql(), actions);
				SqlServerConnection backup = sqlServer.connect(pool.backupSql(), actions)) {
			String primaryServer = primary.readServerName();
			String secondaryServer = backup.readServerName();
			try {
				setUp(primary, backup, db, primaryServer, secondaryServer, share, copyFolder, initialBackup);
			}
			catch (SqlServerException ex) {
				if (ex.errorNumber() <= 0) {
					throw ex; // no error from SQL Server: a lost connection or a timeout, retried like any step
				}
				// SQL Server refused a statement: retrying will not change that, the DBA's script may
				throw new LogShippingSetupException("setting up log shipping of " + db + " failed: " + ex.getMessage(),
						LogShippingScript.of(db, primaryServer, secondaryServer, share, copyFolder, initialBackup), ex);
			}
			verify(primary, backup, db, secondaryServer);
			log.info("ReestablishLogShipping pool {}: {} ships from {} to {}", pool.fqdn(), db, primary.instance(),
					backup.instance());
		}
	}

	/** What the operator ran by hand, checked as the step checks itself: rows in msdb on both, mgc RESTORING. */
	public void verify(Pool pool, ActionLog actions) {
		try (SqlServerConnection primary = sqlServer.connect(pool.primarySql(), actions);
				SqlServerConnection backup = sqlServer.connect(pool.backupSql(), actions)) {
			verify(primary, backup, pool.database(), backup.readServerName());
		}
	}

	private static void setUp(SqlServerConnection primary, SqlServerConnection backup, String db, String primaryServer,
			String secondaryServer, String share, String copyFolder, String initialBackup) {
		RecordedStatements onPrimary = primary.statements();
		RecordedStatements onBackup = backup.statements();
		if (primaryDatabaseId(onPrimary, db).isEmpty()) {
			String jobId = onPrimary.query("add log shipping primary " + db, "SET NOCOUNT ON;"
					+ " DECLARE @job uniqueidentifier, @id uniqueidentifier;"
					+ " EXEC master.dbo.sp_add_log_shipping_primary_database @database = ?, @backup_directory = ?,"
					+ " @backup_share = ?, @backup_job_name = ?, @backup_retention_period = ?,"
					+ " @backup_job_id = @job OUTPUT, @primary_id = @id OUTPUT; SELECT CONVERT(nvarchar(36), @job)",
					List.of(db, share, share, "LSBackup_" + db, RETENTION_MINUTES), rows -> firstText(rows));
			schedule(onPrimary, jobId, "LSBackupSchedule_" + db);
		}
		if (backup.readLogShippingSecondary(db).isEmpty()) {
			initialiseSecondary(primary, backup, db, initialBackup);
			String jobs = onBackup.query("add log shipping secondary of " + primaryServer, "SET NOCOUNT ON;"
					+ " DECLARE @copy uniqueidentifier, @restore uniqueidentifier, @id uniqueidentifier;"
					+ " EXEC master.dbo.sp_add_log_shipping_secondary_primary @primary_server = ?,"
					+ " @primary_database = ?, @backup_source_directory = ?, @backup_destination_directory = ?,"
					+ " @copy_job_name = ?, @restore_job_name = ?, @file_retention_period = ?,"
					+ " @copy_job_id = @copy OUTPUT, @restore_job_id = @restore OUTPUT, @secondary_id = @id OUTPUT;"
					+ " SELECT CONVERT(nvarchar(36), @copy) + N' ' + CONVERT(nvarchar(36), @restore)",
					List.of(primaryServer, db, share, copyFolder, "LSCopy_" + db, "LSRestore_" + db,
							RETENTION_MINUTES),
					rows -> firstText(rows));
			onBackup.update("add log shipping secondary database " + db,
					"EXEC master.dbo.sp_add_log_shipping_secondary_database @secondary_database = ?,"
							+ " @primary_server = ?, @primary_database = ?, @restore_delay = 0, @restore_mode = 0,"
							+ " @disconnect_users = 0",
					List.of(db, primaryServer, db));
			String[] ids = jobs.split(" ");
			schedule(onBackup, ids[0], "LSCopySchedule_" + db);
			schedule(onBackup, ids[1], "LSRestoreSchedule_" + db);
		}
		if (!hasSecondary(onPrimary, db, secondaryServer)) {
			onPrimary.update("link secondary " + secondaryServer,
					"EXEC master.dbo.sp_add_log_shipping_primary_secondary @primary_database = ?,"
							+ " @secondary_server = ?, @secondary_database = ?",
					List.of(db, secondaryServer, db));
		}
	}

	// "the backup mgc initialised from a fresh full backup": overwritten WITH NORECOVERY, unless it already waits
	private static void initialiseSecondary(SqlServerConnection primary, SqlServerConnection backup, String db,
			String file) {
		if (FailoverPlanner.requireDatabase(backup, db).isRestoring()) {
			return;
		}
		FailbackStatements onPrimary = new FailbackStatements(primary);
		if (onPrimary.readBackupHeader(file).filter(h -> h.backupType() == BackupHeader.DATABASE).isEmpty()) {
			onPrimary.backupDatabase(db, file);
		}
		new FailbackStatements(backup).restoreReplaceNoRecovery(db, file);
	}

	private static void schedule(RecordedStatements sql, String jobId, String name) {
		sql.update("schedule job " + jobId, "SET NOCOUNT ON; DECLARE @schedule int;"
				+ " EXEC msdb.dbo.sp_add_schedule @schedule_name = ?, @enabled = 1, @freq_type = 4,"
				+ " @freq_interval = 1, @freq_subday_type = 4, @freq_subday_interval = ?, @active_start_time = 0,"
				+ " @schedule_id = @schedule OUTPUT;"
				+ " EXEC msdb.dbo.sp_attach_schedule @job_id = ?, @schedule_id = @schedule;"
				+ " EXEC msdb.dbo.sp_update_job @job_id = ?, @enabled = 1",
				List.of(name, JOB_INTERVAL_MINUTES, jobId, jobId));
	}

	static Optional<String> primaryDatabaseId(RecordedStatements sql, String db) {
		return sql.query("read log shipping primary " + db,
				"SELECT CONVERT(nvarchar(36), primary_id) FROM msdb.dbo.log_shipping_primary_databases"
						+ " WHERE primary_database = ?",
				List.of(db), rows -> rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty());
	}

	static boolean hasSecondary(RecordedStatements sql, String db, String secondaryServer) {
		return sql.query("read log shipping secondaries of " + db,
				"SELECT COUNT(*) FROM msdb.dbo.log_shipping_primary_secondaries s"
						+ " JOIN msdb.dbo.log_shipping_primary_databases p ON p.primary_id = s.primary_id"
						+ " WHERE p.primary_database = ? AND s.secondary_server = ? AND s.secondary_database = ?",
				List.of(db, secondaryServer, db), rows -> rows.next() && rows.getInt(1) > 0);
	}

	private static void verify(SqlServerConnection primary, SqlServerConnection backup, String db,
			String secondaryServer) {
		boolean primaryRows = primaryDatabaseId(primary.statements(), db).isPresent()
				&& hasSecondary(primary.statements(), db, secondaryServer);
		boolean secondaryRows = backup.readLogShippingSecondary(db).isPresent();
		DatabaseStatus secondary = FailoverPlanner.requireDatabase(backup, db);
		if (!primaryRows || !secondaryRows || !secondary.isRestoring()) {
			throw new IllegalStateException("log shipping of " + db + " is incomplete: msdb on " + primary.instance()
					+ (primaryRows ? " has" : " lacks") + " the primary rows, msdb on " + backup.instance()
					+ (secondaryRows ? " has" : " lacks") + " the secondary rows, " + db + " there is "
					+ secondary.describe() + " (expected RESTORING)");
		}
	}

	private static String firstText(java.sql.ResultSet rows) throws java.sql.SQLException {
		if (!rows.next() || rows.getString(1) == null) {
			throw new java.sql.SQLException("the procedure returned no job id");
		}
		return rows.getString(1);
	}

}
