package org.pchatfailover.lab.sql.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.pchatfailover.lab.sql.engine.LabSqlState.LoginRights;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * The lab's permission checks and the built-in functions that show them, with their documented answers:
 * IS_SRVROLEMEMBER gives 1 (member), 0 (not a member) or NULL ("role or login is not valid"); HAS_PERMS_BY_NAME gives
 * 1 (effective permission), 0 (none) or NULL ("when the securable class or permission is not valid"). sysadmin
 * "can perform any activity in the server"; ALTER ANY CONNECTION "is included with membership in the sysadmin or
 * processadmin fixed server roles"; CREATE DATABASE is implied by the server permission CREATE ANY DATABASE.
 * Anything beyond this (user-defined server roles, other securable classes, sub-securables) the lab does not model:
 * it answers NULL, as for a class or permission it does not know.
 */
final class LoginPermissions {

	/** The lab's stand-in for the account that created the databases: their owner in sys.databases. */
	static final String OWNER = "LITWAREINC\\sqladmin";

	/** The fixed server roles; public only from SQL Server 2012 on, as IS_SRVROLEMEMBER's page marks it. */
	private static final Set<String> FIXED_ROLES = Set.of("sysadmin", "serveradmin", "dbcreator", "setupadmin",
			"bulkadmin", "securityadmin", "diskadmin", "processadmin");

	private static final Set<String> SERVER_PERMISSIONS = Set.of("ANY", "CONTROL SERVER", "ALTER ANY CONNECTION",
			"CREATE ANY DATABASE", "ALTER ANY DATABASE", "VIEW ANY DATABASE", "VIEW SERVER STATE");

	private static final Set<String> DATABASE_PERMISSIONS = Set.of("ANY", "CONNECT", "SELECT", "CONTROL",
			"CREATE DATABASE", "BACKUP DATABASE", "BACKUP LOG");

	private static final Set<String> OBJECT_PERMISSIONS = Set.of("ANY", "SELECT", "INSERT", "UPDATE", "DELETE",
			"CONTROL");

	private final ServerVersion version;

	LoginPermissions(ServerVersion version) {
		this.version = version;
	}

	/** {@code IS_SRVROLEMEMBER('role' [, 'login'])}; {@code args} as evaluated, the login absent when not given. */
	Integer isSrvRoleMember(LabSqlState state, SqlSession session, List<Object> args) {
		String role = args.isEmpty() || args.get(0) == null ? null : args.get(0).toString().toLowerCase(Locale.ROOT);
		String login = args.size() < 2 ? session.login() : args.get(1) == null ? null : args.get(1).toString();
		LoginRights rights = login == null ? null : state.rightsOf(login);
		if (role == null || rights == null) {
			return null;
		}
		if (role.equals("public")) {
			return version.major() >= 11 ? 1 : null;
		}
		return FIXED_ROLES.contains(role) ? (rights.isMemberOf(role) ? 1 : 0) : null;
	}

	/** {@code HAS_PERMS_BY_NAME(securable, securable_class, permission [, sub-securable, sub-securable_class])}. */
	Integer hasPermsByName(LabSqlState state, SqlSession session, List<Object> args) {
		if (args.size() < 3 || args.get(2) == null || (args.size() > 3 && args.get(3) != null)) {
			return null;
		}
		String securable = args.get(0) == null ? null : args.get(0).toString();
		String securableClass = args.get(1) == null ? "SERVER" : args.get(1).toString().toUpperCase(Locale.ROOT);
		String permission = args.get(2).toString().toUpperCase(Locale.ROOT);
		LoginRights rights = state.rightsOf(session.login());
		boolean sysadmin = rights != null && rights.isMemberOf("sysadmin");
		return switch (securableClass) {
			case "SERVER" -> securable != null || !SERVER_PERMISSIONS.contains(permission) ? null
					: bit(sysadmin || serverPermission(rights, permission));
			case "DATABASE" -> databasePermission(state, session, rights, sysadmin, securable, permission);
			case "OBJECT" -> objectPermission(state, session, rights, sysadmin, securable, permission);
			default -> null;
		};
	}

	/** KILL: ALTER ANY CONNECTION, else 6102 "User does not have permission to use the KILL statement." */
	static void requireKill(LabSqlState state, SqlSession caller) {
		LoginRights rights = state.rightsOf(caller.login());
		if (rights == null || !(rights.isMemberOf("sysadmin") || serverPermission(rights, "ALTER ANY CONNECTION"))) {
			throw new SqlException(SqlErrors.noKillPermission());
		}
	}

	private static boolean serverPermission(LoginRights rights, String permission) {
		if (rights == null) {
			return false;
		}
		if (permission.equals("ANY")) {
			return !rights.serverPermissions().isEmpty() || !rights.serverRoles().isEmpty();
		}
		return rights.isGranted(permission)
				|| (permission.equals("ALTER ANY CONNECTION") && rights.isMemberOf("processadmin"));
	}

	private static Integer databasePermission(LabSqlState state, SqlSession session, LoginRights rights,
			boolean sysadmin, String securable, String permission) {
		LabSqlState.Database database = state.database(securable == null ? session.database() : securable);
		if (database == null || !DATABASE_PERMISSIONS.contains(permission)) {
			return null;
		}
		boolean createDatabase = permission.equals("CREATE DATABASE") && serverPermission(rights, "CREATE ANY DATABASE");
		boolean read = Set.of("ANY", "CONNECT", "SELECT").contains(permission) && rights != null
				&& rights.mayRead(database.name());
		return bit(sysadmin || createDatabase || read);
	}

	private static Integer objectPermission(LabSqlState state, SqlSession session, LoginRights rights,
			boolean sysadmin, String securable, String permission) {
		if (securable == null || !OBJECT_PERMISSIONS.contains(permission)) {
			return null;
		}
		List<String> parts = Arrays.asList(securable.replace("[", "").replace("]", "").split("\\."));
		String database = parts.size() == 3 ? parts.get(0) : session.database();
		if (!SystemViews.hasTable(state, database, parts.get(parts.size() - 1))) {
			return null; // "Returns NULL when the query fails": no such object
		}
		boolean read = Set.of("ANY", "SELECT").contains(permission) && rights != null && rights.mayRead(database);
		return bit(sysadmin || read);
	}

	private static Integer bit(boolean value) {
		return value ? 1 : 0;
	}

	/**
	 * A login's SID: the lab's stand-in, 16 bytes derived from the name (the references give SIDs as varbinary(85)
	 * and say nothing the lab needs about their form).
	 */
	static byte[] sid(String login) {
		UUID id = UUID.nameUUIDFromBytes(("pchat-lab-login:" + login.toLowerCase(Locale.ROOT))
			.getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
			.array();
	}

	/** {@code SUSER_SNAME(sid)}: the login with that SID among those the instance knows, else NULL. */
	static String loginOf(LabSqlState state, byte[] sid) {
		return knownLogins(state).stream().filter(l -> Arrays.equals(sid(l), sid)).findFirst().orElse(null);
	}

	/** The owner of a database: the login that lists it as owned, else {@link #OWNER}. */
	static String ownerOf(LabSqlState state, String database) {
		return state.logins.stream().filter(l -> l.ownedDatabases().stream().anyMatch(database::equalsIgnoreCase))
			.map(LoginRights::login).findFirst().orElse(OWNER);
	}

	private static List<String> knownLogins(LabSqlState state) {
		List<String> names = new ArrayList<>(List.of(LabSqlEngine.LOGIN, OWNER));
		state.logins.forEach(l -> names.add(l.login()));
		return names;
	}

}
