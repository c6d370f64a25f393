package org.pchatfailover.lab.sql.errors;

import java.util.List;

/**
 * A statement failed in the lab engine: the messages go to the client as ERROR tokens, in order (RESTORE sends
 * the cause, then 3013 "terminating abnormally"), and the batch stops.
 */
public class SqlException extends RuntimeException {

	private final List<SqlMessage> messages;

	public SqlException(SqlMessage... messages) {
		super(messages[0].number() + ": " + messages[0].text());
		this.messages = List.of(messages);
	}

	public List<SqlMessage> messages() {
		return messages;
	}

	public int number() {
		return messages.get(0).number();
	}

}
