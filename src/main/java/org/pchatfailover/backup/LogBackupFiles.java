package org.pchatfailover.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Log-shipping backup files: {@code <db>_yyyyMMddHHmmss.trn} (UTC). Anything else in a folder (the copy job's
 * {@code .wrk} files, other databases, names with odd characters) is not a log backup and is never passed on.
 */
public final class LogBackupFiles {

	private static final Pattern NAME = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]{0,127})_(\\d{14})\\.trn$",
			Pattern.CASE_INSENSITIVE);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

	private LogBackupFiles() {
	}

	public static boolean isLogBackup(String database, String fileName) {
		Matcher matcher = NAME.matcher(fileName);
		if (!matcher.matches() || !matcher.group(1).equalsIgnoreCase(database)) {
			return false;
		}
		try {
			LocalDateTime.parse(matcher.group(2), STAMP);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/** The database's log backup file names in a folder, oldest first (the timestamp sorts as text). */
	public static List<String> list(Path folder, String database) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
				.filter(name -> isLogBackup(database, name)).sorted(String.CASE_INSENSITIVE_ORDER).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list log backups in " + folder + ": " + ex.getMessage(), ex);
		}
	}

}
