package org.pchatfailover.lab.sql.engine;

/**
 * A TDS transaction manager request the lab simulates ([MS-TDS] 2.2.6.9): TM_BEGIN_XACT, TM_COMMIT_XACT or
 * TM_ROLLBACK_XACT.
 *
 * @param beginAfter fBeginXact: a new local transaction begins once the commit or rollback is done
 * @param isolationLevel the ISOLATION_LEVEL byte of a begin (0 = no change, 1-4, 5 = snapshot)
 */
public record TransactionRequest(Kind kind, boolean beginAfter, int isolationLevel) {

	public enum Kind {

		BEGIN, COMMIT, ROLLBACK

	}

}
