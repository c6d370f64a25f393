package org.pchatfailover.sqlserver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.SharePaths;
import org.pchatfailover.topology.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Failback steps 2 to 4 of "Failing back Persistent Chat Server" (Lync Server 2013): remove mirroring of mgc and
 * mgccomp on the backup instance, back mgc up to the log-shipping share, restore it over the primary's rebuilt mgc.
 * Each step checks, acts, verifies; done already, it records the evidence and skips.
 */
@Service
public class FailbackDatabaseService {

	/** The compliance database Topology Builder installs beside mgc; the article removes its mirroring too. */
	public static final String COMPLIANCE_DATABASE = "mgccomp";

	private static final Logger log = LoggerFactory.getLogger(FailbackDatabaseService.class);

	private final SqlServerAdapter sqlServer;

	public FailbackDatabaseService(SqlServerAdapter sqlServer) {
		this.sqlServer = sqlServer;
	}

	/**
	 * CheckFailbackPreconditions: the backup database ONLINE (the pool serves from it), the primary instance reachable
	 * with the database rebuilt, and the log-shipping folders, still told by the backup instance's restore history.
	 *
	 * @param backupFileName the name of the full backup step 3 writes to the share, the same for every retry
	 */
	public FailbackPlan planFailback(Pool pool, Instant now, String backupFileName, ActionLog actions) {
		if (!pool.canFailBack()) {
			throw new IllegalStateException("pool " + pool.fqdn() + " has no primary-sql (with jdbc-url) or"
					+ " primary-data-center in pchat.pools[]: configure the rebuilt primary instance, then retry");
		}
		String database = pool.database();
		try (SqlServerConnection backup = sqlServer.connect(pool.backupSql(), actions)) {
			DatabaseStatus backupStatus = FailoverPlanner.requireDatabase(backup, database);
			if (!backupStatus.isRecovered() || backupStatus.isStandby()) {
				throw new IllegalStateException(database + " on " + backup.instance() + " is "
						+ backupStatus.describe() + ", not ONLINE: a failback starts from the database the pool"
						+ " serves from after a failover");
			}
			String mirroring = backup.readDatabaseMirroring(database)
				.filter(m -> m.role() != null)
				.map(DatabaseMirroringRow::summary)
				.orElse("not mirrored");
			LogShippingFolders folders = LogShippingFolders.resolve(pool, backup);
			if (folders.source() == null) {
				throw new IllegalStateException("the log-shipping share of " + database + " cannot be told from "
						+ backup.instance() + "'s restore history and pchat.pools[].shares: configure both shares");
			}
			try (SqlServerConnection primary = sqlServer.connect(pool.primarySql(), actions)) {
				DatabaseStatus primaryStatus = FailoverPlanner.requireDatabase(primary, database);
				String file = SharePaths.device(folders.source(), backupFileName);
				return new FailbackPlan(now, backup.instance(), backupStatus.describe(), mirroring,
						primary.instance(), primaryStatus.describe(), file, folders.source(), folders.destination());
			}
		}
	}

	/** RemoveMirroring: {@code SET PARTNER OFF} for mgc and mgccomp where a session exists; verified gone. */
	public void removeMirroring(Pool pool, ActionLog actions) {
		try (SqlServerConnection backup = sqlServer.connect(pool.backupSql(), actions)) {
			FailbackStatements statements = new FailbackStatements(backup);
			for (String database : List.of(pool.database(), COMPLIANCE_DATABASE)) {
				if (backup.readDatabaseStatus(database).isEmpty()) {
					record(actions, backup, "mirroring of " + database, "no such database here, nothing to remove");
					continue;
				}
				if (mirroring(backup, database).isEmpty()) {
					record(actions, backup, "mirroring of " + database, "not mirrored, nothing to remove");
					continue;
				}
				statements.setPartnerOff(database);
				mirroring(backup, database).ifPresent(left -> {
					throw new IllegalStateException("ALTER DATABASE " + database + " SET PARTNER OFF ran on "
							+ backup.instance() + " but sys.database_mirroring still shows " + left.summary());
				});
				log.info("RemoveMirroring pool {}: mirroring of {} on {} removed", pool.fqdn(), database,
						backup.instance());
			}
		}
	}

