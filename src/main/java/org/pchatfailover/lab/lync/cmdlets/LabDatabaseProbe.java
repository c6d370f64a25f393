package org.pchatfailover.lab.lync.cmdlets;

/**
 * How the lab Lync shell reaches the lab SQL Server, as the real Install-CsMirrorDatabase connects to the
 * principal: to check the database before backing it up, and to start mirroring on it.
 */
public interface LabDatabaseProbe {

	/**
	 * @return {@code sys.databases.state_desc} of the database (e.g. {@code ONLINE}, {@code RESTORING}), or null
	 * when the instance has no such database
	 * @throws RuntimeException when the instance cannot be reached; its message is shown to the caller
	 */
	String databaseState(String sqlServerFqdn, String instance, String database);

	/**
	 * {@code ALTER DATABASE [database] SET PARTNER = 'partnerAddress'} on the principal.
	 * @param partnerAddress the mirror's endpoint, {@code TCP://host:port}
	 * @throws RuntimeException with SQL Server's error text when the statement fails
	 */
	void setPartner(String sqlServerFqdn, String instance, String database, String partnerAddress);

}
