package org.pchatfailover.sqlserver;

import java.util.List;
import java.util.Optional;

import org.pchatfailover.backup.SharePaths;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Pool.ShareMapping;

/**
 * The backup share and copy destination of a pool's log shipping, as SQL Server names them. Before
 * RemoveLogShipping they come from msdb's configuration; afterwards msdb no longer has it, so they come from the
 * failover plan, which read them before the removal (DESIGN.md: keep it in the plan). Without a plan (a tool, a
 * test) the copy destination is the folder of the newest log restored into the database (restore history
 * survives removal) and the backup share is the pool's other configured share.
 *
 * @param source the primary's backup share, null when it cannot be told any more
 * @param destination the copy destination the database restores from
 * @param evidence where the folders were read, for the action log
 */
public record LogShippingFolders(String source, String destination, String evidence) {

	/** The folders the plan read from msdb before log shipping was removed, or null when it has none. */
	public static LogShippingFolders planned(FailoverPlan plan) {
		return plan == null ? null : known(plan.backupSourceDirectory(), plan.backupDestinationDirectory(),
				"failover plan of " + plan.checkedAt() + " (msdb configuration read before RemoveLogShipping)");
	}

	/** Both folders as recorded somewhere before the removal, or null when either is not known. */
	public static LogShippingFolders known(String source, String destination, String evidence) {
		return (source == null || destination == null) ? null : new LogShippingFolders(source, destination, evidence);
	}

	public static LogShippingFolders resolve(Pool pool, SqlServerConnection sql) {
		return resolve(pool, sql, null);
	}

	/** @param planned the folders of the failover plan, used once msdb no longer has the configuration */
	public static LogShippingFolders resolve(Pool pool, SqlServerConnection sql, LogShippingFolders planned) {
		Optional<LogShippingConfig> config = sql.readLogShippingSecondary(pool.database());
		if (config.isPresent()) {
			return new LogShippingFolders(config.get().backupSourceDirectory(),
					config.get().backupDestinationDirectory(), "msdb log-shipping configuration");
		}
		if (planned != null) {
			return planned;
		}
		String lastDevice = sql.readLastRestoredDevice(pool.database())
			.orElseThrow(() -> new IllegalStateException("log shipping of " + pool.database() + " on "
					+ sql.instance() + " is removed and msdb has no log restore history: the copy destination "
					+ "cannot be determined"));
		String destination = SharePaths.folderOf(lastDevice);
		ShareMapping destinationShare = SharePaths.mappingOf(pool, destination);
		List<ShareMapping> others = pool.shares().stream().filter(m -> m != destinationShare).toList();
		String source = others.size() == 1 ? others.get(0).uncPrefix() : null;
		return new LogShippingFolders(source, destination,
				"msdb restore history (log shipping already removed) and pchat.pools[].shares");
	}

}
