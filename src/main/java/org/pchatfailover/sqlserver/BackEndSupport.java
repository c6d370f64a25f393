package org.pchatfailover.sqlserver;

/**
 * Whether a SQL Server version may be the Persistent Chat back end of a Lync release, with what Microsoft's
 * requirements add to it in their own words (service packs, updates, editions).
 *
 * @param lync the Lync release
 * @param sqlServer the SQL Server product, e.g. {@code SQL Server 2012}
 * @param supported true when the release's requirements list that SQL Server version
 * @param caveat the requirement's wording, quoted from the Lync or Skype for Business documentation
 */
public record BackEndSupport(LyncServerVersion lync, String sqlServer, boolean supported, String caveat) {

	/** One line for an operator: {@code SQL Server 2022 is not a supported back end of Lync Server 2013: ...}. */
	public String describe() {
		return sqlServer + (supported ? " is a supported back end of " : " is not a supported back end of ")
				+ lync.productName() + ": " + caveat;
	}

}
