package org.pchatfailover.lab.sql.engine;

import java.util.List;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * What SET FMTONLY and SET NOCOUNT do to a statement's results. FMTONLY ON: "Returns only metadata to the client"
 * and "No rows are processed or sent to the client", so result sets keep their columns and lose their rows, and the
 * statements that would change the lab's state are refused rather than run or skipped in silence. NOCOUNT ON: "the
 * count is not returned".
 */
record ResultShape(boolean fmtonly, boolean nocount) {

	static ResultShape of(SqlSession session) {
		return new ResultShape(session.options().fmtonly, session.options().nocount);
	}

	List<Outcome> apply(List<Outcome> outcomes) {
		if (!fmtonly && !nocount) {
			return outcomes;
		}
		return outcomes.stream().map(this::apply).toList();
	}

	private Outcome apply(Outcome outcome) {
		if (outcome instanceof Outcome.Rows rows) {
			return new Outcome.Rows(rows.columns(), fmtonly ? List.of() : rows.rows(), rows.counted() && !nocount);
		}
		if (outcome instanceof Outcome.Done done && nocount) {
			return new Outcome.Done(-1);
		}
		return outcome;
	}

	/** A statement that changes the lab's state: not run under FMTONLY ON, and not skipped in silence either. */
	static void refuseUnderFmtonly(SqlSession session, String statement) {
		if (session.options().fmtonly) {
			throw new SqlException(SqlErrors.notSimulated(statement + " under SET FMTONLY ON"));
		}
	}

}
