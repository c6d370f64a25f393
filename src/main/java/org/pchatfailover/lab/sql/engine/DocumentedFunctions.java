package org.pchatfailover.lab.sql.engine;

import java.util.Set;

/**
 * The built-in functions and @@ functions SQL Server documents, from sql-docs' category pages (string, aggregate,
 * date and time, mathematical, system, metadata, security, configuration and logical functions, CAST and CONVERT):
 * a name here that the lab does not evaluate is the lab's limit (40517, "the lab SQL Server does not simulate it"),
 * any other name is the DBA's typo, as SQL Server answers it (195 "... is not a recognized built-in function name.",
 * 137 for an unknown @@ name). The pages list today's functions: the lab does not tell which release added each.
 */
final class DocumentedFunctions {

	private static final Set<String> FUNCTIONS = Set.of(
			// string
			"ASCII", "CHAR", "CHARINDEX", "CONCAT", "CONCAT_WS", "DIFFERENCE", "FORMAT", "LEFT", "LEN", "LOWER",
			"LTRIM", "NCHAR", "PATINDEX", "QUOTENAME", "REPLACE", "REPLICATE", "REVERSE", "RIGHT", "RTRIM", "SOUNDEX",
			"SPACE", "STR", "STRING_AGG", "STRING_ESCAPE", "STRING_SPLIT", "STUFF", "SUBSTRING", "TRANSLATE", "TRIM",
			"UNICODE", "UPPER",
			// date and time
			"SYSDATETIME", "SYSDATETIMEOFFSET", "SYSUTCDATETIME", "CURRENT_TIMESTAMP", "GETDATE", "GETUTCDATE",
			"DATENAME", "DATEPART", "DAY", "MONTH", "YEAR", "DATEFROMPARTS", "DATETIME2FROMPARTS",
			"DATETIMEFROMPARTS", "DATETIMEOFFSETFROMPARTS", "SMALLDATETIMEFROMPARTS", "TIMEFROMPARTS", "DATEDIFF",
			"DATEDIFF_BIG", "DATEADD", "EOMONTH", "SWITCHOFFSET", "TODATETIMEOFFSET", "ISDATE",
			// mathematical
			"ABS", "ACOS", "ASIN", "ATAN", "ATN2", "CEILING", "COS", "COT", "DEGREES", "EXP", "FLOOR", "LOG", "LOG10",
			"PI", "POWER", "RADIANS", "RAND", "ROUND", "SIGN", "SIN", "SQRT", "SQUARE", "TAN",
			// system
			"BINARY_CHECKSUM", "CHECKSUM", "COMPRESS", "CONNECTIONPROPERTY", "CONTEXT_INFO", "CURRENT_REQUEST_ID",
			"CURRENT_TRANSACTION_ID", "DECOMPRESS", "ERROR_LINE", "ERROR_MESSAGE", "ERROR_NUMBER", "ERROR_PROCEDURE",
			"ERROR_SEVERITY", "ERROR_STATE", "FORMATMESSAGE", "GET_FILESTREAM_TRANSACTION_CONTEXT", "GETANSINULL",
			"HOST_ID", "HOST_NAME", "ISNULL", "ISNUMERIC", "MIN_ACTIVE_ROWVERSION", "NEWID", "NEWSEQUENTIALID",
			"ROWCOUNT_BIG", "SESSION_CONTEXT", "SESSION_ID", "XACT_STATE",
			// metadata
			"APP_NAME", "APPLOCK_MODE", "APPLOCK_TEST", "ASSEMBLYPROPERTY", "COL_LENGTH", "COL_NAME", "COLUMNPROPERTY",
			"DATABASE_PRINCIPAL_ID", "DATABASEPROPERTYEX", "DB_ID", "DB_NAME", "FILE_ID", "FILE_IDEX", "FILE_NAME",
			"FILEGROUP_ID", "FILEGROUP_NAME", "FILEGROUPPROPERTY", "FILEPROPERTY", "FULLTEXTCATALOGPROPERTY",
			"FULLTEXTSERVICEPROPERTY", "INDEX_COL", "INDEXKEY_PROPERTY", "INDEXPROPERTY", "OBJECT_DEFINITION",
			"OBJECT_ID", "OBJECT_NAME", "OBJECT_SCHEMA_NAME", "OBJECTPROPERTY", "OBJECTPROPERTYEX", "ORIGINAL_DB_NAME",
			"PARSENAME", "SCHEMA_ID", "SCHEMA_NAME", "SCOPE_IDENTITY", "SERVERPROPERTY", "STATS_DATE", "TYPE_ID",
			"TYPE_NAME", "TYPEPROPERTY",
			// security
			"CERTENCODED", "CERTPRIVATEKEY", "CURRENT_USER", "HAS_PERMS_BY_NAME", "IS_MEMBER", "IS_ROLEMEMBER",
			"IS_SRVROLEMEMBER", "ORIGINAL_LOGIN", "PERMISSIONS", "PWDCOMPARE", "PWDENCRYPT", "SESSION_USER",
			"SUSER_ID", "SUSER_NAME", "SUSER_SID", "SUSER_SNAME", "SYSTEM_USER", "USER_ID", "USER_NAME",
			// logical, conversion
			"IIF", "CHOOSE", "CAST", "CONVERT", "TRY_CONVERT");

	/** Configuration and system @@ functions ("Configuration Functions", "System Functions", "Metadata Functions"). */
	private static final Set<String> GLOBALS = Set.of("@@DATEFIRST", "@@DBTS", "@@LANGID", "@@LANGUAGE",
			"@@LOCK_TIMEOUT", "@@MAX_CONNECTIONS", "@@MAX_PRECISION", "@@NESTLEVEL", "@@OPTIONS", "@@REMSERVER",
			"@@SERVERNAME", "@@SERVICENAME", "@@SPID", "@@TEXTSIZE", "@@VERSION", "@@ERROR", "@@IDENTITY",
			"@@PACK_RECEIVED", "@@ROWCOUNT", "@@TRANCOUNT", "@@PROCID");

	private DocumentedFunctions() {
	}

	/** @param name upper case */
	static boolean isFunction(String name) {
		return FUNCTIONS.contains(name);
	}

	/** @param name upper case, with its @@ */
	static boolean isGlobal(String name) {
		return GLOBALS.contains(name);
	}

}
