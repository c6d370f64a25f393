package org.pchatfailover.lab.sql.engine;

import java.math.BigInteger;
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

	private static final Set<String> TABLES = Set.of("log_shipping_secondary", "log_shipping_secondary_databases",
			"log_shipping_monitor_secondary", "restorehistory", "backupset", "backupmediafamily");

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
			default -> null;
		};
	}

	private static Table logShippingSecondary(LabSqlState state) {
		Table.Builder table = Table.named("log_shipping_secondary").column("secondary_id", SqlType.UNIQUEIDENTIFIER)
			.column("primary_server", NAME).column("primary_database", NAME).column("backup_source_directory", PATH)
			.column("backup_destination_directory", PATH).column("file_retention_period", SqlType.INT)
			.column("last_copied_file", PATH).column("last_copied_date", SqlType.DATETIME);
		for (LogShippingSecondary s : state.logShippingSecondary) {
			table.row(s.secondaryId(), s.primaryServer(), s.primaryDatabase(), s.backupSourceDirectory(),
					s.backupDestinationDirectory(), 4320, s.lastCopiedFile(), s.lastCopiedDate());
		}
		return table.build();
	}

	private static Table logShippingSecondaryDatabases(LabSqlState state) {
		Table.Builder table = Table.named("log_shipping_secondary_databases").column("secondary_database", NAME)
			.column("secondary_id", SqlType.UNIQUEIDENTIFIER).column("restore_delay", SqlType.INT)
			.column("restore_mode", SqlType.BIT).column("disconnect_users", SqlType.BIT)
			.column("last_restored_file", PATH).column("last_restored_date", SqlType.DATETIME);
		for (LogShippingSecondaryDatabase s : state.logShippingSecondaryDatabases) {
			table.row(s.secondaryDatabase(), s.secondaryId(), 0, false, false, s.lastRestoredFile(),
					s.lastRestoredDate());
		}
		return table.build();
	}

	private static Table logShippingMonitorSecondary(LabSqlState state) {
		Table.Builder table = Table.named("log_shipping_monitor_secondary").column("secondary_server", NAME)
			.column("secondary_database", NAME).column("secondary_id", SqlType.UNIQUEIDENTIFIER)
			.column("primary_server", NAME).column("primary_database", NAME).column("last_copied_file", PATH)
			.column("last_restored_file", PATH);
		for (LogShippingMonitorSecondary s : state.logShippingMonitorSecondary) {
			table.row(s.secondaryServer(), s.secondaryDatabase(), s.secondaryId(), s.primaryServer(),
					s.primaryDatabase(), s.lastCopiedFile(), s.lastRestoredFile());
		}
		return table.build();
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
