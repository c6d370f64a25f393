package org.pchatfailover.lab.sql.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pchatfailover.lab.sql.errors.QueryErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Expr;
import org.pchatfailover.lab.sql.parse.Predicate;
import org.pchatfailover.lab.sql.parse.Statement.OrderItem;
import org.pchatfailover.lab.sql.parse.Statement.Select;
import org.pchatfailover.lab.sql.parse.Statement.SelectItem;

/**
 * GROUP BY and aggregates: one output row per group of rows with the same GROUP BY values (or one for all rows, also
 * none, when a query aggregates without GROUP BY). A column of the select list, HAVING or ORDER BY must be grouped by or
 * inside an aggregate (8120, 8121, 8127); aggregates may not stand in GROUP BY (144).
 */
final class Grouping {

	private static final Set<String> DATEPART_FUNCTIONS = Set.of("DATEDIFF", "DATEADD", "DATEPART");

	private final Relation relation;

	private final Evaluator evaluator;

	Grouping(Relation relation, Evaluator evaluator) {
		this.relation = relation;
		this.evaluator = evaluator;
	}

	static boolean applies(Select select) {
		return !select.groupBy().isEmpty() || Aggregates.contains(select.having())
				|| select.items().stream().anyMatch(i -> Aggregates.contains(i.expr()))
				|| select.orderBy().stream().anyMatch(o -> Aggregates.contains(o.expr()));
	}

	List<RowScope> groups(List<List<Object>> rows, List<Expr> groupBy) {
		if (groupBy.isEmpty()) {
			return List.of(scope(rows));
		}
		Map<List<Object>, List<List<Object>>> groups = new LinkedHashMap<>();
		for (List<Object> row : rows) {
			RowScope scope = relation.scope(row);
			List<Object> key = new ArrayList<>();
			groupBy.forEach(e -> key.add(GroupKeys.key(evaluator.value(e, scope))));
			groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
		}
		return groups.values().stream().map(this::scope).toList();
	}

	private RowScope scope(List<List<Object>> rows) {
		List<RowScope> scopes = rows.stream().map(relation::scope).toList();
		return new RowScope() {

			@Override
			public Object column(Expr.ColumnRef column) {
				return scopes.isEmpty() ? null : scopes.get(0).column(column);
			}

			@Override
			public Object aggregate(Expr.Aggregate aggregate, Evaluator evaluator) {
				return Aggregates.compute(aggregate, scopes, evaluator);
			}

		};
	}

	/** @param aliases the select list's aliases, which ORDER BY may name */
	void validate(Select select, Set<String> aliases) {
		for (Expr expr : select.groupBy()) {
			if (Aggregates.contains(expr)) {
				throw new SqlException(QueryErrors.aggregateInGroupBy());
			}
		}
		for (SelectItem item : select.items()) {
			if (item.expr() == null || item.expr() instanceof Expr.ColumnRef star && star.name().equals("*")) {
				String qualifier = item.expr() == null ? null : ((Expr.ColumnRef) item.expr()).qualifier();
				List<Integer> columns = relation.star(qualifier);
				if (!columns.isEmpty()) {
					throw new SqlException(QueryErrors.notGrouped(relation.qualifiedName(columns.get(0)), "select list"));
				}
				continue;
			}
			check(item.expr(), "select list", select.groupBy());
		}
		for (Expr expr : expressions(select.having())) {
			check(expr, "HAVING", select.groupBy());
		}
		for (OrderItem order : select.orderBy()) {
			boolean alias = order.expr() instanceof Expr.ColumnRef ref && ref.qualifier() == null
					&& aliases.contains(ref.name().toLowerCase(java.util.Locale.ROOT));
			if (!alias && !(order.expr() instanceof Expr.Literal)) {
				check(order.expr(), "ORDER BY", select.groupBy());
			}
		}
	}

	private void check(Expr expr, String clause, List<Expr> groupBy) {
		if (groupBy.stream().anyMatch(g -> same(g, expr)) || expr instanceof Expr.Aggregate) {
			return;
		}
		if (expr instanceof Expr.ColumnRef column) {
			throw new SqlException(QueryErrors.notGrouped(relation.qualifiedName(relation.index(column)), clause));
		}
		if (expr instanceof Expr.Binary binary) {
			check(binary.left(), clause, groupBy);
			check(binary.right(), clause, groupBy);
		}
		if (expr instanceof Expr.Call call) {
			boolean datepart = DATEPART_FUNCTIONS.contains(call.function());
			for (int i = datepart ? 1 : 0; i < call.args().size(); i++) {
				check(call.args().get(i), clause, groupBy);
			}
		}
	}

	/** The same expression: columns by what they resolve to, anything else as written. */
	boolean same(Expr a, Expr b) {
		if (a instanceof Expr.ColumnRef x && b instanceof Expr.ColumnRef y) {
			return !x.name().equals("*") && !y.name().equals("*") && relation.index(x) == relation.index(y);
		}
		return a.equals(b);
	}

	private static List<Expr> expressions(Predicate predicate) {
		List<Expr> found = new ArrayList<>();
		collect(predicate, found);
		return found;
	}

	private static void collect(Predicate predicate, List<Expr> found) {
		if (predicate instanceof Predicate.Comparison c) {
			found.addAll(List.of(c.left(), c.right()));
		}
		else if (predicate instanceof Predicate.And and) {
			collect(and.left(), found);
			collect(and.right(), found);
		}
		else if (predicate instanceof Predicate.Or or) {
			collect(or.left(), found);
			collect(or.right(), found);
		}
		else if (predicate instanceof Predicate.Not not) {
			collect(not.operand(), found);
		}
		else if (predicate instanceof Predicate.Like like) {
			found.addAll(List.of(like.value(), like.pattern()));
		}
		else if (predicate instanceof Predicate.In in) {
			found.add(in.value());
			found.addAll(in.values());
		}
		else if (predicate instanceof Predicate.IsNull isNull) {
			found.add(isNull.value());
		}
		else if (predicate instanceof Predicate.Between between) {
			found.addAll(List.of(between.value(), between.low(), between.high()));
		}
	}

}
