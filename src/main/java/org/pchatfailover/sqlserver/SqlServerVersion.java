package org.pchatfailover.sqlserver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instance's SERVERPROPERTY('ProductVersion'), e.g. {@code 10.50.6000.34}: which SQL Server product it is, whether
 * it may back a Lync release's Persistent Chat pool, and which catalog views the statements may use (SQL Server 2008
 * R2's catalog lacks columns the newer statements use). ProductMajorVersion would be simpler but is NULL before SQL
 * Server 2012, so the major and minor parts are parsed from ProductVersion.
 *
 * @param major 10 for SQL Server 2008 and 2008 R2, 11 for 2012, ... 16 for 2022
 * @param minor 50 for SQL Server 2008 R2, else 0
 */
public record SqlServerVersion(String productVersion, int major, int minor) {

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+(\\.\\d+)?");

	/** SQL Server 2012 (11.x): first release whose sys.dm_exec_sessions has database_id. */
	static final int SQL_SERVER_2012 = 11;

	// "SQL Server 2008 R2 Enterprise/Standard (64-bit edition). Additionally running the latest service pack is
	// recommended." and the same for 2012: OSfB Lync/LyncServer/lync-server-2013-database-software-support.md
	private static final String LYNC_2013_RECOMMENDATION = "Enterprise or Standard (64-bit edition). \"Additionally "
			+ "running the latest service pack is recommended.\" \"Lync Server 2013 does not support the 32-bit edition "
			+ "of SQL Server.\" \"SQL Server Web edition and SQL Server Workgroup edition are not supported.\"";

	private static final String LYNC_2013_LIST = "its back ends are SQL Server 2008 R2 or SQL Server 2012, Enterprise "
			+ "or Standard (64-bit edition)";

	private static final String SKYPE_2015_LIST = "its back ends are SQL Server 2012, 2014, 2016, 2017 or 2019, "
			+ "Enterprise or Standard: \"If you don't see the SQL Server edition you want to use listed here, you can't "
			+ "use it.\"";

	public static SqlServerVersion parse(String productVersion) {
		Matcher matcher = VERSION.matcher(productVersion == null ? "" : productVersion.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a SQL Server ProductVersion: " + productVersion);
		}
		return new SqlServerVersion(productVersion.strip(), Integer.parseInt(matcher.group(1)),
				Integer.parseInt(matcher.group(2)));
	}

	/**
	 * The product a build belongs to, by major (and, for 10, minor) version as Microsoft's build list groups them
	 * (SupportArticles-docs support/sql/releases/download-and-install-latest-updates.md): 10.50 SQL Server 2008 R2,
	 * 11 2012, 12 2014, 13 2016, 14 2017, 15 2019, 16 2022.
	 */
	public String productName() {
		return switch (major) {
			case 10 -> minor == 50 ? "SQL Server 2008 R2" : "SQL Server 2008";
			case 11 -> "SQL Server 2012";
			case 12 -> "SQL Server 2014";
			case 13 -> "SQL Server 2016";
			case 14 -> "SQL Server 2017";
			case 15 -> "SQL Server 2019";
			case 16 -> "SQL Server 2022";
			default -> "SQL Server " + productVersion;
		};
	}

	/**
	 * Whether this version may be the Persistent Chat back end of the Lync release, with the requirement's wording.
	 * Lync Server 2013: SQL Server 2008 R2 or 2012 (OSfB lync-server-2013-database-software-support.md). Skype for
	 * Business Server 2015: SQL Server 2012, 2014, 2016, 2017, 2019 (OSfB Skype/SfbServer/.../server-requirements.md).
	 * Editions and service packs are not checked here: the caveat says what the documentation requires of them.
	 */
	public BackEndSupport backEndFor(LyncServerVersion lync) {
		String caveat = switch (lync) {
			case LYNC_SERVER_2013 -> isR2() || major == SQL_SERVER_2012 ? LYNC_2013_RECOMMENDATION : null;
			case SKYPE_FOR_BUSINESS_SERVER_2015 -> switch (major) {
				case 11, 14, 15 -> "Enterprise or Standard, \"and we recommend running with the latest service pack.\"";
				case 12 -> "Enterprise or Standard, \"and you must run with Cumulative Update 6 or later\"";
				case 13 -> "Enterprise or Standard, \"with Service Pack 1 or later, and you must run with Skype for "
						+ "Business Cumulative Update 7 or later\"";
				default -> null;
			};
		};
		if (caveat != null) {
			return new BackEndSupport(lync, productName(), true, caveat);
		}
		return new BackEndSupport(lync, productName(), false,
				lync == LyncServerVersion.LYNC_SERVER_2013 ? LYNC_2013_LIST : SKYPE_2015_LIST);
	}

	private boolean isR2() {
		return major == 10 && minor == 50;
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
