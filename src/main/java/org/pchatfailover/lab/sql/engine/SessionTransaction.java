package org.pchatfailover.lab.sql.engine;

import java.util.Optional;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * The session's transaction as SQL Server counts it: {@code @@TRANCOUNT} and the 8-byte descriptor the client
 * receives in the begin ENVCHANGE and sends back in ALL_HEADERS. Only the outermost BEGIN and the COMMIT or ROLLBACK
 * that brings the count back to 0 change the descriptor, so only they are reported to the client.
 */
final class SessionTransaction {

	private final int spid;

	private int count;

	private long descriptor;

	private int sequence;

	private String name;

	SessionTransaction(int spid) {
		this.spid = spid;
	}

	/** {@code @@TRANCOUNT}. */
	synchronized int count() {
		return count;
	}

	/** The open transaction's descriptor, 0 outside a transaction (as in autocommit mode, [MS-TDS] 2.2.5.3.2). */
	synchronized long descriptor() {
		return descriptor;
	}

	/** The outermost BEGIN TRANSACTION's name, null when it had none. */
	synchronized String name() {
		return name;
	}

	/** BEGIN TRANSACTION: increments @@TRANCOUNT; from 0 a new transaction with a new descriptor. */
	synchronized Optional<Outcome.TransactionChanged> begin(String transactionName) {
		count++;
		if (count > 1) {
			return Optional.empty();
		}
		name = transactionName;
		// the references leave the descriptor's value to the server: the session id and a sequence keep it unique
		descriptor = ((long) spid << 32) | ++sequence;
		return Optional.of(new Outcome.TransactionChanged(Outcome.TransactionChanged.Kind.BEGIN, descriptor));
	}

	/** COMMIT: decrements @@TRANCOUNT; at 0 the transaction commits. 3902 without a transaction. */
	synchronized Optional<Outcome.TransactionChanged> commit() {
		if (count == 0) {
			throw new SqlException(SqlErrors.commitWithoutBegin());
		}
		count--;
		return count > 0 ? Optional.empty() : Optional.of(end(Outcome.TransactionChanged.Kind.COMMIT));
	}

	/** ROLLBACK: back to the outermost BEGIN, @@TRANCOUNT 0. 3903 without a transaction. */
	synchronized Outcome.TransactionChanged rollback() {
		if (count == 0) {
			throw new SqlException(SqlErrors.rollbackWithoutBegin());
		}
		count = 0;
		return end(Outcome.TransactionChanged.Kind.ROLLBACK);
	}

	private Outcome.TransactionChanged end(Outcome.TransactionChanged.Kind kind) {
		Outcome.TransactionChanged ended = new Outcome.TransactionChanged(kind, descriptor);
		descriptor = 0;
		name = null;
		return ended;
	}

}
