package org.pchatfailover.lab.sql.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the lab's SQL Server instance remembers between restarts, written as JSON under the lab directory: its
 * databases, the msdb log-shipping rows, the restore history, the simulated client sessions, and whether the
 * instance is down. Backup files are not in here: they are real files in the share and copy folders.
 */
public final class LabSqlState {

	public String scenario;

	public boolean instanceDown;

	/** How many more times a killed Persistent Chat front end reconnects (drives error 3101 drills). */
	public int reconnects;

	public List<Database> databases = new ArrayList<>();

	public List<LogShippingSecondary> logShippingSecondary = new ArrayList<>();

	public List<LogShippingSecondaryDatabase> logShippingSecondaryDatabases = new ArrayList<>();

	public List<LogShippingMonitorSecondary> logShippingMonitorSecondary = new ArrayList<>();

	public List<ClientSession> sessions = new ArrayList<>();

	/** msdb.dbo.log_shipping_primary_databases: this instance as a log-shipping primary. */
	public List<LogShippingPrimaryDatabase> logShippingPrimaryDatabases = new ArrayList<>();

	/** msdb.dbo.log_shipping_primary_secondaries: the secondaries each primary database ships to. */
	public List<LogShippingPrimarySecondary> logShippingPrimarySecondaries = new ArrayList<>();

	/** SQL Server Agent jobs the log-shipping procedures created (msdb.dbo.sysjobs), with their schedule. */
	public List<AgentJob> agentJobs = new ArrayList<>();

	/** SQL Server Agent schedules by schedule_id: their freq_subday_interval in minutes. */
	public java.util.Map<Integer, Integer> agentSchedules = new java.util.LinkedHashMap<>();

	public List<RestoreHistory> restoreHistory = new ArrayList<>();

	/** Database mirroring sessions, at most one per database, as sys.database_mirroring shows them. */
	public List<Mirroring> mirroring = new ArrayList<>();

	/** RESTORE LOG operations that were interrupted, at most one per database. */
	public List<InterruptedRestore> interruptedRestores = new ArrayList<>();

	/** What each login may do; a login not listed here has the default rights of {@link #rightsOf}. */
	public List<LoginRights> logins = new ArrayList<>();

	/** How many log backups the scenario made and how slow reading and restoring them is; null: the default. */
	public LabSizing sizing;

	/** A freshly installed instance: the four system databases and nothing else, up. */
	public static LabSqlState systemDatabasesOnly(String scenario) {
		LabSqlState state = new LabSqlState();
		state.scenario = scenario;
		state.databases.addAll(List.of(new Database(1, "master", "ONLINE", null),
				new Database(2, "tempdb", "ONLINE", null), new Database(3, "model", "ONLINE", null),
				new Database(4, "msdb", "ONLINE", null)));
		return state;
	}

	/**
	 * @param state {@code sys.databases.state_desc}: ONLINE, RESTORING, ...
	 * @param redoStartLsn LSN the next log backup must contain, null when ONLINE
	 * @param standby restored WITH STANDBY: ONLINE and read-only, yet more logs can follow
	 * ({@code is_in_standby}, {@code is_read_only})
	 */
	public record Database(int id, String name, String state, String redoStartLsn, boolean standby) {

		public Database(int id, String name, String state, String redoStartLsn) {
			this(id, name, state, redoStartLsn, false);
		}

		/** Any restore ending WITH RECOVERY or NORECOVERY leaves standby. */
		Database withState(String newState, String newRedoLsn) {
			return new Database(id, name, newState, newRedoLsn, false);
		}
	}

	/**
	 * The secondary's row of msdb.dbo.log_shipping_secondary: its copy and restore jobs and its monitor server.
	 *
	 * @param lastCopiedDate when the copy job copied {@code lastCopiedFile}
	 */
	public record LogShippingSecondary(UUID secondaryId, String primaryServer, String primaryDatabase,
			String backupSourceDirectory, String backupDestinationDirectory, String lastCopiedFile,
			Instant lastCopiedDate, UUID copyJobId, UUID restoreJobId, String monitorServer) {
	}

	/**
	 * @param standbyMode restore_mode 1: the restore job restores WITH STANDBY (0: WITH NORECOVERY)
	 * @param lastRestoredDate when the restore job restored {@code lastRestoredFile}, as restorehistory records it
	 */
	public record LogShippingSecondaryDatabase(String secondaryDatabase, UUID secondaryId, String lastRestoredFile,
			Instant lastRestoredDate, boolean standbyMode, boolean disconnectUsers) {
	}

	/** @param lastRestoredLatency minutes from the last restored backup's creation to its restore, null at first */
	public record LogShippingMonitorSecondary(String secondaryServer, String secondaryDatabase, UUID secondaryId,
			String primaryServer, String primaryDatabase, String lastCopiedFile, Instant lastCopiedDate,
			String lastRestoredFile, Instant lastRestoredDate, Integer lastRestoredLatency) {
	}

	public record LogShippingPrimaryDatabase(UUID primaryId, String primaryDatabase, String backupDirectory,
			String backupShare, int backupRetentionPeriod, UUID backupJobId, String monitorServer) {
	}

