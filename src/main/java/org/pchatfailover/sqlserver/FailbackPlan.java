package org.pchatfailover.sqlserver;

import java.time.Instant;

/**
 * What a failback will overwrite and from what, shown in ConfirmFailback before anything irreversible happens.
 *
 * @param checkedAt when the plan was read
 * @param backupInstance the backup instance, the pool's database there ONLINE and serving since the failover
 * @param backupDatabaseState state of the pool's database on the backup instance
 * @param backupMirroring its mirroring role and partner (RemoveMirroring ends it), "not mirrored" when none
 * @param primaryInstance the rebuilt primary instance whose database RestorePrimaryDatabase overwrites
 * @param primaryDatabaseState state of the pool's database on the primary instance (ONLINE after the rebuild)
 * @param backupFile the full backup BackupDatabase writes to the log-shipping share and the primary restores
 * @param logShippingShare the log-shipping backup share, as the backup instance's history names it
 * @param copyFolder the copy destination on the backup instance, log shipping's again after the failback
 */
public record FailbackPlan(Instant checkedAt, String backupInstance, String backupDatabaseState,
		String backupMirroring, String primaryInstance, String primaryDatabaseState, String backupFile,
		String logShippingShare, String copyFolder) {

	/** The plan in words, for the ConfirmFailback form. */
	public String summary(String database) {
		return "Overwrites " + database + " on the primary instance " + primaryInstance + " (now "
				+ primaryDatabaseState + ") with a full backup of " + database + " on the backup instance "
				+ backupInstance + " (now " + backupDatabaseState + ", " + backupMirroring + "), taken after you"
				+ " approve, written to " + backupFile + ".\nThen log shipping runs again from " + primaryInstance
				+ " through " + logShippingShare + " to " + copyFolder + "; " + database + " on " + backupInstance
				+ " is overwritten by a fresh full backup of the primary and left RESTORING.\nPlan read at "
				+ checkedAt + ".";
	}

}
