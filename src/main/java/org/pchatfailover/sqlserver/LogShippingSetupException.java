package org.pchatfailover.sqlserver;

/**
 * A log-shipping setup procedure (or the initialisation backup/restore) failed on SQL Server: the product stops
 * trying and hands the DBA the script that does the same, generated with the names it read.
 */
public class LogShippingSetupException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String script;

	public LogShippingSetupException(String message, String script, Throwable cause) {
		super(message, cause);
		this.script = script;
	}

	public String script() {
		return script;
	}

}
