package org.pchatfailover.sqlserver;

/**
 * A statement on a SQL Server instance failed, or the instance could not be reached. The message leads with what
 * an operator needs: the statement, the database, the instance, the error number and text, e.g.
 * {@code RESTORE LOG mgc on dal-sql-bk.litwareinc.com\PCHAT failed: 3101 Exclusive access could not be obtained
 * because the database is in use.}
 */
public class SqlServerException extends RuntimeException {

	/** Error number when the instance could not be reached at all. */
	public static final int UNREACHABLE = -1;

	private final int errorNumber;

	private final String instance;

	private final String statement;

	public SqlServerException(String message, int errorNumber, String instance, String statement, Throwable cause) {
		super(message, cause);
		this.errorNumber = errorNumber;
		this.instance = instance;
		this.statement = statement;
	}

	/** SQL Server's error number (e.g. 4305, 3101), or {@link #UNREACHABLE}. */
	public int errorNumber() {
		return errorNumber;
	}

	/** {@code host\instance} of the instance, as operators name it. */
	public String instance() {
		return instance;
	}

	/** The statement as run, parameters by name (never a password). */
	public String statement() {
		return statement;
	}

}
