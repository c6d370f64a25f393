package org.pchatfailover.lab.sql.errors;

/**
 * The SQL Server messages the lab raises, with SQL Server's numbers, severities and texts, so that a client (the
 * product, sqlcmd, SSMS) sees what a real instance would say.
 */
public final class SqlErrors {

	private SqlErrors() {
	}

	public static SqlMessage syntax(String near) {
		return new SqlMessage(102, 15, 1, "Incorrect syntax near '" + near + "'.");
	}

	/** A reserved keyword where the grammar has no place for it. */
	public static SqlMessage keyword(String keyword) {
		return new SqlMessage(156, 15, 1, "Incorrect syntax near the keyword '" + keyword + "'.");
	}

	/** 155 "'%.*ls' is not a recognized %ls option.", e.g. a datepart DATEDIFF does not know. */
	public static SqlMessage unrecognizedOption(String value, String option) {
		return new SqlMessage(155, 15, 1, "'" + value + "' is not a recognized " + option + " option.");
	}

	public static SqlMessage notAllowedInTransaction(String statement) {
		return new SqlMessage(226, 16, 1, statement + " statement not allowed within multi-statement transaction.");
	}

	public static SqlMessage backupOrRestoreInTransaction() {
		return new SqlMessage(3021, 16, 1, "Cannot perform a backup or restore operation within a transaction.");
	}

	public static SqlMessage commitWithoutBegin() {
		return new SqlMessage(3902, 16, 1, "The COMMIT TRANSACTION request has no corresponding BEGIN TRANSACTION.");
	}

	public static SqlMessage rollbackWithoutBegin() {
		return new SqlMessage(3903, 16, 1,
				"The ROLLBACK TRANSACTION request has no corresponding BEGIN TRANSACTION.");
	}

	/** A request whose ALL_HEADERS carry another transaction descriptor than the session's open transaction. */
	public static SqlMessage invalidTransactionDescriptor() {
		return new SqlMessage(3989, 16, 1,
				"New request is not allowed to start because it should come with valid transaction descriptor.");
	}

	public static SqlMessage unclosedQuote(String text) {
		return new SqlMessage(105, 15, 1, "Unclosed quotation mark after the character string '" + text + "'.");
	}

	public static SqlMessage missingEndComment() {
		return new SqlMessage(113, 15, 1, "Missing end comment mark '*/'.");
	}

	public static SqlMessage mustDeclare(String variable) {
		return new SqlMessage(137, 15, 2, "Must declare the scalar variable \"" + variable + "\".");
	}

	public static SqlMessage waitforTime(String text) {
		return new SqlMessage(148, 15, 1, "Incorrect time syntax in time string '" + text + "' used with WAITFOR.");
	}

	public static SqlMessage notOutputParameter(String parameter) {
		return new SqlMessage(8162, 16, 2, "The formal parameter \"" + parameter
				+ "\" was not declared as an OUTPUT parameter, but the actual parameter passed in requested output.");
	}

	public static SqlMessage unknownFunction(String name) {
		return new SqlMessage(195, 15, 10, "'" + name + "' is not a recognized built-in function name.");
	}

	public static SqlMessage unknownSetOption(String name) {
		return new SqlMessage(195, 15, 5, "'" + name + "' is not a recognized SET option.");
	}

	public static SqlMessage invalidColumn(String name) {
		return new SqlMessage(207, 16, 1, "Invalid column name '" + name + "'.");
	}

	public static SqlMessage conversionFailed(String value, String type) {
		return conversionFailed("nvarchar", value, type);
	}

	/** 245 "Conversion failed when converting the %ls value '%.*ls' to data type %ls." */
	public static SqlMessage conversionFailed(String fromType, String value, String type) {
		return new SqlMessage(245, 16, 1,
				"Conversion failed when converting the " + fromType + " value '" + value + "' to data type " + type + ".");
	}

	public static SqlMessage invalidObject(String name) {
		return new SqlMessage(208, 16, 1, "Invalid object name '" + name + "'.");
	}

	public static SqlMessage procedureExpects(String procedure, String parameter) {
		return new SqlMessage(201, 16, 4, "Procedure or function '" + procedure + "' expects parameter '"
				+ parameter + "', which was not supplied.");
	}

	public static SqlMessage notAParameter(String parameter, String procedure) {
		return new SqlMessage(8145, 16, 1, parameter + " is not a parameter for procedure " + procedure + ".");
	}

