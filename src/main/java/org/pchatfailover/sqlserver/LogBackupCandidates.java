package org.pchatfailover.sqlserver;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupShareAdapter;
import org.pchatfailover.topology.Pool;

/**
 * The log backups the failover can use: every readable one in the copy destination, plus those on the backup
 * share that the copy destination lacks (or holds torn), with their headers as the backup instance reads them.
 *
 * @param headers by file name, case-insensitively
 * @param toCopy file names to copy from the share first
 */
record LogBackupCandidates(Map<String, BackupHeader> headers, List<String> toCopy) {

	static LogBackupCandidates collect(Pool pool, SqlServerConnection sql, BackupShareAdapter share,
			LogShippingFolders folders, BackupHeaders reader, ActionLog actions) {
		return collect(pool, sql, share, folders, reader, true, actions);
	}

	/**
	 * The log backups in the copy destination with their headers, and the names of those only on the share, whose
	 * headers are left to be read from their copies: reading one on the share costs the backup instance a read
	 * across the WAN (the lab's {@code copyMs}), and ApplyLogBackups copies the file anyway.
	 */
	static LogBackupCandidates collectCopyDestination(Pool pool, SqlServerConnection sql, BackupShareAdapter share,
			LogShippingFolders folders, BackupHeaders reader, ActionLog actions) {
		return collect(pool, sql, share, folders, reader, false, actions);
	}

	private static LogBackupCandidates collect(Pool pool, SqlServerConnection sql, BackupShareAdapter share,
			LogShippingFolders folders, BackupHeaders reader, boolean readShareHeaders, ActionLog actions) {
		String database = pool.database();
		Map<String, BackupHeader> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		List<String> toCopy = new ArrayList<>();
		for (String name : listFolder(share, pool, folders.destination(), actions)) {
			put(headers, reader.readOne(sql, folders.destination(), name, database, actions));
		}
		List<String> onShare = folders.source() == null ? List.of() : listFolder(share, pool, folders.source(), actions);
		for (String name : onShare) {
			if (!headers.containsKey(name)) {
				toCopy.add(name);
				if (readShareHeaders) {
					put(headers, reader.readOne(sql, folders.source(), name, database, actions));
				}
			}
		}
		return new LogBackupCandidates(headers, toCopy);
	}

	List<BackupHeader> logs() {
		return new ArrayList<>(headers.values());
	}

	private static void put(Map<String, BackupHeader> headers, BackupHeader header) {
		if (header != null) {
			headers.put(header.fileName(), header);
		}
	}

	/** A folder that cannot be listed (the primary's share during a site outage) is recorded, not fatal. */
	private static List<String> listFolder(BackupShareAdapter share, Pool pool, String uncFolder,
			ActionLog actions) {
		try {
			List<String> names = share.listLogBackups(pool, uncFolder);
			actions.record(uncFolder, "file", "list log backups in " + share.localFolder(pool, uncFolder),
					names.size() + " file(s)", true, Duration.ZERO);
			return names;
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			actions.record(uncFolder, "file", "list log backups", "unreachable: " + ex.getMessage(), false,
					Duration.ZERO);
			return List.of();
		}
	}

}
