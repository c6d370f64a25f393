package org.pchatfailover.lab.sql.engine;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.pchatfailover.lab.sql.engine.LabSqlState.Database;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * Full database backups: {@code BACKUP DATABASE db TO DISK = device} writes a backup file (BackupType 1) that RESTORE
 * HEADERONLY and VERIFYONLY read, and {@code RESTORE DATABASE db FROM DISK = device WITH [REPLACE,] RECOVERY |
 * NORECOVERY} restores it: over an existing database of another name only WITH REPLACE (3154), over an ONLINE one
 * only WITH REPLACE (3159, the tail of the log not backed up), with exclusive access (3101). A restore WITH NORECOVERY
 * leaves the database RESTORING at the backup's last LSN, ready for the logs that follow (log shipping's secondary).
 */
final class DatabaseBackups {

	/** The options the lab understands; anything else is its limit. */
	private static final Set<String> BACKUP_OPTIONS = Set.of("INIT", "FORMAT", "CHECKSUM", "COPY_ONLY", "COMPRESSION",
			"STATS", "SKIP", "NOREWIND", "NOUNLOAD");

	// a full backup's LSNs in the lab: after every log the lab scenarios write, growing with the clock
	private static final BigInteger LSN_BASE = new BigInteger("90000000000000001");

	private static final BigInteger LSN_SPAN = new BigInteger("800000000");

	private static final int PAYLOAD = 8192;

	private final LabStateStore store;

	private final BackupDevices devices;

	private final Clock clock;

	private final String serverName;

	private final RestoreExecutor restores;

	DatabaseBackups(LabStateStore store, BackupDevices devices, Clock clock, String serverName,
			RestoreExecutor restores) {
		this.store = store;
		this.devices = devices;
		this.clock = clock;
		this.serverName = serverName;
		this.restores = restores;
	}

	List<Outcome> backupDatabase(String databaseName, String device, List<String> options) {
		String statement = "BACKUP DATABASE";
		options.stream().filter(o -> !BACKUP_OPTIONS.contains(o)).findFirst().ifPresent(o -> {
			throw new SqlException(SqlErrors.notSimulated("BACKUP DATABASE WITH " + o));
		});
		Database database = store.read(state -> state.database(databaseName));
		if (database == null) {
			throw RestoreExecutor.failed(statement, SqlErrors.databaseNotFound(databaseName));
		}
		if (!"ONLINE".equals(database.state())) {
			throw RestoreExecutor.failed(statement, SqlErrors.databaseRestoring(database.name()));
		}
		Path file = devices.resolve(device);
		if (file == null || !Files.isDirectory(file.getParent())) {
			throw RestoreExecutor.failed(statement, SqlErrors.cannotOpenDevice(device,
					"3(The system cannot find the path specified.)"));
		}
		if (Files.exists(file) && !options.contains("INIT") && !options.contains("FORMAT")) {
			// NOINIT appends a backup set; the lab's files hold one
			throw new SqlException(SqlErrors.notSimulated("BACKUP DATABASE appending to an existing backup file"));
		}
		Instant started = clock.instant();
		BigInteger first = LSN_BASE.add(BigInteger.valueOf(started.toEpochMilli()).multiply(LSN_SPAN));
		BackupFile backup = new BackupFile(database.name(), 1, first, first.add(LSN_SPAN), started, clock.instant(),
				serverName);
		try {
			backup.write(file, PAYLOAD);
		}
		catch (IOException ex) {
			throw RestoreExecutor.failed(statement, SqlErrors.cannotOpenDevice(device, "5(Access is denied.)"));
		}
		return RestoreExecutor.succeeded(statement, database.name());
	}

	List<Outcome> restoreFromDisk(String databaseName, String device, boolean recovery, boolean replace,
			SessionRegistry sessions) {
		String statement = "RESTORE DATABASE";
		BackupFile backup = restores.open(device, statement, false);
		if (backup.backupType() != 1) {
			throw new SqlException(SqlErrors.notSimulated("RESTORE DATABASE from a backup that is not a full backup"));
		}
		return store.change(state -> {
			Database existing = state.database(databaseName);
			Database restored;
			if (existing != null) {
				restores.requireExclusive(state, sessions, existing, statement);
				if (!replace && !backup.databaseName().equalsIgnoreCase(existing.name())) {
					throw RestoreExecutor.failed(statement, SqlErrors.otherDatabase(existing.name()));
				}
				if (!replace && "ONLINE".equals(existing.state())) {
					throw RestoreExecutor.failed(statement, SqlErrors.tailLogNotBackedUp(existing.name()));
				}
				if (state.mirroringOf(existing.id()) != null) {
					throw new SqlException(SqlErrors.notSimulated("RESTORE DATABASE over a mirrored database"));
				}
				restored = new Database(existing.id(), existing.name(), recovery ? "ONLINE" : "RESTORING",
						recovery ? null : backup.lastLsn().toString());
				state.replace(restored);
			}
			else {
				int id = state.databases.stream().mapToInt(Database::id).max().orElse(4) + 1;
				restored = new Database(id, databaseName, recovery ? "ONLINE" : "RESTORING",
						recovery ? null : backup.lastLsn().toString());
				state.databases.add(restored);
			}
			state.interruptedRestores.removeIf(r -> r.database().equalsIgnoreCase(databaseName));
			restores.record(state, restored, "D", device, backup, recovery);
			return RestoreExecutor.succeeded(statement, restored.name());
		});
	}

}
