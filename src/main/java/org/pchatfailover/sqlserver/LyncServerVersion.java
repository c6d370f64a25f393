package org.pchatfailover.sqlserver;

import org.pchatfailover.topology.Pool;

/**
 * The Lync release a Persistent Chat pool runs, as far as its SQL Server back end is concerned: each release
 * supports its own list of SQL Server versions ({@link SqlServerVersion#backEndFor}).
 */
public enum LyncServerVersion {

	LYNC_SERVER_2013("Lync Server 2013"),

	SKYPE_FOR_BUSINESS_SERVER_2015("Skype for Business Server 2015");

	private final String productName;

	LyncServerVersion(String productName) {
		this.productName = productName;
	}

	public String productName() {
		return productName;
	}

	/** The release the pool's {@code lync-version} names (pchat.pools[].lync-version, 2013 or 2015). */
	public static LyncServerVersion of(Pool pool) {
		return Pool.LYNC_2015.equals(pool.lyncVersion()) ? SKYPE_FOR_BUSINESS_SERVER_2015 : LYNC_SERVER_2013;
	}

}
