package org.pchatfailover.sqlserver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instance's SERVERPROPERTY('ProductVersion'), e.g. {@code 10.50.6000.34}: Lync Server 2013 back ends run SQL
 * Server 2008 R2 SP2 and later, whose catalog lacks columns the newer statements use. ProductMajorVersion would
 * be simpler but is NULL before SQL Server 2012, so the major part is parsed from ProductVersion.
 */
record SqlServerVersion(String productVersion, int major) {

	private static final Pattern MAJOR = Pattern.compile("(\\d+)\\.\\d+\\.\\d+(\\.\\d+)?");

	/** SQL Server 2012 (11.x): first release whose sys.dm_exec_sessions has database_id. */
	static final int SQL_SERVER_2012 = 11;

	static SqlServerVersion parse(String productVersion) {
		Matcher matcher = MAJOR.matcher(productVersion == null ? "" : productVersion.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a SQL Server ProductVersion: " + productVersion);
		}
		return new SqlServerVersion(productVersion.strip(), Integer.parseInt(matcher.group(1)));
	}

	/**
	 * User sessions in database {@code ?}, except the caller's. From 2012 on: sys.dm_exec_sessions with
	 * is_user_process. Before, that view has no database_id (207), so the SQL Server 2000 compatibility view
	 * sysprocesses, which has dbid but no is_user_process: system sessions are left out by status 'background'
	 * (how sysprocesses shows system tasks) and by spid > 50 (spids 1 to 50 are reserved for system tasks);
	 * ecid = 0 keeps one row per session, not one per parallel worker. Anything this still lets through is a
	 * system task KILL refuses with 6107, which EndConnections skips.
	 */
	String userSessionsQuery() {
		return major >= SQL_SERVER_2012
				? "SELECT session_id FROM sys.dm_exec_sessions WHERE database_id = DB_ID(?) AND is_user_process = 1 "
						+ "AND session_id <> @@SPID"
				: "SELECT spid FROM master.dbo.sysprocesses WHERE dbid = DB_ID(?) AND spid <> @@SPID AND ecid = 0 "
						+ "AND status <> 'background' AND spid > 50";
	}

}
