package org.pchatfailover.sqlserver;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.SharePaths;
import org.pchatfailover.topology.Pool;

/**
 * SQL Server's 4319, "A previous restore operation was interrupted and did not complete processing on file '%ls'.
 * Either restore the backup set that was interrupted or restart the restore sequence.": the restore job (or a DBA)
 * was stopped part way through a log backup, and no other log applies until that one is restored again. When the
 * file the message names is one of the database's log backups in the copy destination, ApplyLogBackups restores it
 * WITH NORECOVERY, RESTART and goes on with the chain; anything else is for a DBA to decide.
 */
final class InterruptedRestore {

	static final int ERROR = 4319;

	private static final Pattern FILE = Pattern.compile("did not complete processing on file '(.*)'\\. Either");

	private InterruptedRestore() {
	}

	/** The file a 4319 names, as SQL Server wrote it; empty when the message does not have that form. */
	static Optional<String> fileNamedBy(SqlServerException ex) {
		String text = ex.getCause() instanceof SQLException cause ? cause.getMessage() : ex.getMessage();
		Matcher matcher = FILE.matcher(text == null ? "" : text);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/**
	 * Restores the interrupted backup set again with RESTART and records why.
	 *
	 * @param refused the 4319 that refused the log being restored
	 * @return the file name of the backup set completed
	 * @throws IllegalStateException when the named file is not a log backup of the database in the copy destination
	 */
	static String complete(Pool pool, SqlServerConnection sql, LogShippingFolders folders, String refusedFile,
			SqlServerException refused, ActionLog actions) {
		String database = pool.database();
		String named = fileNamedBy(refused).orElse(null);
		String fileName = named == null ? null : named.substring(named.lastIndexOf('\\') + 1);
		boolean inCopyDestination = named != null && sameFolder(SharePaths.folderOf(named), folders.destination());
		BackupHeader header = inCopyDestination
				? new BackupHeaders().readOne(sql, folders.destination(), fileName, database, actions) : null;
		if (header == null) {
			String message = "RESTORE LOG " + database + " on " + sql.instance() + " refused " + refusedFile + " with "
					+ ERROR + ": a previous restore was interrupted on " + (named == null ? "a file the message does "
							+ "not name" : "'" + named + "'") + ", which is not a log backup of " + database
					+ " in the copy destination " + folders.destination() + ". Restore that backup set again with the "
					+ "interrupted RESTORE's clauses plus WITH RESTART, or restart the restore sequence from a full "
					+ "backup, then retry";
			actions.record(sql.instance(), "check", "RESTORE LOG " + refusedFile, message, false, Duration.ZERO);
			throw new IllegalStateException(message, refused);
		}
		actions.record(sql.instance(), "check", "RESTORE LOG " + refusedFile, ERROR + ": the restore of " + fileName
				+ " was interrupted; restoring it again WITH NORECOVERY, RESTART before going on", true, Duration.ZERO);
		// the device exactly as SQL Server named it: RESTART repeats the interrupted statement's clauses
		sql.restoreLogWithRestart(database, named);
		return fileName;
	}

	private static boolean sameFolder(String a, String b) {
		return normalise(a).equals(normalise(b));
	}

	private static String normalise(String folder) {
		String text = folder.strip().toLowerCase(Locale.ROOT);
		while (text.endsWith("\\") && text.length() > 2) {
			text = text.substring(0, text.length() - 1);
		}
		return text;
	}

}
