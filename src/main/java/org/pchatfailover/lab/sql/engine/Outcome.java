package org.pchatfailover.lab.sql.engine;

import java.util.List;

import org.pchatfailover.lab.sql.errors.SqlMessage;

/** What one statement of a batch produced, in the order the client receives it. */
public sealed interface Outcome {

	/** A result set; the client sees COLMETADATA, ROW tokens and a DONE with the row count. */
	record Rows(List<Column> columns, List<List<Object>> rows) implements Outcome {
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

	/** The session's database changed ({@code USE}); the client receives an ENVCHANGE. */
	record DatabaseChanged(String from, String to) implements Outcome {
	}

}
