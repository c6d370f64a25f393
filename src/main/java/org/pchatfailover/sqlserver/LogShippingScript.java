package org.pchatfailover.sqlserver;

/**
 * ReestablishLogShipping as a T-SQL script a DBA runs by hand when a procedure failed (an Agent job the product's
 * login may not create, a share the Agent cannot reach): the same statements the step sends, every value a N'...'
 * literal with quotes doubled and the database name a checked, bracketed identifier, each part guarded by what msdb
 * shows, so running it again, or after the step's partial work, does only the rest.
 */
public final class LogShippingScript {

	private LogShippingScript() {
	}

	/**
	 * @param primaryServer {@code @@SERVERNAME} of the primary instance
	 * @param secondaryServer {@code @@SERVERNAME} of the backup instance
	 */
	public static String of(String db, String primaryServer, String secondaryServer, String share, String copyFolder,
			String initialBackup) {
		String name = n(db);
		String bracketed = FailbackStatements.bracketed(db);
		return "-- 1. On the primary instance " + primaryServer + ": the backup job, the fresh full backup\n"
				+ primaryDatabase(db, share)
				+ "BACKUP DATABASE " + bracketed + " TO DISK = " + n(initialBackup) + " WITH INIT, CHECKSUM;\nGO\n\n"
				+ "-- 2. On the backup instance " + secondaryServer + ": the secondary initialised, copy and restore jobs\n"
				+ "IF NOT EXISTS (SELECT 1 FROM sys.databases WHERE name = " + name + " AND state_desc = N'RESTORING')\n"
				+ "  RESTORE DATABASE " + bracketed + " FROM DISK = " + n(initialBackup) + " WITH REPLACE, NORECOVERY;\n"
				+ "IF NOT EXISTS (SELECT 1 FROM msdb.dbo.log_shipping_secondary_databases WHERE secondary_database = "
				+ name + ")\nBEGIN\n"
				+ "  DECLARE @copy uniqueidentifier, @restore uniqueidentifier, @id uniqueidentifier, @schedule int;\n"
				+ "  EXEC master.dbo.sp_add_log_shipping_secondary_primary @primary_server = " + n(primaryServer)
				+ ", @primary_database = " + name + ", @backup_source_directory = " + n(share)
				+ ", @backup_destination_directory = " + n(copyFolder) + ", @copy_job_name = " + n("LSCopy_" + db)
				+ ", @restore_job_name = " + n("LSRestore_" + db) + ", @file_retention_period = "
				+ LogShippingSetup.RETENTION_MINUTES
				+ ", @copy_job_id = @copy OUTPUT, @restore_job_id = @restore OUTPUT, @secondary_id = @id OUTPUT;\n"
				+ "  EXEC master.dbo.sp_add_log_shipping_secondary_database @secondary_database = " + name
				+ ", @primary_server = " + n(primaryServer) + ", @primary_database = " + name
				+ ", @restore_delay = 0, @restore_mode = 0, @disconnect_users = 0;\n"
				+ schedule("@copy", "LSCopySchedule_" + db)
				+ "  SET @schedule = NULL;\n"
				+ schedule("@restore", "LSRestoreSchedule_" + db)
				+ "END\nGO\n\n"
				+ "-- 3. On the primary instance " + primaryServer + ": the secondary linked to the primary\n"
				+ primarySecondary(db, secondaryServer) + "GO\n";
	}

	/**
	 * The primary half of the same script for the primary's mirror instance (Lync Server 2013, "Setting up SQL
	 * Server Log Shipping between the primary mirror and the Log Shipping secondary database", JJ204887): the
	 * primary database with its backup job, as on the primary ("Use the same settings that you used for the primary
	 * database"), and the backup instance's secondary linked to it; nothing for the secondary, which "is
	 * initialized" ("Select and run the first half of the query ... up to the line: -- ****** End: Script to be run
	 * at Primary"). Run on the mirror instance while mgc is principal there.
	 * @param mirrorServer {@code @@SERVERNAME} of the primary's mirror instance
	 * @param secondaryServer {@code @@SERVERNAME} of the backup instance
	 */
	public static String primaryHalfForMirror(String db, String mirrorServer, String secondaryServer, String share) {
		return "-- On the primary's mirror instance " + mirrorServer + ", while " + db + " is principal there:\n"
				+ "-- the primary side of log shipping to " + secondaryServer + " (the secondary is initialized)\n"
				+ primaryDatabase(db, share) + primarySecondary(db, secondaryServer)
				+ "-- ****** End: Script to be run at Primary: [" + mirrorServer + "] ******\nGO\n";
	}

	// the same parts on the primary and its mirror: one text, so the two can never drift apart
	private static String primaryDatabase(String db, String share) {
		String name = n(db);
		FailbackStatements.bracketed(db); // refuses a name that is no plain identifier
		return "IF NOT EXISTS (SELECT 1 FROM msdb.dbo.log_shipping_primary_databases WHERE primary_database = "
				+ name + ")\nBEGIN\n"
				+ "  DECLARE @job uniqueidentifier, @id uniqueidentifier, @schedule int;\n"
				+ "  EXEC master.dbo.sp_add_log_shipping_primary_database @database = " + name
				+ ", @backup_directory = " + n(share) + ", @backup_share = " + n(share) + ", @backup_job_name = "
				+ n("LSBackup_" + db) + ", @backup_retention_period = " + LogShippingSetup.RETENTION_MINUTES
				+ ", @backup_job_id = @job OUTPUT, @primary_id = @id OUTPUT;\n"
				+ schedule("@job", "LSBackupSchedule_" + db)
				+ "END\n";
	}

	private static String primarySecondary(String db, String secondaryServer) {
		String name = n(db);
		return "IF NOT EXISTS (SELECT 1 FROM msdb.dbo.log_shipping_primary_secondaries s"
				+ " JOIN msdb.dbo.log_shipping_primary_databases p ON p.primary_id = s.primary_id"
				+ " WHERE p.primary_database = " + name + " AND s.secondary_server = " + n(secondaryServer) + ")\n"
				+ "  EXEC master.dbo.sp_add_log_shipping_primary_secondary @primary_database = " + name
				+ ", @secondary_server = " + n(secondaryServer) + ", @secondary_database = " + name + ";\n";
	}

	private static String schedule(String job, String scheduleName) {
		return "  EXEC msdb.dbo.sp_add_schedule @schedule_name = " + n(scheduleName) + ", @enabled = 1, @freq_type = 4,"
				+ " @freq_interval = 1, @freq_subday_type = 4, @freq_subday_interval = "
				+ LogShippingSetup.JOB_INTERVAL_MINUTES + ", @active_start_time = 0, @schedule_id = @schedule OUTPUT;\n"
				+ "  EXEC msdb.dbo.sp_attach_schedule @job_id = " + job + ", @schedule_id = @schedule;\n"
				+ "  EXEC msdb.dbo.sp_update_job @job_id = " + job + ", @enabled = 1;\n";
	}

	/** A Unicode string literal: quotes doubled, so a value can never end the literal. */
	static String n(String value) {
		if (value == null) {
			throw new IllegalArgumentException("no value for the log-shipping script");
		}
		return "N'" + value.replace("'", "''") + "'";
	}

}
