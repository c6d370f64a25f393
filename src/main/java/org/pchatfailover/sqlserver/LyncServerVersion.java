package org.pchatfailover.sqlserver;

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

}