	public static SqlMessage procedureNotFound(String name) {
		return new SqlMessage(2812, 16, 62, "Could not find stored procedure '" + name + "'.");
	}

	public static SqlMessage databaseNotFound(String name) {
		return new SqlMessage(911, 16, 1,
				"Database '" + name + "' does not exist. Make sure that the name is entered correctly.");
	}

	public static SqlMessage databaseRestoring(String name) {
		return new SqlMessage(927, 14, 2,
				"Database '" + name + "' cannot be opened. It is in the middle of a restore.");
	}

	/**
	 * PRINT's message: informational (severity 0), number 0 (the references give PRINT no number), truncated to 4000
	 * characters as a Unicode string is (sql-docs print-transact-sql).
	 */
	public static SqlMessage printed(String text) {
		return new SqlMessage(0, 0, 1, text.length() > 4000 ? text.substring(0, 4000) : text);
	}

	public static SqlMessage backupSetValid(int file) {
		return new SqlMessage(3262, 10, 1, "The backup set on file " + file + " is valid.");
	}

	/** 15010, as sp_helpdb raises it for a name the instance does not have. */
	public static SqlMessage databaseDoesNotExist(String name) {
		return new SqlMessage(15010, 16, 1, "The database '" + name
				+ "' does not exist. Supply a valid database name. To see available databases, use sys.databases.");
	}

	public static SqlMessage databaseInUse() {
		return new SqlMessage(3101, 16, 1, "Exclusive access could not be obtained because the database is in use.");
	}

	public static SqlMessage terminating(String statement) {
		return new SqlMessage(3013, 16, 1, statement + " is terminating abnormally.");
	}

	public static SqlMessage restoreSucceeded(String statement, int pages) {
		return new SqlMessage(3014, 0, 1, statement + " successfully processed " + pages
				+ " pages in 0.010 seconds (0.800 MB/sec).");
	}

	public static SqlMessage pagesProcessed(int pages, String database, String file) {
		return new SqlMessage(4035, 0, 1, "Processed " + pages + " pages for database '" + database + "', file '"
				+ file + "' on file 1.");
	}

	public static SqlMessage restoreInterrupted(String file) {
		return new SqlMessage(4319, 16, 1, "A previous restore operation was interrupted and did not complete processing "
				+ "on file '" + file + "'. Either restore the backup set that was interrupted or restart the restore "
				+ "sequence.");
	}

	/** Severity 10: informational, the RESTORE goes on. */
	public static SqlMessage restartCheckpointNotFound(String file) {
		return new SqlMessage(3018, 10, 1, "The restart-checkpoint file '" + file + "' was not found. The RESTORE "
				+ "command will continue from the beginning as if RESTART had not been specified.");
	}

	public static SqlMessage noFilesReadyToRollForward() {
		return new SqlMessage(3117, 16, 1,
				"The log or differential backup cannot be restored because no files are ready to rollforward.");
	}

	public static SqlMessage alreadyRecovered() {
		return new SqlMessage(3153, 16, 2, "The database is already fully recovered.");
	}

	public static SqlMessage otherDatabase(String database) {
		return new SqlMessage(3154, 16, 4,
				"The backup set holds a backup of a database other than the existing '" + database + "' database.");
	}

	/** sql-docs MSSQLSERVER_3159 (LDDB_LOGNOTBACKEDUP). */
	public static SqlMessage tailLogNotBackedUp(String database) {
		return new SqlMessage(3159, 16, 1, "The tail of the log for the database \"" + database + "\" has not been backed"
				+ " up. Use BACKUP LOG WITH NORECOVERY to back up the log if it contains work that you do not want to lose."
				+ " Use the WITH REPLACE or WITH STOPAT clause of the RESTORE statement to just overwrite the contents of"
				+ " the log.");
	}

	public static SqlMessage cannotOpenDevice(String device, String osError) {
		return new SqlMessage(3201, 16, 2, "Cannot open backup device '" + device + "'. Operating system error "
				+ osError + ".");
	}

	public static SqlMessage mediaIncorrectlyFormed(String device) {
		return new SqlMessage(3241, 16, 0, "The media family on device '" + device
				+ "' is incorrectly formed. SQL Server cannot process this media family.");
	}

