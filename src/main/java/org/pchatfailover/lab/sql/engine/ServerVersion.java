package org.pchatfailover.lab.sql.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL Server build the lab answers as ({@code pchat.lab.sql-server-version}): @@VERSION, SERVERPROPERTY, the
 * version in PRELOGIN and LOGINACK, and the catalog differences between releases the product depends on.
 *
 * @param major 10 for SQL Server 2008 and 2008 R2, 11 for 2012 ... 16 for 2022
 * @param minor 50 for 2008 R2, else 0
 */
public record ServerVersion(int major, int minor, int build, int revision) {

	// declared before DEFAULT: static fields initialise in order
	private static final Pattern PRODUCT_VERSION = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{1,5})\\.(\\d{1,5})");

	/**
	 * SQL Server 2012 SP4, the latest service pack of SQL Server 2012 in Microsoft's build list (SupportArticles-docs
	 * support/sql/releases/download-and-install-latest-updates.md: "SP4 (11.0.7001.0 - September 2017)"): the lab's
	 * pool is a Lync Server 2013 pool, whose back ends are SQL Server 2008 R2 or 2012, not 2022.
	 */
	public static final ServerVersion DEFAULT = parse("11.0.7001.0");

	/** @param productVersion SERVERPROPERTY('ProductVersion') form, e.g. {@code 10.50.6000.34} */
	public static ServerVersion parse(String productVersion) {
		Matcher matcher = PRODUCT_VERSION.matcher(productVersion == null ? "" : productVersion.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"not a SQL Server product version (major.minor.build.revision): " + productVersion);
		}
		return new ServerVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
				Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)));
	}

	public String productVersion() {
		return major + "." + minor + "." + build + "." + revision;
	}

	/** SERVERPROPERTY('ProductMajorVersion') exists from SQL Server 2012 on; older releases answer NULL. */
	String productMajorVersion() {
		return major >= 11 ? Integer.toString(major) : null;
	}

	/**
	 * The service packs of SQL Server 2008 R2 and 2012 by build (2012: SP1 11.0.3000, SP2 11.0.5058, SP3 11.0.6020,
	 * SP4 11.0.7001 in Microsoft's build list); the lab's other builds are named RTM.
	 */
	String productLevel() {
		if (major == 11) {
			return build >= 7001 ? "SP4" : build >= 6020 ? "SP3" : build >= 5058 ? "SP2" : build >= 3000 ? "SP1" : "RTM";
		}
		if (major != 10 || minor != 50) {
			return "RTM";
		}
		return build >= 6000 ? "SP3" : build >= 4000 ? "SP2" : build >= 2500 ? "SP1" : "RTM";
	}

	String version() {
		return "Microsoft SQL Server " + productName() + " (" + productLevel() + ") - " + productVersion()
				+ " (X64) \n\tpchat-failover lab instance (simulated for failover drills)\n";
	}

	/** {@code sys.dm_exec_sessions.database_id} was added in SQL Server 2012; 2008 R2 answers 207 for it. */
	boolean sessionsHaveDatabaseId() {
		return major >= 11;
	}

	/** PRELOGIN VERSION and LOGINACK's server version: major, minor, build (big-endian), sub-build. */
	public byte[] tdsBytes() {
		return new byte[] { (byte) major, (byte) minor, (byte) (build >> 8), (byte) build, 0, 0 };
	}

	private String productName() {
		return switch (major) {
			case 10 -> minor >= 50 ? "2008 R2" : "2008";
			case 11 -> "2012";
			case 12 -> "2014";
			case 13 -> "2016";
			case 14 -> "2017";
			case 15 -> "2019";
			case 16 -> "2022";
			default -> "(version " + major + ")";
		};
	}

	@Override
	public String toString() {
		return productVersion();
	}

}
