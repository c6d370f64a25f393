package org.pchatfailover.lab.sql.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the lab instance finds a backup device path a client names: the UNC shares of the simulated data centres
 * map to folders under the lab directory, as the SQL Server service account would reach them.
 *
 * @param shares UNC prefix (e.g. {@code \\atl-sql-001.litwareinc.com\logship}) to local folder
 */
public record BackupDevices(Map<String, Path> shares) {

	/** The local file for a device path, or null when the path is on no share the instance can reach. */
	public Path resolve(String device) {
		if (device == null) {
			return null;
		}
		String lower = device.toLowerCase(Locale.ROOT);
		for (Map.Entry<String, Path> share : shares.entrySet()) {
			String prefix = share.getKey().toLowerCase(Locale.ROOT);
			if (lower.startsWith(prefix + "\\")) {
				String rest = device.substring(prefix.length() + 1);
				if (rest.isEmpty() || rest.contains("\\") || rest.contains("/") || rest.equals("..")) {
					return null; // one level: the share folders hold files only
				}
				return share.getValue().resolve(rest);
			}
		}
		return null;
	}

}
