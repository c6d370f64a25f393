package org.pchatfailover.sqlserver;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What recovering after a broken log chain loses, in the words shown in DecideBrokenLogChain's form, the report and
 * the ticketing callback: the missing log backup(s), the last transaction recovered (the last log backup restored,
 * its LastLSN and backup finish time) and that everything after it is lost. One text for all three, so an operator,
 * an auditor and the ticket read the same sentence.
 */
public final class DataLossStatement {

	/** Log shipping's backup file name: {@code <database>_yyyyMMddHHmmss.trn}, the time in UTC (DESIGN.md). */
	private static final Pattern LOG_FILE = Pattern.compile("(.+)_(\\d{14})\\.trn", Pattern.CASE_INSENSITIVE);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	/** More missing names than this are summarised: an operator needs the ends, not a hundred lines. */
	private static final int NAMED_AT_MOST = 5;

	private DataLossStatement() {
	}

	/**
	 * @param redoLsn the database's redo LSN before these logs
	 * @param recovered the log backups restored or to restore before the gap (any order), may be empty
	 * @param firstAfterGap the log backup that starts after the gap, null when none was found
	 * @param beyondGap every log backup after the gap, which cannot be applied
	 */
	static String of(BigInteger redoLsn, List<BackupHeader> recovered, BackupHeader firstAfterGap,
			List<BackupHeader> beyondGap) {
		BackupHeader last = recovered.stream().max(Comparator.comparing(BackupHeader::lastLsn)).orElse(null);
		BigInteger gapStart = last == null ? redoLsn : last.lastLsn();
		StringBuilder text = new StringBuilder("DATA LOSS: ");
		text.append(missing(recovered, last, firstAfterGap, gapStart)).append(". ");
		if (last == null) {
			text.append("The last transaction recovered is at LSN ").append(gapStart)
				.append(", the redo LSN log shipping restored up to before the failover. ");
		}
		else {
			text.append("The last transaction recovered is in ").append(last.fileName()).append(" (LastLSN ")
				.append(last.lastLsn()).append(", backup finished ").append(time(last.backupFinishDate())).append("). ");
		}
		text.append("EVERYTHING AFTER IT IS LOST: ");
		if (!beyondGap.isEmpty()) {
			Instant newest = beyondGap.stream().map(BackupHeader::backupFinishDate).filter(t -> t != null)
				.max(Comparator.naturalOrder()).orElse(null);
			text.append("the missing log backup(s), the ").append(beyondGap.size())
				.append(" log backup(s) after the gap that cannot be applied (up to ").append(time(newest))
				.append("), and whatever the primary did after its last log backup.");
		}
		else {
			text.append("the missing log backup(s) and whatever the primary did after its last log backup.");
		}
		return text.toString();
	}

	/**
	 * SQL Server refused a log as too recent (4305) although the headers said it continues the chain: what is lost
	 * is then only known as "before this file".
	 */
	static String refusedAsTooRecent(BackupHeader refused) {
		return "DATA LOSS: the log backup(s) before " + refused.fileName() + " (FirstLSN " + refused.firstLsn()
				+ ") are missing: SQL Server refused it as too recent (4305). The last transaction recovered is the "
				+ "last log backup restored into the database (its redo LSN). EVERYTHING AFTER IT IS LOST, "
				+ "including " + refused.fileName() + " and every later log backup.";
	}

	private static String missing(List<BackupHeader> recovered, BackupHeader last, BackupHeader next,
			BigInteger gapStart) {
		if (next == null) {
			return "the log backup(s) after LSN " + gapStart + " are missing";
		}
		String range = "LSN " + gapStart + " to " + next.firstLsn();
		if (last == null) {
			return "the log backup(s) before " + next.fileName() + " are missing (" + range + ")";
		}
		List<String> names = namesBetween(recovered, last, next);
		String between = "taken after " + last.fileName() + " and before " + next.fileName() + ", " + range;
		if (names.isEmpty()) {
			return "the log backup(s) " + between + " are missing";
		}
		return "missing " + String.join(", ", names) + " (named by the backup job's schedule: the log backup(s) "
				+ between + ")";
	}

	/**
	 * The names the primary's backup job gave the missing files. The job runs on a fixed schedule and names each file
	 * by its start time (UTC), so when the last two files restored are {@code interval} apart and the gap spans a
	 * whole number of intervals, the missing files' names follow; otherwise none is guessed and the range is said.
	 */
	private static List<String> namesBetween(List<BackupHeader> recovered, BackupHeader last, BackupHeader next) {
		List<BackupHeader> byLsn = recovered.stream().sorted(Comparator.comparing(BackupHeader::lastLsn)).toList();
		if (byLsn.size() < 2) {
			return List.of();
		}
		BackupHeader previous = byLsn.get(byLsn.size() - 2);
		LocalDateTime before = fileTime(previous.fileName(), last.fileName());
		LocalDateTime from = fileTime(last.fileName(), next.fileName());
		LocalDateTime to = fileTime(next.fileName(), last.fileName());
		if (before == null || from == null || to == null) {
			return List.of();
		}
		Duration interval = Duration.between(before, from);
		Duration gap = Duration.between(from, to);
		if (interval.isZero() || interval.isNegative() || gap.compareTo(interval) <= 0
				|| gap.toSeconds() % interval.toSeconds() != 0) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		String database = LOG_FILE.matcher(last.fileName()).replaceFirst("$1");
		for (LocalDateTime at = from.plus(interval); at.isBefore(to); at = at.plus(interval)) {
			names.add(database + "_" + FILE_TIME.format(at) + ".trn");
		}
		if (names.size() > NAMED_AT_MOST) {
			return List.of(names.get(0), "... (" + (names.size() - 2) + " more) ...", names.get(names.size() - 1));
		}
		return names;
	}

	/** The UTC start time in a log backup's name, null unless both files are the same database's log backups. */
	private static LocalDateTime fileTime(String fileName, String sameDatabaseAs) {
		Matcher name = LOG_FILE.matcher(fileName);
		Matcher other = LOG_FILE.matcher(sameDatabaseAs);
		if (!name.matches() || !other.matches() || !name.group(1).equalsIgnoreCase(other.group(1))) {
			return null;
		}
		try {
			return LocalDateTime.parse(name.group(2), FILE_TIME);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String time(Instant at) {
		return at == null ? "at an unknown time" : at.atOffset(ZoneOffset.UTC).toString().replace("Z", " UTC");
	}

}
