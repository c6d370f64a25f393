package org.pchatfailover.sqlserver;

import java.time.Instant;
import java.util.Map;

import org.pchatfailover.i18n.DisplaySentences;

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

	/**
	 * The plan in words, for the ConfirmFailback form: one {@code display.failbackPlan.*} template a line
	 * ({@link DisplaySentences}), so the form says it in the reader's language. The mirroring role is a value as
	 * {@link DatabaseMirroringRow#summary()} says it.
	 */
	public String summary(String database) {
		Map<String, String> values = Map.of("database", database, "primary", primaryInstance, "primaryState",
				primaryDatabaseState, "backup", backupInstance, "backupState", backupDatabaseState, "mirroring",
				backupMirroring, "file", backupFile, "share", logShippingShare, "copyFolder", copyFolder, "time",
				String.valueOf(checkedAt));
		return DisplaySentences.english("failbackPlan.overwrite", values) + "\n"
				+ DisplaySentences.english("failbackPlan.logShipping", values) + "\n"
				+ DisplaySentences.english("failbackPlan.readAt", values);
	}

}
