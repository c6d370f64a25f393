package org.pchatfailover.sqlserver;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.pchatfailover.backup.LogBackupFiles;
import org.pchatfailover.backup.SharePaths;
import org.pchatfailover.report.ActionLog;
import org.pchatfailover.topology.Pool;

/**
 * Builds the {@link FailoverPlan} of CheckPreconditions from what the backup instance and the shares show now:
 * msdb's log-shipping configuration, the database's state and redo LSN, and the header of every log backup in
 * the copy destination and on the backup share.
 */
final class FailoverPlanner {

	private final Pool pool;

	private final SqlServerConnection sql;

	private final ActionLog actions;

	private final BackupHeaders headers;

	FailoverPlanner(Pool pool, SqlServerConnection sql, ActionLog actions, BackupHeaders headers) {
		this.pool = pool;
		this.sql = sql;
		this.actions = actions;
		this.headers = headers;
	}

	static DatabaseStatus requireDatabase(SqlServerConnection sql, String database) {
		return sql.readDatabaseStatus(database).orElseThrow(() -> new IllegalStateException(
				"database " + database + " does not exist on " + sql.instance()));
	}

	FailoverPlan plan(Instant now) {
		String database = pool.database();
		// read config first: removal deletes it from msdb
		Optional<LogShippingConfig> config = sql.readLogShippingSecondary(database);
		DatabaseStatus status = requireDatabase(sql, database);
		LogShippingFolders folders = LogShippingFolders.resolve(pool, sql);
		List<String> copied = listFolder(folders.destination());
		List<String> onShare = folders.source() == null ? List.of() : listFolder(folders.source());
		Map<String, BackupHeader> logs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		List<String> filesToCopy = new ArrayList<>();
		for (String name : copied) {
			put(logs, headers.readOne(sql, folders.destination(), name, database, actions));
		}
		for (String name : onShare) {
			if (!logs.containsKey(name)) {
				filesToCopy.add(name); // missing or unreadable in the copy destination
				put(logs, headers.readOne(sql, folders.source(), name, database, actions));
			}
		}
		LogChain.Analysis chain = status.isRestoring()
				? LogChain.analyse(status.redoStartLsn(), new ArrayList<>(logs.values())) : null;
		return new FailoverPlan(pool.fqdn(), database, sql.instance(), status.state(),
				status.redoStartLsn() == null ? null : status.redoStartLsn().toString(), folders.source(),
				folders.destination(), config.map(LogShippingConfig::lastCopiedFile).orElse(null),
				config.map(LogShippingConfig::lastRestoredFile).orElse(null), filesToCopy,
				chain == null ? List.of() : chain.toApply().stream().map(BackupHeader::toLogBackup).toList(),
				chain == null ? List.of() : chain.alreadyApplied().stream().map(BackupHeader::toLogBackup).toList(),
				chain == null ? null : chain.gap(), chain == null ? null : chain.dataLoss(), now);
	}

	private static void put(Map<String, BackupHeader> logs, BackupHeader header) {
		if (header != null) {
			logs.put(header.fileName(), header);
		}
	}

	/** A folder that cannot be listed (the primary's share during a site outage) is recorded, not fatal. */
	private List<String> listFolder(String uncFolder) {
		try {
			Path local = SharePaths.toLocal(pool, uncFolder);
			List<String> names = LogBackupFiles.list(local, pool.database());
			actions.record(uncFolder, "file", "list log backups in " + local, names.size() + " file(s)", true,
					Duration.ZERO);
			return names;
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			actions.record(uncFolder, "file", "list log backups", "unreachable: " + ex.getMessage(), false,
					Duration.ZERO);
			return List.of();
		}
	}

}
