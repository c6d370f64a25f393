package org.pchatfailover.lab.sql.engine;

import java.util.List;

import org.pchatfailover.lab.sql.errors.SqlMessage;

/** What one statement of a batch produced, in the order the client receives it. */
public sealed interface Outcome {

	/**
	 * A result set; the client sees COLMETADATA, ROW tokens and a DONE with the row count.
	 *
	 * @param counted the DONE carries the row count (not under SET NOCOUNT ON)
	 */
	record Rows(List<Column> columns, List<List<Object>> rows, boolean counted) implements Outcome {

		public Rows(List<Column> columns, List<List<Object>> rows) {
			this(columns, rows, true);
		}

	}

	/** A statement that changed rows, or ran without a result set (count -1). */
	record Done(long count) implements Outcome {
	}

	/** An informational message (severity 0-10), e.g. RESTORE's pages processed. */
	record Info(SqlMessage message) implements Outcome {
	}

	/** The statement failed; the batch stops after it. */
	record Error(List<SqlMessage> messages) implements Outcome {
	}

	/** An OUTPUT parameter of a procedure call, e.g. the handle sp_prepexec returns. */
	record ReturnValue(int ordinal, String name, SqlType type, Object value) implements Outcome {
	}

	/**
	 * A transaction began, committed or rolled back: the client receives an ENVCHANGE (types 8, 9, 10) with the
	 * transaction descriptor, new for BEGIN, the ended one for COMMIT and ROLLBACK. No DONE of its own: the statement
	 * that changed the transaction ends with the next outcome's DONE, or with a DONE of its own when it is the last.
	 */
	record TransactionChanged(Kind kind, long descriptor) implements Outcome {

		public enum Kind {

			BEGIN, COMMIT, ROLLBACK

		}

	}

	/** The session's database changed ({@code USE}); the client receives an ENVCHANGE. */
	record DatabaseChanged(String from, String to) implements Outcome {
	}

}
