package org.pchatfailover.sqlserver;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.pchatfailover.sqlserver.FailoverPlan.DataLossWindow;
import org.pchatfailover.sqlserver.FailoverPlan.LogChainGap;

/**
 * SQL Server's log-chain rules, without a server: given the database's redo LSN and the headers of the log
 * backups at hand, which are applied already (LastLSN at or before the redo LSN), which to restore and in what
 * order (each must start at or before the LSN the previous one ends at, and end after it), and where the chain
 * breaks (the next log starts after that LSN: restoring it would fail with 4305).
 */
public final class LogChain {

	private LogChain() {
	}

	/**
	 * @param toApply logs to restore, in order
	 * @param alreadyApplied logs whose LastLSN is at or before the redo LSN
	 * @param gap where the chain breaks, null when it does not
	 * @param dataLoss what recovering after the restores would lose
	 */
	public record Analysis(List<BackupHeader> toApply, List<BackupHeader> alreadyApplied, LogChainGap gap,
			DataLossWindow dataLoss) {
	}

	public static Analysis analyse(BigInteger redoLsn, List<BackupHeader> logs) {
		Objects.requireNonNull(redoLsn, "redo LSN");
		List<BackupHeader> sorted = new ArrayList<>(logs);
		sorted.sort(Comparator.comparing(BackupHeader::firstLsn).thenComparing(BackupHeader::lastLsn));
		List<BackupHeader> applied = new ArrayList<>();
		List<BackupHeader> toApply = new ArrayList<>();
		BigInteger next = redoLsn;
		LogChainGap gap = null;
		List<BackupHeader> beyondGap = new ArrayList<>();
		for (BackupHeader log : sorted) {
			if (log.lastLsn().compareTo(redoLsn) <= 0) {
				applied.add(log);
			}
			else if (gap != null) {
				beyondGap.add(log);
			}
			else if (log.lastLsn().compareTo(next) <= 0) {
				continue; // covered by a log already chosen (an overlapping copy-only or duplicate backup)
			}
			else if (log.firstLsn().compareTo(next) <= 0) {
				toApply.add(log);
				next = log.lastLsn();
			}
			else {
				gap = new LogChainGap(next.toString(), log.fileName(), log.firstLsn().toString());
				beyondGap.add(log);
			}
		}
		return new Analysis(toApply, applied, gap, dataLoss(redoLsn, applied, toApply, beyondGap, gap));
	}

	private static DataLossWindow dataLoss(BigInteger redoLsn, List<BackupHeader> applied,
			List<BackupHeader> toApply, List<BackupHeader> beyondGap, LogChainGap gap) {
		Instant lastRecoverable = latest(toApply.isEmpty() ? applied : toApply);
		if (gap == null) {
			return new DataLossWindow(lastRecoverable, null, "no log backup is lost: transactions up to "
					+ describe(lastRecoverable)
					+ " are recovered; only what the primary did after its last log backup is lost");
		}
		List<BackupHeader> recovered = new ArrayList<>(applied);
		recovered.addAll(toApply);
		return new DataLossWindow(lastRecoverable, latest(beyondGap),
				DataLossStatement.of(redoLsn, recovered, beyondGap.get(0), beyondGap));
	}

	private static Instant latest(List<BackupHeader> logs) {
		return logs.stream().map(BackupHeader::backupFinishDate).filter(Objects::nonNull).max(Comparator.naturalOrder())
			.orElse(null);
	}

	private static String describe(Instant at) {
		return at == null ? "the last restore" : at.toString();
	}

}
