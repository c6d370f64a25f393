package org.pchatfailover.lab.sql;

import java.time.Instant;
import java.util.List;

import org.pchatfailover.lab.sql.engine.LabSizing;

/**
 * What a DBA would check on the lab's backup SQL Server, read-only: for {@code GET /api/lab/state}.
 *
 * @param endpoint {@code address:port} of the TDS listener (the {@code endpoints.sql} of the lab state)
 * @param instanceDown true when the instance refuses connections (scenario {@code sql-down})
 * @param scenario the scenario the lab was last reset to
 * @param databases each database with its state and redo LSN
 * @param logShipping the msdb log-shipping secondary configuration, empty once removed
 * @param restoreHistory restores applied, oldest first
 * @param sessions user sessions: simulated clients and live connections
 * @param shareFiles file names in the primary's backup share
 * @param copyFiles file names in the copy destination
 * @param sizing how many log backups the scenario made and how long reading and restoring one takes
 */
public record LabSqlSnapshot(String endpoint, boolean instanceDown, String scenario, List<DatabaseState> databases,
		List<LogShipping> logShipping, List<Restore> restoreHistory, List<Session> sessions, List<String> shareFiles,
		List<String> copyFiles, LabSizing sizing) {

	/**
	 * @param mirroringRole {@code PRINCIPAL} when mirrored (sys.database_mirroring), else null
	 * @param mirroringState e.g. {@code SYNCHRONIZED}, null when not mirrored
	 * @param mirroringPartner the partner instance, e.g. {@code DAL-SQL-MR\PCHAT}, null when not mirrored
	 * @param interruptedRestore the backup file of a RESTORE LOG that was interrupted (4319 names it), else null
	 */
	public record DatabaseState(String name, String state, String redoStartLsn, boolean standby,
			String mirroringRole, String mirroringState, String mirroringPartner, String interruptedRestore) {
	}

	public record LogShipping(String secondaryDatabase, String primaryServer, String backupSourceDirectory,
			String backupDestinationDirectory, String lastCopiedFile, String lastRestoredFile) {
	}

	/** @param type {@code L} log or {@code D} database (WITH RECOVERY) */
	public record Restore(Instant at, String database, String type, String file, String firstLsn, String lastLsn,
			boolean recovery) {
	}

	/** @param live a TDS connection to the lab rather than a simulated client */
	public record Session(int sessionId, String database, String login, String host, String program, boolean live) {
	}

	/** The database by name, for tests and the lab page. */
	public DatabaseState database(String name) {
		return databases.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst().orElse(null);
	}

}
