package org.pchatfailover.lab.sql.tds;

/** The client sent something that is not valid TDS; the lab closes the connection as SQL Server would. */
class TdsProtocolException extends RuntimeException {

	TdsProtocolException(String message) {
		super(message);
	}

}
