package org.pchatfailover.lab.sql.engine;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Expr;

/** What an expression reads besides variables: the current row's columns, and in a grouped query its aggregates. */
interface RowScope {

	/** No FROM clause: there is no column to read. */
	RowScope NONE = new RowScope() {

		@Override
		public Object column(Expr.ColumnRef column) {
			throw new SqlException(SqlErrors.invalidColumn(column.name()));
		}

		@Override
		public Object aggregate(Expr.Aggregate aggregate, Evaluator evaluator) {
			throw new SqlException(SqlErrors.notSimulated(aggregate.function() + " outside a SELECT list or HAVING"));
		}

	};

	Object column(Expr.ColumnRef column);

	Object aggregate(Expr.Aggregate aggregate, Evaluator evaluator);

}
