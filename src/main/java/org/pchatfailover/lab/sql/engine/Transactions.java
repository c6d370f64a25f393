package org.pchatfailover.lab.sql.engine;

import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.errors.SqlMessage;

/**
 * Transactions as the three forms reach the lab: T-SQL (BEGIN TRAN, COMMIT, ROLLBACK, and the unseen BEGIN of SET
 * IMPLICIT_TRANSACTIONS ON), TDS transaction manager requests, and the transaction descriptor every TDS 7.2 request
 * carries in ALL_HEADERS. Nothing the lab lets run inside a transaction changes data, so a ROLLBACK has nothing to
 * undo: RESTORE and BACKUP are refused with 3021, ALTER DATABASE with 226, and sp_delete_log_shipping_secondary_database
 * as not simulated there; SELECT only reads; KILL and USE are not transactional.
 */
final class Transactions {

	private Transactions() {
	}

	/** BEGIN TRAN: with IMPLICIT_TRANSACTIONS ON at @@TRANCOUNT 0 it "creates two nested transactions". */
	static List<Outcome> begin(SqlSession session, String name) {
		List<Outcome> outcomes = new ArrayList<>();
		if (session.options().implicitTransactions && session.transaction().count() == 0) {
			session.transaction().begin(null).ifPresent(outcomes::add);
		}
		session.transaction().begin(name).ifPresent(outcomes::add);
		outcomes.add(new Outcome.Done(-1));
		return outcomes;
	}

	static List<Outcome> commit(SqlSession session) {
		List<Outcome> outcomes = new ArrayList<>();
		session.transaction().commit().ifPresent(outcomes::add);
		outcomes.add(new Outcome.Done(-1));
		return outcomes;
	}

	/** ROLLBACK [name]: a name other than the outermost transaction's is a savepoint, which the lab does not simulate. */
	static List<Outcome> rollback(SqlSession session, String name) {
		String outermost = session.transaction().name();
		if (name != null && session.transaction().count() > 0 && !name.equals(outermost)) {
			throw new SqlException(SqlErrors.notSimulated("ROLLBACK TRANSACTION " + name + " (a savepoint)"));
		}
		return List.of(session.transaction().rollback(), new Outcome.Done(-1));
	}

	/** The unseen BEGIN TRANSACTION before a SELECT from a table under IMPLICIT_TRANSACTIONS ON. */
	static List<Outcome> implicitBegin(SqlSession session) {
		if (!session.options().implicitTransactions || session.transaction().count() > 0) {
			return List.of();
		}
		return session.transaction().begin(null).<List<Outcome>>map(List::of).orElse(List.of());
	}

	/** A statement SQL Server refuses inside a transaction: {@code messages} when @@TRANCOUNT > 0. */
	static void refuseInTransaction(SqlSession session, SqlMessage... messages) {
		if (session.transaction().count() > 0) {
			throw new SqlException(messages);
		}
	}

	/** SET XACT_ABORT ON: a run-time error rolls back the whole transaction. */
	static List<Outcome> afterError(SqlSession session) {
		if (!session.options().xactAbort || session.transaction().count() == 0) {
			return List.of();
		}
		return List.of(session.transaction().rollback());
	}

	/** A transaction manager request: the reply is its ENVCHANGEs and a DONE, or the error. */
	static List<Outcome> manage(SqlSession session, TransactionRequest request) {
		if (request.isolationLevel() > 4) {
			throw new SqlException(SqlErrors.notSimulated("ISOLATION_LEVEL " + request.isolationLevel()));
		}
		List<Outcome> outcomes = new ArrayList<>();
		switch (request.kind()) {
			case BEGIN -> session.transaction().begin(null).ifPresent(outcomes::add);
			case COMMIT -> session.transaction().commit().ifPresent(outcomes::add);
			case ROLLBACK -> outcomes.add(session.transaction().rollback());
		}
		if (request.beginAfter()) {
			session.transaction().begin(null).ifPresent(outcomes::add);
		}
		return outcomes;
	}

	/**
	 * The descriptor a request carries: inside a transaction it must be that transaction's (3989 otherwise). Outside
	 * one the lab does not check it (the references do not say what SQL Server does with a stale one).
	 */
	static List<Outcome> checkDescriptor(SqlSession session, long descriptor) {
		long current = session.transaction().descriptor();
		if (session.transaction().count() > 0 && descriptor != current) {
			return List.of(new Outcome.Error(List.of(SqlErrors.invalidTransactionDescriptor())));
		}
		return List.of();
	}

}
