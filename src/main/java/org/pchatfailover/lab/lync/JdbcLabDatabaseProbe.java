package org.pchatfailover.lab.lync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import org.pchatfailover.lab.lync.cmdlets.LabDatabaseProbe;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Secrets;
import org.pchatfailover.topology.Topology;

/**
 * Asks the lab SQL Server over TDS, with the login the pool's backupSql configures, as the real cmdlet connects
 * to the principal SQL Server.
 */
class JdbcLabDatabaseProbe implements LabDatabaseProbe {

	private final Topology topology;

	private final Secrets secrets;

	JdbcLabDatabaseProbe(Topology topology, Secrets secrets) {
		this.topology = topology;
		this.secrets = secrets;
	}

	@Override
	public String databaseState(String sqlServerFqdn, String instance, String database) {
		return onInstance(sqlServerFqdn, instance, connection -> {
			try (PreparedStatement statement = connection
				.prepareStatement("SELECT state_desc, is_in_standby FROM sys.databases WHERE name = ?")) {
				statement.setString(1, database);
				try (ResultSet rows = statement.executeQuery()) {
					if (!rows.next()) {
						return null;
					}
					// a standby secondary shows ONLINE but is read-only: mirroring cannot be installed on it
					return rows.getBoolean(2) ? rows.getString(1) + " (STANDBY)" : rows.getString(1);
				}
			}
		});
	}

	@Override
	public void setPartner(String sqlServerFqdn, String instance, String database, String partnerAddress) {
		// ALTER DATABASE takes no parameters: quote the name and the address as SQL Server would
		String sql = "ALTER DATABASE [" + database.replace("]", "]]") + "] SET PARTNER = '"
				+ partnerAddress.replace("'", "''") + "'";
		onInstance(sqlServerFqdn, instance, connection -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
				return null;
			}
		});
	}

	private <T> T onInstance(String sqlServerFqdn, String instance, Work<T> work) {
		Pool.SqlInstance sql = topology.pools()
			.stream()
			.map(Pool::backupSql)
			.filter(s -> s.fqdn().equalsIgnoreCase(sqlServerFqdn)
					&& nullToEmpty(s.instance()).equalsIgnoreCase(nullToEmpty(instance)))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no configured SQL Server " + sqlServerFqdn + "\\"
					+ nullToEmpty(instance) + " to connect to"));
		char[] password = secrets.password(sql.passwordEnv(), sql.passwordFile(), "SQL Server " + sql.displayName());
		try (Connection connection = DriverManager.getConnection(sql.jdbcUrl(), sql.user(),
				(password == null) ? null : new String(password))) {
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		finally {
			if (password != null) {
				Arrays.fill(password, '\0');
			}
		}
	}

	private static String nullToEmpty(String value) {
		return (value == null) ? "" : value;
	}

	@FunctionalInterface
	private interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

}
