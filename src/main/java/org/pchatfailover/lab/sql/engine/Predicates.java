package org.pchatfailover.lab.sql.engine;

import java.util.function.Function;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Expr;
import org.pchatfailover.lab.sql.parse.Predicate;
import org.pchatfailover.lab.sql.parse.Statement.Select;

/**
 * Search conditions with SQL's three values: a comparison with NULL is unknown (null), NOT unknown is unknown, AND is
 * false when either side is false, OR true when either side is true; a row qualifies only when its condition is true.
 * {@code x IN (a, b)} is {@code x = a OR x = b}; {@code x BETWEEN a AND b} is {@code x >= a AND x <= b}.
 */
final class Predicates {

	/** Outside an IF the lab evaluates no subquery (a correlated one would need the outer row): its limit. */
	private static final Function<Select, Boolean> NO_SUBQUERIES = query -> {
		throw new SqlException(SqlErrors.notSimulated("EXISTS outside an IF condition"));
	};

	private final Evaluator evaluator;

	private final Function<Select, Boolean> anyRows;

	Predicates(Evaluator evaluator) {
		this(evaluator, NO_SUBQUERIES);
	}

	/** @param anyRows runs an uncorrelated subquery: whether it returns any row */
	Predicates(Evaluator evaluator, Function<Select, Boolean> anyRows) {
		this.evaluator = evaluator;
		this.anyRows = anyRows;
	}

	/** Whether the condition has an {@code EXISTS}, so a query can refuse it before reading any row. */
	static boolean hasSubquery(Predicate predicate) {
		if (predicate instanceof Predicate.Exists) {
			return true;
		}
		if (predicate instanceof Predicate.And and) {
			return hasSubquery(and.left()) || hasSubquery(and.right());
		}
		if (predicate instanceof Predicate.Or or) {
			return hasSubquery(or.left()) || hasSubquery(or.right());
		}
		return predicate instanceof Predicate.Not not && hasSubquery(not.operand());
	}

	/** Refuses an EXISTS in a query's WHERE or HAVING as the lab's limit, whatever rows there are. */
	static void refuseSubqueries(Select select) {
		if (hasSubquery(select.where()) || hasSubquery(select.having())) {
			NO_SUBQUERIES.apply(select);
		}
	}

	boolean holds(Predicate predicate, RowScope scope) {
		return predicate == null || Boolean.TRUE.equals(value(predicate, scope));
	}

	Boolean value(Predicate predicate, RowScope scope) {
		if (predicate instanceof Predicate.Comparison c) {
			return compare(evaluator.value(c.left(), scope), c.operator(), evaluator.value(c.right(), scope));
		}
		if (predicate instanceof Predicate.And and) {
			Boolean left = value(and.left(), scope);
			return Boolean.FALSE.equals(left) ? Boolean.FALSE : and(left, value(and.right(), scope));
		}
		if (predicate instanceof Predicate.Or or) {
			Boolean left = value(or.left(), scope);
			return Boolean.TRUE.equals(left) ? Boolean.TRUE : or(left, value(or.right(), scope));
		}
		if (predicate instanceof Predicate.Not not) {
			return negate(value(not.operand(), scope), true);
		}
		if (predicate instanceof Predicate.Exists exists) {
			return anyRows.apply(exists.query());
		}
		if (predicate instanceof Predicate.IsNull isNull) {
			boolean isNullValue = evaluator.value(isNull.value(), scope) == null;
			return isNull.negated() != isNullValue;
		}
		if (predicate instanceof Predicate.Like like) {
			return negate(like(like, scope), like.negated());
		}
		if (predicate instanceof Predicate.In in) {
			Object value = evaluator.value(in.value(), scope);
			Boolean found = Boolean.FALSE;
			for (Expr candidate : in.values()) {
				found = or(found, compare(value, "=", evaluator.value(candidate, scope)));
			}
			return negate(found, in.negated());
		}
		Predicate.Between between = (Predicate.Between) predicate;
		Object value = evaluator.value(between.value(), scope);
		Boolean inRange = and(compare(value, ">=", evaluator.value(between.low(), scope)),
				compare(value, "<=", evaluator.value(between.high(), scope)));
		return negate(inRange, between.negated());
	}

	/** "If any one of the arguments isn't of character string data type, the Database Engine converts it". */
	private Boolean like(Predicate.Like like, RowScope scope) {
		String value = Conversions.text(evaluator.value(like.value(), scope), null);
		String pattern = Conversions.text(evaluator.value(like.pattern(), scope), null);
		String escape = like.escape() == null ? null : Conversions.text(evaluator.value(like.escape(), scope), null);
		if (value == null || pattern == null || (like.escape() != null && escape == null)) {
			return null;
		}
		return LikePattern.matches(value, pattern, escape);
	}

	private static Boolean compare(Object left, String operator, Object right) {
		Integer order = Comparisons.order(left, right);
		return order == null ? null : Comparisons.compare(left, operator, right);
	}

	private static Boolean and(Boolean left, Boolean right) {
		if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
			return Boolean.FALSE;
		}
		return left == null || right == null ? null : Boolean.TRUE;
	}

	private static Boolean or(Boolean left, Boolean right) {
		if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
			return Boolean.TRUE;
		}
		return left == null || right == null ? null : Boolean.FALSE;
	}

	private static Boolean negate(Boolean value, boolean negated) {
		if (value == null || !negated) {
			return value;
		}
		return !value;
	}

}
