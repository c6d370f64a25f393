package org.pchatfailover.lab.sql.engine;

import java.math.BigInteger;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.pchatfailover.lab.sql.engine.LabSqlState.ClientSession;
import org.pchatfailover.lab.sql.engine.LabSqlState.Database;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * The objects a DBA and the product read, with SQL Server's column names and types (the columns the failover needs
 * and their neighbours, not every column of the real views): catalog views, the msdb tables ({@link MsdbTables}) and
 * mgc's Persistent Chat table dbo.tblServerIdentity ({@link PersistentChatServers}).
 */
final class SystemViews {

	private static final SqlType NAME = SqlType.nvarchar(128);

	private static final String SERVER_IDENTITY = "tblServerIdentity";

	private final SessionRegistry sessions;

	private final ServerVersion version;

	private final PersistentChatServers persistentChatServers;

	private final Clock clock;

	SystemViews(SessionRegistry sessions, ServerVersion version, PersistentChatServers persistentChatServers,
			Clock clock) {
		this.sessions = sessions;
		this.version = version;
		this.persistentChatServers = persistentChatServers;
		this.clock = clock;
	}

	/** The object a (possibly qualified) name denotes from the session's database; 208 when there is none. */
	Table resolve(LabSqlState state, SqlSession session, List<String> parts) {
		String object = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
		String schema = parts.size() >= 2 ? parts.get(parts.size() - 2).toLowerCase(Locale.ROOT) : "";
		String database = parts.size() >= 3 ? parts.get(parts.size() - 3) : session.database();
		Database target = state.database(database);
		if (target == null) {
			throw new SqlException(SqlErrors.databaseNotFound(database));
		}
		if (isUserDatabase(target) && !schema.equals("sys")) {
			return userTable(state, target, schema, object, parts);
		}
		boolean dbo = schema.isEmpty() || schema.equals("dbo");
		boolean msdb = database.equalsIgnoreCase("msdb") && dbo;
		// the SQL Server 2000 name: master.dbo.sysprocesses, or dbo.sysprocesses from master's context only
		boolean masterSysprocesses = database.equalsIgnoreCase("master") && dbo && object.equals("sysprocesses");
		Table table = switch (schema + "." + object) {
			case "sys.databases" -> databases(state);
			case "sys.master_files" -> masterFiles(state);
			case "sys.dm_exec_sessions" -> sessions(state);
			case "sys.dm_exec_connections" -> connections();
			case "sys.sysprocesses" -> new SysProcesses(sessions).table(state, session);
			case "sys.database_mirroring" -> LabPrincipalMirroring.view(state);
			default -> masterSysprocesses ? new SysProcesses(sessions).table(state, session)
					: msdb ? MsdbTables.table(state, object) : null;
		};
		if (table == null) {
			throw new SqlException(SqlErrors.invalidObject(String.join(".", parts)));
		}
		return table;
	}

	/** Whether the lab has this table in the database (for HAS_PERMS_BY_NAME's OBJECT class). */
	static boolean hasTable(LabSqlState state, String database, String object) {
		return database.equalsIgnoreCase("msdb") ? MsdbTables.has(object)
				: database.equalsIgnoreCase(LabScenarios.DATABASE) && object.equalsIgnoreCase(SERVER_IDENTITY);
	}

	/** master, tempdb, model and msdb are the system databases (ids 1 to 4); the others are user databases. */
	private static boolean isUserDatabase(Database database) {
		return database.id() > 4;
	}

	/**
	 * A table of a user database: SQL Server cannot open a database in the middle of a restore (927), whatever the
	 * table. The lab's mgc holds the Persistent Chat table dbo.tblServerIdentity and nothing else.
	 */
	private Table userTable(LabSqlState state, Database database, String schema, String object, List<String> parts) {
		if ("RESTORING".equals(database.state())) {
			throw new SqlException(SqlErrors.databaseRestoring(database.name()));
		}
		boolean dbo = schema.isEmpty() || schema.equals("dbo");
		if (!dbo || !hasTable(state, database.name(), object)) {
			throw new SqlException(SqlErrors.invalidObject(String.join(".", parts)));
		}
		Table.Builder table = Table.named(SERVER_IDENTITY).column("serverID", SqlType.INT)
			.column("serverAddress", SqlType.nvarchar(256)).column("serverLastPingTime", SqlType.DATETIME);
		ZonedDateTime now = ZonedDateTime.now(clock);
		for (PersistentChatServers.ServerIdentityRow row : persistentChatServers.serverIdentities(database.name(), now,
				state.restoredUpTo(database.name()))) {
			table.row(row.serverId(), row.serverAddress(), row.serverLastPingTime());
		}
		return table.build();
	}

