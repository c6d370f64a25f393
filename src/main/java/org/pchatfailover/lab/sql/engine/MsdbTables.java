package org.pchatfailover.lab.sql.engine;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

import org.pchatfailover.lab.sql.engine.LabSqlState.LogShippingMonitorSecondary;
import org.pchatfailover.lab.sql.engine.LabSqlState.LogShippingSecondary;
import org.pchatfailover.lab.sql.engine.LabSqlState.LogShippingSecondaryDatabase;
import org.pchatfailover.lab.sql.engine.LabSqlState.RestoreHistory;

/**
 * The msdb tables a DBA and the product read: log shipping's secondary configuration and monitor row, and the restore
 * history with its backup sets and media families, with SQL Server's column names and types (the columns the
 * failover needs and their neighbours).
 */
final class MsdbTables {

	private static final SqlType NAME = SqlType.nvarchar(128);

	private static final SqlType PATH = SqlType.nvarchar(500);

	/** file_retention_period: three days, in minutes (the lab's choice; the references give no default). */
	private static final int FILE_RETENTION_MINUTES = 4320;

	private static final Set<String> TABLES = Set.of("log_shipping_secondary", "log_shipping_secondary_databases",
			"log_shipping_monitor_secondary", "restorehistory", "backupset", "backupmediafamily",
			"log_shipping_primary_databases", "log_shipping_primary_secondaries");

	private MsdbTables() {
	}

	/** Whether msdb has the table in the lab. */
	static boolean has(String object) {
		return TABLES.contains(object.toLowerCase(Locale.ROOT));
	}

	/** The msdb table of that name, null when the lab has none. */
	static Table table(LabSqlState state, String object) {
		return switch (object.toLowerCase(Locale.ROOT)) {
			case "log_shipping_secondary" -> logShippingSecondary(state);
			case "log_shipping_secondary_databases" -> logShippingSecondaryDatabases(state);
			case "log_shipping_monitor_secondary" -> logShippingMonitorSecondary(state);
			case "restorehistory" -> restoreHistory(state);
			case "backupset" -> backupSet(state);
			case "backupmediafamily" -> backupMediaFamily(state);
			case "log_shipping_primary_databases" -> logShippingPrimaryDatabases(state);
			case "log_shipping_primary_secondaries" -> logShippingPrimarySecondaries(state);
			default -> null;
		};
	}

	/** The primary's configuration rows (sql-docs log-shipping-primary-databases-transact-sql, its leading columns). */
	private static Table logShippingPrimaryDatabases(LabSqlState state) {
		Table.Builder table = Table.named("log_shipping_primary_databases")
			.column("primary_id", SqlType.UNIQUEIDENTIFIER).column("primary_database", NAME)
			.column("backup_directory", PATH).column("backup_share", PATH)
			.column("backup_retention_period", SqlType.INT).column("backup_job_id", SqlType.UNIQUEIDENTIFIER)
			.column("monitor_server", NAME);
		for (LabSqlState.LogShippingPrimaryDatabase p : state.logShippingPrimaryDatabases) {
			table.row(p.primaryId(), p.primaryDatabase(), p.backupDirectory(), p.backupShare(),
					p.backupRetentionPeriod(), p.backupJobId(), p.monitorServer());
		}
		return table.build();
	}

	/** sql-docs log-shipping-primary-secondaries-transact-sql. */
	private static Table logShippingPrimarySecondaries(LabSqlState state) {
		Table.Builder table = Table.named("log_shipping_primary_secondaries")
			.column("primary_id", SqlType.UNIQUEIDENTIFIER).column("secondary_server", NAME)
			.column("secondary_database", NAME);
		for (LabSqlState.LogShippingPrimarySecondary s : state.logShippingPrimarySecondaries) {
			table.row(s.primaryId(), s.secondaryServer(), s.secondaryDatabase());
		}
		return table.build();
	}

	/** The columns of sql-docs log-shipping-secondary-transact-sql, in its order. */
	private static Table logShippingSecondary(LabSqlState state) {
		Table.Builder table = Table.named("log_shipping_secondary").column("secondary_id", SqlType.UNIQUEIDENTIFIER)
			.column("primary_server", NAME).column("primary_database", NAME).column("backup_source_directory", PATH)
			.column("backup_destination_directory", PATH).column("file_retention_period", SqlType.INT)
			.column("copy_job_id", SqlType.UNIQUEIDENTIFIER).column("restore_job_id", SqlType.UNIQUEIDENTIFIER)
			.column("monitor_server", NAME).column("monitor_server_security_mode", SqlType.BIT)
			.column("last_copied_file", PATH).column("last_copied_date", SqlType.DATETIME);
		for (LogShippingSecondary s : state.logShippingSecondary) {
			table.row(s.secondaryId(), s.primaryServer(), s.primaryDatabase(), s.backupSourceDirectory(),
					s.backupDestinationDirectory(), FILE_RETENTION_MINUTES, s.copyJobId(), s.restoreJobId(),
					s.monitorServer(), true, s.lastCopiedFile(), s.lastCopiedDate());
		}
		return table.build();
	}

