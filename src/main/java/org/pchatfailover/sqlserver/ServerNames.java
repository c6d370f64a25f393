package org.pchatfailover.sqlserver;

import java.util.Locale;

import org.pchatfailover.topology.Pool.SqlInstance;

/**
 * SQL Server names itself by {@code @@SERVERNAME}, the NetBIOS host name and the instance ({@code DAL-SQL-MR\PCHAT}),
 * while the pool configures the FQDN ({@code dal-sql-mr.litwareinc.com}) and the instance.
 */
public final class ServerNames {

	private ServerNames() {
	}

	/**
	 * Whether a server name denotes the configured instance: its host is the FQDN's first label (or the whole FQDN)
	 * and its instance the configured one (none for a default instance), ignoring case.
	 */
	public static boolean denotes(String serverName, SqlInstance instance) {
		if (serverName == null) {
			return false;
		}
		String[] parts = serverName.split("\\\\", 2);
		String host = parts[0].toLowerCase(Locale.ROOT);
		String named = parts.length == 2 ? parts[1] : "";
		String fqdn = instance.fqdn().toLowerCase(Locale.ROOT);
		boolean sameHost = host.equals(fqdn) || host.equals(fqdn.split("\\.")[0]);
		String configured = instance.instance() == null ? "" : instance.instance();
		return sameHost && named.equalsIgnoreCase(configured);
	}

}
