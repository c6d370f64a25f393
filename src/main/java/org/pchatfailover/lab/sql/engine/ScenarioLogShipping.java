package org.pchatfailover.lab.sql.engine;

import static org.pchatfailover.lab.sql.engine.LabScenarios.DATABASE;
import static org.pchatfailover.lab.sql.engine.LabScenarios.PRIMARY_SERVER;
import static org.pchatfailover.lab.sql.engine.LabScenarios.SECONDARY_SERVER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.pchatfailover.lab.sql.engine.LabSqlState.LogShippingMonitorSecondary;
import org.pchatfailover.lab.sql.engine.LabSqlState.LogShippingSecondary;
import org.pchatfailover.lab.sql.engine.LabSqlState.LogShippingSecondaryDatabase;

/**
 * A scenario's msdb log-shipping rows, consistent with its files and restorehistory: last_copied_date when the copy
 * job copied the last file (half a minute after its backup finished), last_restored_date the restore_date of the
 * last restore, last_restored_latency the minutes from that backup's start to its restore; the backup instance is
 * its own monitor server.
 */
final class ScenarioLogShipping {

	private final String shareUnc;

	private final String copyUnc;

	private final Instant firstBackup;

	ScenarioLogShipping(String shareUnc, String copyUnc, Instant firstBackup) {
		this.shareUnc = shareUnc;
		this.copyUnc = copyUnc;
		this.firstBackup = firstBackup;
	}

	/**
	 * @param copied how many of the log backups the copy job copied
	 * @param restored how many the restore job restored
	 * @param standbyMode restore_mode 1: restored WITH STANDBY
	 */
	void add(LabSqlState state, List<String> names, int copied, int restored, boolean standbyMode) {
		UUID secondaryId = uuid("lab-secondary-" + DATABASE);
		String lastCopied = copyUnc + "\\" + names.get(copied - 1);
		Instant copiedAt = started(firstBackup, copied - 1).plus(LabScenarios.BACKUP_TAKES)
			.plusSeconds(30);
		String lastRestored = copyUnc + "\\" + names.get(restored - 1);
		Instant restoredAt = restoredAt(firstBackup, restored - 1);
		int latency = (int) Duration.between(started(firstBackup, restored - 1), restoredAt).toMinutes();
		state.logShippingSecondary.add(new LogShippingSecondary(secondaryId, PRIMARY_SERVER, DATABASE, shareUnc,
				copyUnc, lastCopied, copiedAt, uuid("lab-copy-job-" + DATABASE), uuid("lab-restore-job-" + DATABASE),
				SECONDARY_SERVER));
		state.logShippingSecondaryDatabases.add(new LogShippingSecondaryDatabase(DATABASE, secondaryId,
				lastRestored, restoredAt, standbyMode, false));
		state.logShippingMonitorSecondary.add(new LogShippingMonitorSecondary(SECONDARY_SERVER, DATABASE,
				secondaryId, PRIMARY_SERVER, DATABASE, lastCopied, copiedAt, lastRestored, restoredAt, latency));
	}

	/** The primary's backup job starts a log backup every fifteen minutes. */
	static Instant started(Instant firstBackup, int index) {
		return firstBackup.plus(Duration.ofMinutes(15L * index));
	}

	/** The restore job restores each log five minutes after its backup started. */
	static Instant restoredAt(Instant firstBackup, int index) {
		return started(firstBackup, index).plus(Duration.ofMinutes(5));
	}

	private static UUID uuid(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