	/**
	 * The columns of sql-docs log-shipping-secondary-databases-transact-sql; block_size and buffer_count -1 and
	 * max_transfer_size NULL, the defaults of sp_add_log_shipping_secondary_database.
	 */
	private static Table logShippingSecondaryDatabases(LabSqlState state) {
		Table.Builder table = Table.named("log_shipping_secondary_databases").column("secondary_database", NAME)
			.column("secondary_id", SqlType.UNIQUEIDENTIFIER).column("restore_delay", SqlType.INT)
			.column("restore_all", SqlType.BIT).column("restore_mode", SqlType.BIT)
			.column("disconnect_users", SqlType.BIT).column("block_size", SqlType.INT)
			.column("buffer_count", SqlType.INT).column("max_transfer_size", SqlType.INT)
			.column("last_restored_file", PATH).column("last_restored_date", SqlType.DATETIME);
		for (LogShippingSecondaryDatabase s : state.logShippingSecondaryDatabases) {
			table.row(s.secondaryDatabase(), s.secondaryId(), 0, true, s.standbyMode(), s.disconnectUsers(), -1, -1,
					null, s.lastRestoredFile(), s.lastRestoredDate());
		}
		return table.build();
	}

	/**
	 * The columns of sql-docs log-shipping-monitor-secondary-transact-sql; the thresholds those of
	 * sp_add_log_shipping_secondary_database's example (restore_threshold 45, history_retention_period 1440) and
	 * its default alert 14420, enabled.
	 */
	private static Table logShippingMonitorSecondary(LabSqlState state) {
		Table.Builder table = Table.named("log_shipping_monitor_secondary").column("secondary_server", NAME)
			.column("secondary_database", NAME).column("secondary_id", SqlType.UNIQUEIDENTIFIER)
			.column("primary_server", NAME).column("primary_database", NAME).column("restore_threshold", SqlType.INT)
			.column("threshold_alert", SqlType.INT).column("threshold_alert_enabled", SqlType.BIT)
			.column("last_copied_file", PATH).column("last_copied_date", SqlType.DATETIME)
			.column("last_copied_date_utc", SqlType.DATETIME).column("last_restored_file", PATH)
			.column("last_restored_date", SqlType.DATETIME).column("last_restored_date_utc", SqlType.DATETIME)
			.column("last_restored_latency", SqlType.INT).column("history_retention_period", SqlType.INT);
		for (LogShippingMonitorSecondary s : state.logShippingMonitorSecondary) {
			table.row(s.secondaryServer(), s.secondaryDatabase(), s.secondaryId(), s.primaryServer(),
					s.primaryDatabase(), 45, 14420, true, s.lastCopiedFile(), s.lastCopiedDate(),
					utc(s.lastCopiedDate()), s.lastRestoredFile(), s.lastRestoredDate(), utc(s.lastRestoredDate()),
					s.lastRestoredLatency(), 1440);
		}
		return table.build();
	}

	/** The UTC wall clock, which a query reads as it is (an instant it reads in the server's zone). */
	private static LocalDateTime utc(Instant instant) {
		return instant == null ? null : DatetimeText.datetime(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	private static Table restoreHistory(LabSqlState state) {
		Table.Builder table = Table.named("restorehistory").column("restore_history_id", SqlType.INT)
			.column("restore_date", SqlType.DATETIME).column("destination_database_name", NAME)
			.column("backup_set_id", SqlType.INT).column("restore_type", SqlType.nvarchar(1))
			.column("recovery", SqlType.BIT);
		for (RestoreHistory r : state.restoreHistory) {
			table.row(r.id(), r.restoreDate(), r.destinationDatabase(), r.id(), r.restoreType(), r.recovery());
		}
		return table.build();
	}

	private static Table backupSet(LabSqlState state) {
		Table.Builder table = Table.named("backupset").column("backup_set_id", SqlType.INT)
			.column("media_set_id", SqlType.INT).column("database_name", NAME).column("type", SqlType.nvarchar(1))
			.column("first_lsn", SqlType.LSN).column("last_lsn", SqlType.LSN);
		for (RestoreHistory r : state.restoreHistory) {
			if (r.physicalDeviceName() != null) {
				table.row(r.id(), r.id(), r.destinationDatabase(), r.restoreType(), lsn(r.firstLsn()),
						lsn(r.lastLsn()));
			}
		}
		return table.build();
	}

	private static Table backupMediaFamily(LabSqlState state) {
		Table.Builder table = Table.named("backupmediafamily").column("media_set_id", SqlType.INT)
			.column("family_sequence_number", SqlType.TINYINT).column("physical_device_name", SqlType.nvarchar(260))
			.column("device_type", SqlType.TINYINT);
		for (RestoreHistory r : state.restoreHistory) {
			if (r.physicalDeviceName() != null) {
				table.row(r.id(), 1, r.physicalDeviceName(), 2);
			}
		}
		return table.build();
	}

	private static BigInteger lsn(String value) {
		return value == null ? null : new BigInteger(value);
	}

}
