package org.pchatfailover.lab.sql.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the lab instance finds a backup device path a client names: the UNC shares of the simulated data centres
 * map to folders under the lab directory, as the SQL Server service account would reach them.
 *
 * @param shares UNC prefix (e.g. {@code \\atl-sql-001.litwareinc.com\logship}) to local folder
 * @param remoteShares the UNC prefixes of shares in the other data centre (the primary's backup share): reading a
 * file there takes the scenario's {@link LabSizing#copyMs()}
 */
public record BackupDevices(Map<String, Path> shares, Set<String> remoteShares) {

	/** Shares that are all as near as the copy destination. */
	public BackupDevices(Map<String, Path> shares) {
		this(shares, Set.of());
	}

	/** The local file for a device path, or null when the path is on no share the instance can reach. */
	public Path resolve(String device) {
		String prefix = shareOf(device);
		if (prefix == null) {
			return null;
		}
		String rest = device.substring(prefix.length() + 1);
		if (rest.isEmpty() || rest.contains("\\") || rest.contains("/") || rest.equals("..")) {
			return null; // one level: the share folders hold files only
		}
		return shares.get(prefix).resolve(rest);
	}

	/** Whether the device lies on one of {@link #remoteShares()}. */
	public boolean isRemote(String device) {
		String prefix = shareOf(device);
		return prefix != null && remoteShares.stream().anyMatch(prefix::equalsIgnoreCase);
	}

	// the configured prefix the device starts with, as configured
	private String shareOf(String device) {
		if (device == null) {
			return null;
		}
		String lower = device.toLowerCase(Locale.ROOT);
		return shares.keySet().stream().filter(prefix -> lower.startsWith(prefix.toLowerCase(Locale.ROOT) + "\\"))
			.findFirst().orElse(null);
	}

}