	private static Table databases(LabSqlState state) {
		Table.Builder table = Table.named("sys.databases").column("name", NAME).column("database_id", SqlType.INT)
			.column("state", SqlType.TINYINT).column("state_desc", SqlType.nvarchar(60))
			.column("recovery_model_desc", SqlType.nvarchar(60)).column("user_access_desc", SqlType.nvarchar(60))
			.column("is_in_standby", SqlType.BIT).column("is_read_only", SqlType.BIT)
			.column("owner_sid", SqlType.varbinary(85));
		for (Database d : state.databases) {
			table.row(d.name(), d.id(), stateCode(d.state()), d.state(), recoveryModel(d),
					"MULTI_USER", d.standby(), d.standby(), LoginPermissions.sid(LoginPermissions.ownerOf(state, d.name())));
		}
		return table.build();
	}

	private static final int DATA_FILE_PAGES = 1024;

	private static final int LOG_FILE_PAGES = 256;

	private static Table masterFiles(LabSqlState state) {
		Table.Builder table = Table.named("sys.master_files").column("database_id", SqlType.INT)
			.column("file_id", SqlType.INT).column("type_desc", SqlType.nvarchar(60)).column("name", NAME)
			.column("physical_name", SqlType.nvarchar(260)).column("state_desc", SqlType.nvarchar(60))
			.column("redo_start_lsn", SqlType.LSN).column("size", SqlType.INT);
		for (Database d : state.databases) {
			BigInteger redo = d.redoStartLsn() == null ? null : new BigInteger(d.redoStartLsn());
			String dataFile = "D:\\SQLData\\" + d.name();
			// size in 8-KB pages (sql-docs sys.master_files); the lab's files have a fixed size: 8 MB data, 2 MB log
			table.row(d.id(), 1, "ROWS", d.name(), dataFile + ".mdf", d.state(), redo, DATA_FILE_PAGES);
			table.row(d.id(), 2, "LOG", d.name() + "_log", dataFile + "_log.ldf", d.state(), redo, LOG_FILE_PAGES);
		}
		return table.build();
	}

	/** Without database_id before SQL Server 2012 (11.x): a query naming it fails with 207 there. */
	private Table sessions(LabSqlState state) {
		boolean databaseId = version.sessionsHaveDatabaseId();
		Table.Builder table = Table.named("sys.dm_exec_sessions").column("session_id", SqlType.SMALLINT)
			.column("login_name", NAME).column("host_name", NAME).column("program_name", NAME);
		if (databaseId) {
			table.column("database_id", SqlType.SMALLINT);
		}
		table.column("is_user_process", SqlType.BIT).column("status", SqlType.nvarchar(30));
		for (int id = 1; id <= SpWho2.BACKGROUND.size(); id++) {
			sessionRow(table, databaseId, id, "sa", null, null, 1, false, "background");
		}
		for (ClientSession s : state.sessions) {
			sessionRow(table, databaseId, s.sessionId(), s.loginName(), s.hostName(), s.programName(),
					databaseId(state, s.database()), true, "sleeping");
		}
		for (SqlSession s : sessions.live()) {
			sessionRow(table, databaseId, s.spid(), s.login(), s.hostName(), s.programName(),
					databaseId(state, s.database()), true, "running");
		}
		return table.build();
	}

	/**
	 * The lab's own TDS connections (simulated clients have none). encrypt_option is nvarchar(40), "Boolean value to
	 * describe whether encryption is enabled for this connection": TRUE when TLS carries the whole connection (TDS 8.0
	 * or ENCRYPT_ON), FALSE when only the login was encrypted or nothing. The references do not spell the value; the
	 * lab writes TRUE and FALSE. protocol_type is TSQL, the page's name for TDS.
	 */
	private Table connections() {
		Table.Builder table = Table.named("sys.dm_exec_connections").column("session_id", SqlType.INT)
			.column("most_recent_session_id", SqlType.INT).column("protocol_type", SqlType.nvarchar(40))
			.column("encrypt_option", SqlType.nvarchar(40));
		for (SqlSession s : sessions.live()) {
			table.row(s.spid(), s.spid(), "TSQL", s.encrypted() ? "TRUE" : "FALSE");
		}
		return table.build();
	}

	private static void sessionRow(Table.Builder table, boolean withDatabaseId, int id, String login, String host,
			String program, Integer databaseId, boolean user, String status) {
		if (withDatabaseId) {
			table.row(id, login, host, program, databaseId, user, status);
		}
		else {
			table.row(id, login, host, program, user, status);
		}
	}

	/** tempdb is SIMPLE; the lab keeps every other database in FULL, as log shipping needs. */
	static String recoveryModel(Database database) {
		return database.id() == 2 ? "SIMPLE" : "FULL";
	}

	static Integer databaseId(LabSqlState state, String name) {
		Database database = name == null ? null : state.database(name);
		return database == null ? null : database.id();
	}

	private static int stateCode(String state) {
		return switch (state) {
			case "ONLINE" -> 0;
			case "RESTORING" -> 1;
			case "RECOVERING" -> 2;
			case "RECOVERY_PENDING" -> 3;
			case "SUSPECT" -> 4;
			default -> 6;
		};
	}

}
