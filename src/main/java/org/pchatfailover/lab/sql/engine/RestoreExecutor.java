package org.pchatfailover.lab.sql.engine;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.sql.engine.LabSqlState.Database;
import org.pchatfailover.lab.sql.engine.LabSqlState.InterruptedRestore;
import org.pchatfailover.lab.sql.engine.LabSqlState.RestoreHistory;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.errors.SqlMessage;

/**
 * RESTORE HEADERONLY, RESTORE LOG and RESTORE DATABASE with SQL Server's rules: a log applies when its FirstLSN
 * is at or before the database's redo LSN and its LastLSN after it (4305 when it starts too late, 4326 when it
 * ends too early); WITH RECOVERY, and any restore into a STANDBY database, needs exclusive access (3101); after an
 * interrupted RESTORE LOG only that file may be restored (4319). Every failure is followed by 3013. A device on a
 * share whose folder is gone is on a share the instance cannot reach (error 53), a local path in a folder the lab's
 * disks lack gets error 3. The scenario's {@link LabSizing} sets how long reading a log backup from the other data
 * centre and restoring one take.
 */
final class RestoreExecutor {

	static final int PAGES = 24;

	private final LabStateStore store;

	private final BackupDevices devices;

	private final Clock clock;

	private final DatabaseBackups backups;

	RestoreExecutor(LabStateStore store, BackupDevices devices, Clock clock, String serverName) {
		this.store = store;
		this.devices = devices;
		this.clock = clock;
		this.backups = new DatabaseBackups(store, devices, clock, serverName, this);
	}

	/** BACKUP DATABASE and RESTORE DATABASE ... FROM DISK: full backups. */
	DatabaseBackups backups() {
		return backups;
	}

	/**
	 * RESTORE HEADERONLY (the backup set's header), FILELISTONLY (the database files it holds) or VERIFYONLY (the
	 * whole backup read and checked: "The backup set on file 1 is valid.", or 3013 "VERIFY DATABASE is terminating
	 * abnormally.").
	 */
	List<Outcome> inspect(String what, String device) {
		return switch (what) {
			case "HEADERONLY" -> List.of(new Outcome.Rows(HeaderOnlyColumns.COLUMNS,
					List.of(HeaderOnlyColumns.row(open(device, "RESTORE HEADERONLY", true), sizeOf(device)))));
			case "FILELISTONLY" -> List.of(new Outcome.Rows(FileListColumns.COLUMNS,
					FileListColumns.rows(open(device, "RESTORE FILELISTONLY", true))));
			default -> {
				open(device, "VERIFY DATABASE", false);
				yield List.of(new Outcome.Info(SqlErrors.backupSetValid(1)), new Outcome.Done(-1));
			}
		};
	}

	/**
	 * @param restart WITH RESTART: continue an interrupted restore of this file from its restart-checkpoint file, or
	 * from the beginning (with 3018) when there is none
	 */
	List<Outcome> restoreLog(String databaseName, String device, boolean recovery, boolean restart,
			SessionRegistry sessions) {
		String statement = "RESTORE LOG";
		BackupFile backup = open(device, statement, false);
		// outside the state's lock: a slow restore must not hold up the DBA's queries
		pause(store.read(LabSqlState::sizing).restoreMs());
		return store.change(state -> {
			Database database = restoringDatabase(state, databaseName, statement);
			InterruptedRestore interrupted = state.interruptedRestoreOf(database.name());
			// the references do not say whether SQL Server compares the file by path or by backup set: by path here
			if (interrupted != null && !interrupted.device().equalsIgnoreCase(device)) {
				throw failed(statement, SqlErrors.restoreInterrupted(interrupted.device()));
			}
			// a standby database is open to readers: any restore into it needs them gone (disconnect_users)
			if (recovery || database.standby()) {
				requireExclusive(state, sessions, database, statement);
			}
			if (!backup.databaseName().equalsIgnoreCase(database.name()) || backup.backupType() != 2) {
				throw failed(statement, SqlErrors.otherDatabase(database.name()));
			}
			if (interrupted == null) {
				requireNextInChain(statement, backup, new BigInteger(database.redoStartLsn()));
			}
			List<Outcome> outcomes = new ArrayList<>();
			if (restart && (interrupted == null || interrupted.checkpointFile() == null)) {
				outcomes.add(new Outcome.Info(SqlErrors.restartCheckpointNotFound(checkpointFile(database))));
			}
			state.interruptedRestores.remove(interrupted);
			state.replace(recovery ? database.withState("ONLINE", null)
					: database.withState("RESTORING", backup.lastLsn().toString()));
			record(state, database, "L", device, backup, recovery);
			outcomes.addAll(succeeded(statement, database.name()));
			return outcomes;
		});
	}

	private static void requireNextInChain(String statement, BackupFile backup, BigInteger redo) {
		if (backup.firstLsn().compareTo(redo) > 0) {
			throw failed(statement, SqlErrors.logTooRecent(backup.firstLsn().toString(), redo.toString()));
		}
		if (backup.lastLsn().compareTo(redo) <= 0) {
			throw failed(statement, SqlErrors.logTooEarly(backup.lastLsn().toString(), redo.toString()));
		}
	}

