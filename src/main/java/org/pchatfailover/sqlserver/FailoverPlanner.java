package org.pchatfailover.sqlserver;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupShareAdapter;
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

	private final BackupShareAdapter share;

	private final BackupHeaders headers;

	FailoverPlanner(Pool pool, SqlServerConnection sql, BackupShareAdapter share, ActionLog actions,
			BackupHeaders headers) {
		this.pool = pool;
		this.sql = sql;
		this.share = share;
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
		LogBackupCandidates candidates = LogBackupCandidates.collect(pool, sql, share, folders, headers, actions);
		LogChain.Analysis chain = status.isRestoring() ? LogChain.analyse(status.redoStartLsn(), candidates.logs())
				: null;
		return new FailoverPlan(pool.fqdn(), database, sql.instance(), status.describe(),
				status.redoStartLsn() == null ? null : status.redoStartLsn().toString(), folders.source(),
				folders.destination(), config.map(LogShippingConfig::lastCopiedFile).orElse(null),
				config.map(LogShippingConfig::lastRestoredFile).orElse(null), candidates.toCopy(),
				chain == null ? List.of() : chain.toApply().stream().map(BackupHeader::toLogBackup).toList(),
				chain == null ? List.of() : chain.alreadyApplied().stream().map(BackupHeader::toLogBackup).toList(),
				chain == null ? null : chain.gap(), chain == null ? null : chain.dataLoss(), now);
	}

}
