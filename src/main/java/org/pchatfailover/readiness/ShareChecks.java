package org.pchatfailover.readiness;

import static org.pchatfailover.readiness.ReadinessCheck.failed;
import static org.pchatfailover.readiness.ReadinessCheck.notChecked;
import static org.pchatfailover.readiness.ReadinessCheck.passed;

import java.util.List;

import org.pchatfailover.backup.BackupShareAdapter;
import org.pchatfailover.sqlserver.FailoverPlan;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * The backup share and the copy destination as this host reaches them (runbook step 2): the share can be listed,
 * and the copy destination can take the files it lacks. Reads only: a listing, file sizes, the file system's
 * free space and the folder's write permission, never a test write.
 */
@Component
class ShareChecks {

	static final String BACKUP_SHARE = "backup-share-readable";

	static final String COPY_DESTINATION = "copy-destination-writable";

	private final BackupShareAdapter share;

	ShareChecks(BackupShareAdapter share) {
		this.share = share;
	}

	/** @param plan the plan a failover would make now, null when the backup instance could not be read */
	List<ReadinessCheck> check(Pool pool, FailoverPlan plan) {
		if (plan == null) {
			String because = "the folders come from msdb on " + pool.backupSql().displayName() + ", which could not be read";
			return List.of(notChecked(BACKUP_SHARE, because), notChecked(COPY_DESTINATION, because));
		}
		return List.of(backupShare(pool, plan.backupSourceDirectory()), copyDestination(pool, plan));
	}

	private ReadinessCheck backupShare(Pool pool, String folder) {
		if (folder == null) {
			return failed(BACKUP_SHARE, "the backup share is not known: msdb has no log-shipping configuration and "
					+ "pchat.pools[].shares names no single other share", "set up log shipping again, or map the "
							+ "primary's backup share in pchat.pools[].shares");
		}
		try {
			List<String> logs = share.listLogBackups(pool, folder);
			return passed(BACKUP_SHARE, folder + " (" + share.localFolder(pool, folder) + "): " + logs.size()
					+ " log backup(s)" + (logs.isEmpty() ? "" : ", newest " + logs.get(logs.size() - 1)));
		}
		catch (RuntimeException ex) {
			return failed(BACKUP_SHARE, ex.getMessage(), "mount " + folder + " on this host with read access and map "
					+ "it in pchat.pools[].shares; during an outage of the primary's data centre the copy destination "
					+ "is what is left");
		}
	}

	private ReadinessCheck copyDestination(Pool pool, FailoverPlan plan) {
		String folder = plan.backupDestinationDirectory();
		try {
			if (!share.isWritable(pool, folder)) {
				return failed(COPY_DESTINATION, folder + " (" + share.localFolder(pool, folder)
						+ ") is not writable by this host", "give the account this app runs as write access to "
								+ share.localFolder(pool, folder));
			}
			long needed = 0;
			for (String name : plan.filesToCopy()) {
				needed += Math.max(0, share.size(pool, plan.backupSourceDirectory(), name));
			}
			long free = share.freeSpace(pool, folder);
			String evidence = folder + ": writable, " + free + " bytes free, the " + plan.filesToCopy().size()
					+ " log backup(s) not yet copied need " + needed + " bytes";
			if (free < needed) {
				return failed(COPY_DESTINATION, evidence, "free at least " + (needed - free) + " bytes on the file "
						+ "system of " + share.localFolder(pool, folder) + ", or the copy step will be refused");
			}
			return passed(COPY_DESTINATION, evidence);
		}
		catch (RuntimeException ex) {
			return failed(COPY_DESTINATION, ex.getMessage(), "mount the copy destination " + folder + " on this host "
					+ "with write access and map it in pchat.pools[].shares");
		}
	}

}
