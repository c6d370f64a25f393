package org.pchatfailover.sqlserver;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pchatfailover.topology.Pool;

/**
 * The read-only statements of the estate check, on one {@link SqlServerConnection}: what the login may do, whether
 * the connection is encrypted, which SQL Server version answers, which Persistent Chat servers last wrote to the
 * database. One method per statement,
 * every value a parameter, every read recorded in the step's action log like the failover's own statements.
 */
public final class ReadinessReads {

	private static final String LOG_SHIPPING_TABLES = "msdb.dbo.log_shipping_secondary";

	private final SqlServerConnection connection;

	private final RecordedStatements statements;

	ReadinessReads(SqlServerConnection connection, RecordedStatements statements) {
		this.connection = connection;
		this.statements = statements;
	}

	/** The product's login rights on the instance and its ownership of the database. */
	public LoginRights readLoginRights(String database) {
		ServerRights server = statements.query("read login rights",
				"SELECT SUSER_SNAME(), IS_SRVROLEMEMBER(?), IS_SRVROLEMEMBER(?), HAS_PERMS_BY_NAME(NULL, NULL, ?), "
						+ "HAS_PERMS_BY_NAME(NULL, NULL, ?)",
				List.of("sysadmin", "dbcreator", "CREATE ANY DATABASE", "ALTER ANY CONNECTION"), rows -> {
					if (!rows.next()) {
						throw new SQLException("no row for the login rights");
					}
					return new ServerRights(rows.getString(1), bit(rows, 2), bit(rows, 3), bit(rows, 4), bit(rows, 5));
				});
		List<Object> tables = new ArrayList<>();
		for (String table : List.of(LOG_SHIPPING_TABLES, LOG_SHIPPING_TABLES + "_databases", "msdb.dbo.restorehistory",
				"msdb.dbo.backupset", "msdb.dbo.backupmediafamily")) {
			tables.addAll(List.of(table, "OBJECT", "SELECT"));
		}
		List<Boolean> reads = statements.query("read msdb rights",
				"SELECT HAS_PERMS_BY_NAME(?, ?, ?), HAS_PERMS_BY_NAME(?, ?, ?), HAS_PERMS_BY_NAME(?, ?, ?), "
						+ "HAS_PERMS_BY_NAME(?, ?, ?), HAS_PERMS_BY_NAME(?, ?, ?)",
				tables, rows -> {
					List<Boolean> bits = new ArrayList<>();
					boolean found = rows.next();
					for (int i = 1; i <= 5; i++) {
						bits.add(found ? bit(rows, i) : null);
					}
					return bits;
				});
		// db_owner membership grants no RESTORE and cannot be read in a RESTORING database; ownership can
		Optional<String> owner = statements.query("read owner of " + database,
				"SELECT SUSER_SNAME(owner_sid) FROM sys.databases WHERE name = ?", List.of(database),
				rows -> rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty());
		Boolean databaseOwner = owner.isEmpty() || server.login() == null ? null
				: owner.get().equalsIgnoreCase(server.login());
		return new LoginRights(server.login(), database, server.sysadmin(), server.dbcreator(), databaseOwner,
				server.createAnyDatabase(), server.alterAnyConnection(), all(reads.subList(0, 2)),
				all(reads.subList(2, 5)));
	}

	/** The first query's row, shown in the action log with what it asked. */
	private record ServerRights(String login, Boolean sysadmin, Boolean dbcreator, Boolean createAnyDatabase,
			Boolean alterAnyConnection) {

		@Override
		public String toString() {
			return "login=" + login + ", sysadmin=" + sysadmin + ", dbcreator=" + dbcreator + ", CREATE ANY DATABASE="
					+ createAnyDatabase + ", ALTER ANY CONNECTION=" + alterAnyConnection;
		}

	}

	/** {@code encrypt_option} of this connection in sys.dm_exec_connections ({@code TRUE}/{@code FALSE}); null when none. */
	public String readConnectionEncryption() {
		return statements.query("read connection encryption",
				"SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID", List.of(),
				rows -> rows.next() ? rows.getString(1) : null);
	}

	/** SERVERPROPERTY('ProductVersion') of the instance, read once per connection. */
	public SqlServerVersion readServerVersion() {
		return connection.serverVersion();
	}

	/**
	 * The rows of {@code <database>.dbo.tblServerIdentity}: the Persistent Chat servers and when each last pinged.
	 * A database in the middle of a restore cannot be read: SQL Server answers 927 (a {@link SqlServerException}).
	 *
	 * @param database a plain identifier ({@link Pool#DATABASE_PATTERN})
	 */
	public List<ServerIdentity> readServerIdentities(String database) {
		if (database == null || !database.matches(Pool.DATABASE_PATTERN)) {
			throw new IllegalArgumentException("not a plain SQL Server database name: " + database);
		}
		// a three-part name cannot be a parameter: the name is checked above and bracket-quoted with ] doubled
		String table = "[" + database.replace("]", "]]") + "].dbo.tblServerIdentity";
		ZoneOffset offset = connection.serverOffset();
		return statements.query("read Persistent Chat servers in " + database,
				"SELECT serverID, serverAddress, serverLastPingTime FROM " + table, List.of(), rows -> {
					List<ServerIdentity> servers = new ArrayList<>();
					while (rows.next()) {
						// a zone-less wall-clock value: getTimestamp would read it in the JVM's zone, not the server's
						LocalDateTime ping = rows.getObject(3, LocalDateTime.class);
						servers.add(new ServerIdentity(rows.getInt(1), rows.getString(2),
								ping == null ? null : ping.toInstant(offset), ping));
					}
					return servers;
				});
	}

	/** An int column that answers 1, 0 or NULL. */
	private static Boolean bit(ResultSet rows, int column) throws SQLException {
		Object value = rows.getObject(column);
		return value == null ? null : ((Number) value).intValue() == 1;
	}

	/** True when every answer is true, false when one is false, else null (cannot tell). */
	private static Boolean all(List<Boolean> answers) {
		if (answers.contains(Boolean.FALSE)) {
			return false;
		}
		return answers.contains(null) ? null : true;
	}

}
