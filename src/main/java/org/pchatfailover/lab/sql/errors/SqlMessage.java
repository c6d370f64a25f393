package org.pchatfailover.lab.sql.errors;

/**
 * An ERROR or INFO message as SQL Server sends it.
 *
 * @param number error number, e.g. 4305
 * @param severity class: 0-10 informational, 11-16 user errors, 17+ resource and system errors
 * @param state state, as SQL Server uses it to tell where a message was raised
 * @param text the message text, formatted
 */
public record SqlMessage(int number, int severity, int state, String text) {

	public boolean isError() {
		return severity > 10;
	}

}
