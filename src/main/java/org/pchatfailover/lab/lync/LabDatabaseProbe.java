package org.pchatfailover.lab.lync;

/**
 * How the lab Lync shell asks the lab SQL Server about a database, as the real Install-CsMirrorDatabase
 * connects to the principal before it backs the database up.
 */
@FunctionalInterface
public interface LabDatabaseProbe {

	/**
	 * @return {@code sys.databases.state_desc} of the database (e.g. {@code ONLINE}, {@code RESTORING}), or null
	 * when the instance has no such database
	 * @throws RuntimeException when the instance cannot be reached; its message is shown to the caller
	 */
	String databaseState(String sqlServerFqdn, String instance, String database);

}