	public static SqlMessage logTooRecent(String firstLsn, String redoLsn) {
		return new SqlMessage(4305, 16, 1, "The log in this backup set begins at LSN " + firstLsn
				+ ", which is too recent to apply to the database. An earlier log backup that includes LSN " + redoLsn
				+ " can be restored.");
	}

	public static SqlMessage logTooEarly(String lastLsn, String redoLsn) {
		return new SqlMessage(4326, 16, 1, "The log in this backup set terminates at LSN " + lastLsn
				+ ", which is too early to apply to the database. A more recent log backup that includes LSN "
				+ redoLsn + " can be restored.");
	}

	public static SqlMessage cannotOpenDatabase(String database) {
		return new SqlMessage(4060, 11, 1,
				"Cannot open database \"" + database + "\" requested by the login. The login failed.");
	}

	/**
	 * 21089 "Only members of the sysadmin fixed server role can perform this operation." (sql-docs, database engine
	 * errors 21000-21999). The log-shipping procedures' pages say "Only members of the sysadmin fixed server role can
	 * run this procedure"; that they raise this number (through sys.sp_MSlogshippingsysadmincheck) the references do
	 * not state outright: the lab's reading.
	 */
	public static SqlMessage sysadminOnly() {
		return new SqlMessage(21089, 16, 1, "Only members of the sysadmin fixed server role can perform this operation.");
	}

	public static SqlMessage noKillPermission() {
		return new SqlMessage(6102, 14, 1, "User does not have permission to use the KILL statement.");
	}

	public static SqlMessage killOwnProcess() {
		return new SqlMessage(6104, 16, 1, "Cannot use KILL to kill your own process.");
	}

	public static SqlMessage notActiveProcess(long sessionId) {
		return new SqlMessage(6106, 16, 2, "Process ID " + sessionId + " is not an active process ID.");
	}

	public static SqlMessage notUserProcess() {
		return new SqlMessage(6107, 14, 1, "Only user processes can be killed.");
	}

	public static SqlMessage unknownRpcType(int ordinal, String name, int type) {
		return new SqlMessage(8009, 16, 1, String.format(
				"The incoming tabular data stream (TDS) remote procedure call (RPC) protocol stream is incorrect. "
						+ "Parameter %d (\"%s\"): Data type 0x%02X is unknown.",
				ordinal, name, type));
	}

	public static SqlMessage loginFailed(String user) {
		return new SqlMessage(18456, 14, 1, "Login failed for user '" + user + "'.");
	}

	/**
	 * 32014, the secondary's message (32010 is the primary's: "... does not exist as log shipping primary."). The
	 * references give the text in SQL Server's message table but do not say which error
	 * sp_delete_log_shipping_secondary_database raises for a database that is not a secondary; this one's text fits.
	 */
	public static SqlMessage notLogShippingSecondary(String database) {
		return new SqlMessage(32014, 16, 1, "Database " + database + " does not exist as log shipping secondary.");
	}

	public static SqlMessage notConfiguredForMirroring(String database) {
		return new SqlMessage(1416, 16, 31, "Database \"" + database + "\" is not configured for database mirroring.");
	}

	public static SqlMessage partnerUnreachable(String address) {
		return new SqlMessage(1418, 16, 1, "The server network address \"" + address
				+ "\" can not be reached or does not exist. Check the network address name and that the ports for"
				+ " the local and remote endpoints are operational.");
	}

	public static SqlMessage notFullRecovery(String database) {
		return new SqlMessage(1465, 16, 1, "Database \"" + database + "\" database is not in full recovery mode on"
				+ " each of the server instances. The full recovery model is required for a database to participate"
				+ " in database mirroring or in an availability group.");
	}

	public static SqlMessage cannotAlterDatabase(String database) {
		return new SqlMessage(5011, 14, 5, "User does not have permission to alter database '" + database
				+ "', the database does not exist, or the database is not in a state that allows access checks.");
	}

	/**
	 * Where the simulation stops: SQL Server has the statement or option, the lab does not simulate it. SQL Database's
	 * 40517 names the keyword; the lab says that it is the lab's limit, so a DBA does not hunt for a syntax error.
	 */
	public static SqlMessage notSimulated(String keyword) {
		return new SqlMessage(40517, 16, 1, "Keyword or statement option '" + keyword
				+ "' is not supported in this version of SQL Server: the lab SQL Server does not simulate it.");
	}

}