	public record LogShippingPrimarySecondary(UUID primaryId, String secondaryServer, String secondaryDatabase) {
	}

	/** @param scheduleId null until sp_attach_schedule; scheduleMinutes its freq_subday_interval */
	public record AgentJob(UUID jobId, String name, boolean enabled, Integer scheduleId, Integer scheduleMinutes) {
	}

	/** A user session of another client, e.g. a Persistent Chat front end connected to mgc. */
	public record ClientSession(int sessionId, String database, String loginName, String hostName,
			String programName) {
	}

	/**
	 * One restore, as msdb.dbo.restorehistory, backupset and backupmediafamily record it (one id for all three).
	 *
	 * @param restoreType {@code L} log, {@code D} database
	 * @param backupFinishDate when the backup restored finished, null for a restore without one (WITH RECOVERY) and
	 * in states written before the lab kept it
	 */
	public record RestoreHistory(int id, Instant restoreDate, String destinationDatabase, String restoreType,
			String physicalDeviceName, String firstLsn, String lastLsn, boolean recovery, Instant backupFinishDate) {
	}

	/** The scenario's sizing, the default in states written before the lab kept it. */
	LabSizing sizing() {
		return sizing == null ? LabSizing.DEFAULT : sizing;
	}

	/** When the newest log backup restored into the database finished, null when none is known. */
	Instant restoredUpTo(String databaseName) {
		return restoreHistory.stream()
			.filter(r -> r.destinationDatabase().equalsIgnoreCase(databaseName) && "L".equals(r.restoreType()))
			.map(RestoreHistory::backupFinishDate).filter(java.util.Objects::nonNull).max(Instant::compareTo)
			.orElse(null);
	}

	/**
	 * This instance's side of a mirroring session.
	 *
	 * @param role {@code PRINCIPAL} or {@code MIRROR} (mirroring_role_desc)
	 * @param state {@code SYNCHRONIZED}, {@code SYNCHRONIZING}, {@code SUSPENDED}, ... (mirroring_state_desc)
	 * @param partnerName the partner's server network address, {@code TCP://host:port}
	 * @param partnerInstance the partner's {@code @@SERVERNAME}, e.g. {@code DAL-SQL-MR\PCHAT}
	 */
	public record Mirroring(int databaseId, UUID guid, String role, String state, String partnerName,
			String partnerInstance) {
	}

	/**
	 * A RESTORE LOG that was interrupted and did not complete processing on its file: until that file is restored
	 * again, any other RESTORE LOG into the database fails with 4319 naming it.
	 *
	 * @param device the backup file, as the interrupted statement named it
	 * @param checkpointFile the restart-checkpoint file RESTART would continue from, null when there is none
	 */
	public record InterruptedRestore(String database, String device, String checkpointFile) {
	}

	/**
	 * What a login may do on the instance.
	 *
	 * @param serverRoles fixed server roles it is a member of ({@code sysadmin}, {@code processadmin}, ...)
	 * @param serverPermissions server permissions granted to it directly ({@code CREATE ANY DATABASE}, ...)
	 * @param ownedDatabases databases it owns (dbo; sys.databases.owner_sid)
	 * @param readableDatabases databases whose tables it may SELECT from (e.g. msdb)
	 */
	public record LoginRights(String login, List<String> serverRoles, List<String> serverPermissions,
			List<String> ownedDatabases, List<String> readableDatabases) {

		public static LoginRights sysadmin(String login) {
			return new LoginRights(login, List.of("sysadmin"), List.of(), List.of(), List.of());
		}

		public boolean isMemberOf(String role) {
			return serverRoles.stream().anyMatch(role::equalsIgnoreCase);
		}

		public boolean isGranted(String permission) {
			return serverPermissions.stream().anyMatch(permission::equalsIgnoreCase);
		}

		public boolean mayRead(String database) {
			return readableDatabases.stream().anyMatch(database::equalsIgnoreCase);
		}
	}

	/**
	 * The login's rights, null for a login the instance does not know. The lab login and the databases' owner are
	 * sysadmin unless the scenario lists them otherwise.
	 */
	LoginRights rightsOf(String login) {
		return logins.stream().filter(l -> l.login().equalsIgnoreCase(login)).findFirst()
			.orElse(LabSqlEngine.LOGIN.equalsIgnoreCase(login) || LoginPermissions.OWNER.equalsIgnoreCase(login)
					? LoginRights.sysadmin(login) : null);
	}

	/** The database's interrupted restore, null when there is none. */
	InterruptedRestore interruptedRestoreOf(String databaseName) {
		return interruptedRestores.stream().filter(r -> r.database().equalsIgnoreCase(databaseName)).findFirst()
			.orElse(null);
	}

	/** The database's mirroring session, null when it is not mirrored. */
	public Mirroring mirroringOf(int databaseId) {
		return mirroring.stream().filter(m -> m.databaseId() == databaseId).findFirst().orElse(null);
	}

	Database database(String name) {
		return databases.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst().orElse(null);
	}

	void replace(Database database) {
		databases.replaceAll(d -> d.id() == database.id() ? database : d);
	}

}
