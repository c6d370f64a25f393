package org.pchatfailover.lab.sql.parse;

import java.util.List;

/**
 * A search condition (WHERE, HAVING, ON, IF): comparisons, LIKE, IN, IS NULL and BETWEEN, each negatable, joined by
 * AND, OR and NOT with parentheses.
 */
public sealed interface Predicate {

	/** {@code left op right} with op one of = <> != < <= > >=. */
	record Comparison(Expr left, String operator, Expr right) implements Predicate {
	}

	record And(Predicate left, Predicate right) implements Predicate {
	}

	record Or(Predicate left, Predicate right) implements Predicate {
	}

	record Not(Predicate operand) implements Predicate {
	}

	/** {@code value [NOT] LIKE pattern [ESCAPE escape]}; {@code escape} null when none is given. */
	record Like(Expr value, Expr pattern, Expr escape, boolean negated) implements Predicate {
	}

	/** {@code value [NOT] IN (values)}. */
	record In(Expr value, List<Expr> values, boolean negated) implements Predicate {
	}

	/** {@code value IS [NOT] NULL}. */
	record IsNull(Expr value, boolean negated) implements Predicate {
	}

	/**
	 * {@code EXISTS (subquery)}: "Returns TRUE if a subquery contains any rows" (sql-docs EXISTS (Transact-SQL)); never
	 * unknown. NOT EXISTS is {@link Not} of it.
	 */
	record Exists(Statement.Select query) implements Predicate {
	}

	/** {@code value [NOT] BETWEEN low AND high}. */
	record Between(Expr value, Expr low, Expr high, boolean negated) implements Predicate {
	}

}
