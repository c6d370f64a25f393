package org.pchatfailover.lab.sql.engine;

import java.util.Locale;

import org.pchatfailover.lab.sql.engine.LabSqlState.Database;

/**
 * SERVERPROPERTY and DATABASEPROPERTYEX: both return sql_variant, each property with the base type its page gives
 * (sql-docs serverproperty-transact-sql, databasepropertyex-transact-sql). "Use of a propertyname that is invalid or not
 * supported on that version of the Database Engine will return NULL"; the properties the lab has nothing to show for
 * (CLR version, process id, FILESTREAM, ...) answer NULL as well.
 */
final class ServerProperties {

	/** The instance's collation, as the TDS login answers it (SQL_Latin1_General_CP1_CI_AS, us_english). */
	static final String COLLATION = "SQL_Latin1_General_CP1_CI_AS";

	private static final SqlType BIGINT = SqlType.BIGINT;

	private final String serverName;

	private final ServerVersion version;

	/** @param serverName {@code @@SERVERNAME}, {@code HOST\INSTANCE} */
	ServerProperties(String serverName, ServerVersion version) {
		this.serverName = serverName;
		this.version = version;
	}

	/** {@code SERVERPROPERTY('name')}: a variant, or null. */
	Object serverProperty(Object name) {
		String property = name == null ? "" : SqlVariant.unwrap(name).toString().toLowerCase(Locale.ROOT);
		boolean sql2012 = version.major() >= 11;
		return switch (property) {
			case "productversion" -> text(version.productVersion());
			case "productmajorversion" -> text(version.productMajorVersion());
			case "productminorversion" -> sql2012 ? text(Integer.toString(version.minor())) : null;
			case "productlevel" -> text(version.productLevel());
			case "edition" -> text("Developer Edition (64-bit)");
			// EditionID -2117995310 = Developer; EngineEdition 3 = "Enterprise (For Evaluation, Developer, and Enterprise editions.)"
			case "editionid" -> new SqlVariant(BIGINT, -2117995310L);
			case "engineedition" -> SqlVariant.integer(3);
			case "servername" -> text(serverName);
			case "machinename", "computernamephysicalnetbios" -> text(machineName());
			case "instancename" -> text(instanceName());
			case "collation" -> text(COLLATION);
			case "lcid" -> SqlVariant.integer(1033);
			// the lab's instances are stand-alone, use SQL Server logins, run no availability groups
			case "isclustered", "issingleuser", "isintegratedsecurityonly" -> SqlVariant.integer(0);
			case "ishadrenabled", "islocaldb" -> sql2012 ? SqlVariant.integer(0) : null;
			default -> null;
		};
	}

	/**
	 * {@code DATABASEPROPERTYEX(database, 'property')}: Status, Updateability, UserAccess, Recovery, IsInStandBy and
	 * Collation; NULL for a database the instance does not have. A STANDBY copy is "online as read-only, with restore
	 * log allowed"; a RESTORING database has not started, so it has no collation to give.
	 */
	static Object databaseProperty(LabSqlState state, Object database, Object name) {
		Database target = database == null ? null : state.database(SqlVariant.unwrap(database).toString());
		if (target == null || name == null) {
			return null;
		}
		boolean started = !"RESTORING".equals(target.state());
		return switch (SqlVariant.unwrap(name).toString().toLowerCase(Locale.ROOT)) {
			case "status" -> text(target.state());
			case "updateability" -> text(target.standby() ? "READ_ONLY" : "READ_WRITE");
			case "useraccess" -> text("MULTI_USER");
			case "recovery" -> text(SystemViews.recoveryModel(target));
			case "isinstandby" -> SqlVariant.integer(target.standby() ? 1 : 0);
			case "collation" -> started ? text(COLLATION) : null;
			default -> null;
		};
	}

	String machineName() {
		return serverName.split("\\\\")[0];
	}

	/** "Returns NULL if the instance name is the default instance". */
	String instanceName() {
		return serverName.contains("\\") ? serverName.split("\\\\")[1] : null;
	}

	private static SqlVariant text(String value) {
		return value == null ? null : SqlVariant.nvarchar(value);
	}

}