	/**
	 * Where the lab keeps a database's restart-checkpoint file. The references name no such path (3017, 3018, 3019
	 * and 3028 only show it as '%ls'): this one is the lab's, beside the data files sys.master_files shows.
	 */
	static String checkpointFile(Database database) {
		return "D:\\SQLData\\" + database.name() + "_restart.ckp";
	}

	List<Outcome> restoreDatabaseWithRecovery(String databaseName, SessionRegistry sessions) {
		String statement = "RESTORE DATABASE";
		// recovery takes its time too (the undo phase): the same restoreMs as each log, outside the state's lock
		pause(store.read(LabSqlState::sizing).restoreMs());
		return store.change(state -> {
			Database database = state.database(databaseName);
			if (database == null) {
				throw failed(statement, SqlErrors.databaseNotFound(databaseName));
			}
			// a STANDBY database is ONLINE yet not recovered: WITH RECOVERY brings it out of standby
			if ("ONLINE".equals(database.state()) && !database.standby()) {
				throw failed(statement, SqlErrors.alreadyRecovered());
			}
			requireExclusive(state, sessions, database, statement);
			state.replace(database.withState("ONLINE", null));
			record(state, database, "D", null, null, true);
			return succeeded(statement, database.name());
		});
	}

	/** @param headerOnly read the header only (RESTORE HEADERONLY), not the whole backup set (RESTORE LOG) */
	BackupFile open(String device, String statement, boolean headerOnly) {
		Path file = devices.resolve(device);
		// a UNC path on a share whose folder is gone (lab fault share-unreachable) is a share the instance cannot
		// reach; any other path a folder the lab's disks lack
		if (file == null || !Files.isDirectory(file.getParent())) {
			throw failed(statement, SqlErrors.cannotOpenDevice(device, device != null && device.startsWith("\\\\")
					? "53(The network path was not found.)" : "3(The system cannot find the path specified.)"));
		}
		if (devices.isRemote(device)) {
			pause(store.read(LabSqlState::sizing).copyMs());
		}
		try {
			return headerOnly ? BackupFile.readHeader(file) : BackupFile.read(file);
		}
		catch (NoSuchFileException ex) {
			throw failed(statement,
					SqlErrors.cannotOpenDevice(device, "2(The system cannot find the file specified.)"));
		}
		catch (IOException ex) {
			throw failed(statement, SqlErrors.cannotOpenDevice(device, "5(Access is denied.)"));
		}
		catch (IllegalArgumentException ex) {
			throw failed(statement, SqlErrors.mediaIncorrectlyFormed(device));
		}
	}

	/** The file's length for HEADERONLY's BackupSize ("size of the backup, in bytes"); opened already, so it exists. */
	private long sizeOf(String device) {
		try {
			return Files.size(devices.resolve(device));
		}
		catch (IOException ex) {
			throw failed("RESTORE HEADERONLY", SqlErrors.cannotOpenDevice(device, "5(Access is denied.)"));
		}
	}

	private static void pause(int millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // the lab is stopping: answer at once
		}
	}

	private Database restoringDatabase(LabSqlState state, String name, String statement) {
		Database database = state.database(name);
		if (database == null) {
			throw failed(statement, SqlErrors.databaseNotFound(name));
		}
		boolean rollsForward = "RESTORING".equals(database.state()) || database.standby();
		if (!rollsForward || database.redoStartLsn() == null) {
			throw failed(statement, SqlErrors.noFilesReadyToRollForward());
		}
		return database;
	}

	void requireExclusive(LabSqlState state, SessionRegistry sessions, Database database, String statement) {
		if (sessions.userSessionsIn(state, database.name()) > 0) {
			throw failed(statement, SqlErrors.databaseInUse());
		}
	}

	void record(LabSqlState state, Database database, String type, String device, BackupFile backup,
			boolean recovery) {
		int id = state.restoreHistory.stream().mapToInt(RestoreHistory::id).max().orElse(0) + 1;
		state.restoreHistory.add(new RestoreHistory(id, clock.instant(), database.name(), type, device,
				backup == null ? null : backup.firstLsn().toString(),
				backup == null ? null : backup.lastLsn().toString(), recovery,
				backup == null ? null : backup.backupFinishDate()));
	}

	static List<Outcome> succeeded(String statement, String database) {
		List<Outcome> outcomes = new ArrayList<>();
		outcomes.add(new Outcome.Info(SqlErrors.pagesProcessed(PAGES, database, database + "_log")));
		outcomes.add(new Outcome.Info(SqlErrors.restoreSucceeded(statement, PAGES)));
		outcomes.add(new Outcome.Done(-1));
		return outcomes;
	}

	static SqlException failed(String statement, SqlMessage cause) {
		return new SqlException(cause, SqlErrors.terminating(statement));
	}

}
