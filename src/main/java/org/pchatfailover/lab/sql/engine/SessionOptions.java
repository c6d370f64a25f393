package org.pchatfailover.lab.sql.engine;

/**
 * The SET options of a session that change what the lab answers: ROWCOUNT, FMTONLY, NOCOUNT, IMPLICIT_TRANSACTIONS
 * and XACT_ABORT. A SET inside sp_executesql lasts until the call returns, as on SQL Server ("the value of the SET
 * option gets restored after control returns from the batch that you specified in the dynamic SQL string").
 */
final class SessionOptions {

	/** SET ROWCOUNT: the most rows a SELECT returns, 0 for all. */
	long rowcount;

	/** SET FMTONLY ON: result sets carry their columns, no rows. */
	boolean fmtonly;

	/** SET NOCOUNT ON: no row counts in the DONE tokens. */
	boolean nocount;

	/** SET IMPLICIT_TRANSACTIONS ON: a SELECT from a table (or BEGIN TRANSACTION) at @@TRANCOUNT 0 begins one. */
	boolean implicitTransactions;

	/** SET XACT_ABORT ON: a statement's run-time error rolls the open transaction back. */
	boolean xactAbort;

	SessionOptions copy() {
		SessionOptions copy = new SessionOptions();
		copy.restore(this);
		return copy;
	}

	void restore(SessionOptions saved) {
		rowcount = saved.rowcount;
		fmtonly = saved.fmtonly;
		nocount = saved.nocount;
		implicitTransactions = saved.implicitTransactions;
		xactAbort = saved.xactAbort;
	}

}
