package org.pchatfailover.lab.sql.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pchatfailover.lab.sql.errors.ExpressionErrors;
import org.pchatfailover.lab.sql.errors.QueryErrors;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Expr;
import org.pchatfailover.lab.sql.parse.Predicate;

/**
 * COUNT, COUNT_BIG, MIN, MAX and SUM over a group's rows. "Except for COUNT, aggregate functions ignore null values"
 * (sql-docs aggregate-functions-transact-sql); COUNT(*) counts every row, COUNT(x) the rows where x is not NULL, and
 * DISTINCT each value once; SUM of tinyint, smallint or int is int, of bigint bigint, of numeric(p, s) numeric(38, s), of
 * no values NULL. The other aggregates (AVG, STDEV, VAR, ...) are the lab's limit.
 */
final class Aggregates {

	private Aggregates() {
	}

	/** @param rows the group's rows, each read through {@code scopes} */
	static Object compute(Expr.Aggregate aggregate, List<RowScope> rows, Evaluator evaluator) {
		if (contains(aggregate.argument())) {
			throw new SqlException(QueryErrors.nestedAggregate());
		}
		String function = aggregate.function();
		if (aggregate.argument() == null) {
			return function.equals("COUNT_BIG") ? (Object) (long) rows.size() : (Object) rows.size();
		}
		List<Object> values = new ArrayList<>();
		Set<Object> seen = new LinkedHashSet<>();
		for (RowScope row : rows) {
			Object value = SqlVariant.unwrap(evaluator.value(aggregate.argument(), row));
			if (value != null && (!aggregate.distinct() || seen.add(GroupKeys.key(value)))) {
				values.add(value);
			}
		}
		return switch (function) {
			case "COUNT" -> values.size();
			case "COUNT_BIG" -> (long) values.size();
			case "MIN", "MAX" -> extreme(values, function.equals("MAX"));
			case "SUM" -> sum(values);
			default -> throw new SqlException(SqlErrors.notSimulated(function));
		};
	}

	private static Object extreme(List<Object> values, boolean max) {
		Object best = null;
		for (Object value : values) {
			if (best == null || (max ? Comparisons.order(value, best) > 0 : Comparisons.order(value, best) < 0)) {
				best = value;
			}
		}
		return best;
	}

	private static Object sum(List<Object> values) {
		if (values.isEmpty()) {
			return null;
		}
		Object total = 0;
		for (Object value : values) {
			if (!(value instanceof Number) && !(value instanceof Boolean)) {
				throw new SqlException(ExpressionErrors.invalidOperand(Conversions.typeName(value), "sum"));
			}
			total = Arithmetic.apply("+", total, value instanceof Boolean bit ? (bit ? 1 : 0) : value);
		}
		return total;
	}

	static boolean contains(Expr expr) {
		if (expr instanceof Expr.Aggregate) {
			return true;
		}
		if (expr instanceof Expr.Binary binary) {
			return contains(binary.left()) || contains(binary.right());
		}
		if (expr instanceof Expr.Call call) {
			return call.args().stream().anyMatch(Aggregates::contains);
		}
		return false;
	}

	static boolean contains(Predicate predicate) {
		if (predicate instanceof Predicate.Comparison c) {
			return contains(c.left()) || contains(c.right());
		}
		if (predicate instanceof Predicate.And and) {
			return contains(and.left()) || contains(and.right());
		}
		if (predicate instanceof Predicate.Or or) {
			return contains(or.left()) || contains(or.right());
		}
		if (predicate instanceof Predicate.Not not) {
			return contains(not.operand());
		}
		if (predicate instanceof Predicate.Like like) {
			return contains(like.value()) || contains(like.pattern());
		}
		if (predicate instanceof Predicate.In in) {
			return contains(in.value()) || in.values().stream().anyMatch(Aggregates::contains);
		}
		if (predicate instanceof Predicate.IsNull isNull) {
			return contains(isNull.value());
		}
		return predicate instanceof Predicate.Between between
				&& (contains(between.value()) || contains(between.low()) || contains(between.high()));
	}

}