	/**
	 * BackupDatabase: a full backup of the backup instance's database to the planned file, verified with
	 * RESTORE VERIFYONLY and HEADERONLY. A full backup of the database already there is kept.
	 */
	public BackupHeader backupDatabase(Pool pool, String file, ActionLog actions) {
		try (SqlServerConnection backup = sqlServer.connect(pool.backupSql(), actions)) {
			FailbackStatements statements = new FailbackStatements(backup);
			Optional<BackupHeader> existing = statements.readBackupHeader(file);
			if (existing.filter(h -> isFullBackupOf(h, pool.database())).isPresent()) {
				log.info("BackupDatabase pool {}: {} already holds a full backup of {}, kept", pool.fqdn(), file,
						pool.database());
				return existing.get();
			}
			statements.backupDatabase(pool.database(), file);
			statements.verifyBackup(file);
			BackupHeader header = statements.readBackupHeader(file)
				.filter(h -> isFullBackupOf(h, pool.database()))
				.orElseThrow(() -> new IllegalStateException("BACKUP DATABASE ran but " + file
						+ " holds no full backup of " + pool.database() + " (RESTORE HEADERONLY)"));
			log.info("BackupDatabase pool {}: full backup of {} written to {}", pool.fqdn(), pool.database(), file);
			return header;
		}
	}

	/**
	 * RestorePrimaryDatabase: {@code RESTORE DATABASE ... FROM DISK = file WITH REPLACE, RECOVERY} on the primary,
	 * verified ONLINE. Done already when the database is ONLINE and its newest full restore came from this file.
	 */
	public void restorePrimaryDatabase(Pool pool, String file, ActionLog actions) {
		try (SqlServerConnection primary = sqlServer.connect(pool.primarySql(), actions)) {
			FailbackStatements statements = new FailbackStatements(primary);
			if (restoredFrom(primary, statements, pool.database(), file)) {
				record(actions, primary, "restore of " + pool.database(), "already restored from " + file
						+ " and ONLINE, nothing to do");
				return;
			}
			statements.restoreReplaceRecovery(pool.database(), file);
			DatabaseStatus after = FailoverPlanner.requireDatabase(primary, pool.database());
			if (!after.isRecovered()) {
				throw new IllegalStateException("RESTORE DATABASE " + pool.database() + " WITH REPLACE, RECOVERY ran"
						+ " on " + primary.instance() + " but the database is " + after.describe());
			}
			log.info("RestorePrimaryDatabase pool {}: {} on {} restored from {}", pool.fqdn(), pool.database(),
					primary.instance(), file);
		}
	}

	/**
	 * ConfirmOverwritePrimary: what the restore overwrites on the primary (state, size, last restore) and the file it
	 * restores (RESTORE HEADERONLY), read right before it. Reads only.
	 */
	public OverwritePreview previewOverwrite(Pool pool, String file, Instant now, ActionLog actions) {
		String database = pool.database();
		try (SqlServerConnection primary = sqlServer.connect(pool.primarySql(), actions)) {
			FailbackStatements statements = new FailbackStatements(primary);
			DatabaseStatus status = FailoverPlanner.requireDatabase(primary, database);
			BackupHeader header = statements.readBackupHeader(file)
				.filter(h -> isFullBackupOf(h, database))
				.orElseThrow(() -> new IllegalStateException(file + " holds no full backup of " + database
						+ " (RESTORE HEADERONLY on " + primary.instance() + "): BackupDatabase writes it"));
			FailbackStatements.BackupOrigin origin = statements.readBackupOrigin(file);
			Instant lastRestore = statements.readLastRestoreDate(database)
				.map(at -> at.toInstant(primary.serverOffset()))
				.orElse(null);
			return new OverwritePreview(now, primary.instance(), database, status.describe(),
					statements.readDatabaseSizeKb(database).orElse(null), lastRestore, file, header.databaseName(),
					origin.serverName(), origin.sizeBytes(), header.backupFinishDate());
		}
	}

	private static boolean restoredFrom(SqlServerConnection sql, FailbackStatements statements, String database,
			String file) {
		Optional<DatabaseStatus> status = sql.readDatabaseStatus(database);
		return status.filter(DatabaseStatus::isRecovered).isPresent()
				&& statements.readLastDatabaseRestoreDevice(database).filter(file::equalsIgnoreCase).isPresent();
	}

	private static Optional<DatabaseMirroringRow> mirroring(SqlServerConnection sql, String database) {
		return sql.readDatabaseMirroring(database).filter(m -> m.role() != null);
	}

	private static boolean isFullBackupOf(BackupHeader header, String database) {
		return header.backupType() == BackupHeader.DATABASE && database.equalsIgnoreCase(header.databaseName());
	}

	private static void record(ActionLog actions, SqlServerConnection sql, String what, String outcome) {
		actions.record(sql.instance(), "check", what, outcome, true, Duration.ZERO);
	}

}
