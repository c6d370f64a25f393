package org.pchatfailover.lab.sql.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.pchatfailover.lab.sql.errors.QueryErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Expr;
import org.pchatfailover.lab.sql.parse.Predicate;
import org.pchatfailover.lab.sql.parse.Statement.OrderItem;
import org.pchatfailover.lab.sql.parse.Statement.Select;
import org.pchatfailover.lab.sql.parse.Statement.SelectItem;

/**
 * Runs a SELECT over its FROM clause's relation: WHERE, GROUP BY and aggregates ({@link Grouping}), HAVING, the select
 * list, DISTINCT, ORDER BY (expressions, select-list aliases and positions; NULLs first), TOP and SET ROWCOUNT ("SET
 * ROWCOUNT overrides the SELECT statement TOP keyword if the rowcount is the smaller value").
 */
final class QueryEvaluator {

	private final Evaluator evaluator;

	private final Predicates predicates;

	QueryEvaluator(Evaluator evaluator) {
		this.evaluator = evaluator;
		this.predicates = new Predicates(evaluator);
	}

	/** An IF's condition: no row to read; {@code EXISTS (subquery)} asks {@code anyRows}. */
	boolean holds(Predicate condition, Function<Select, Boolean> anyRows) {
		return new Predicates(evaluator, anyRows).holds(condition, RowScope.NONE);
	}

	/** @param rowcount SET ROWCOUNT, 0 for no limit */
	Outcome.Rows run(Select select, Relation relation, long rowcount) {
		List<Column> columns = columns(select, relation);
		List<QueryRow> selected = select(select, relation, rowcount, columns);
		return new Outcome.Rows(typed(columns, selected), selected.stream().map(QueryRow::values).toList());
	}

	/** {@code SELECT @a = x, ...}: the values of the last row, null when there is none. */
	List<Object> assignments(Select select, Relation relation, long rowcount) {
		if (select.items().stream().anyMatch(i -> i.variable() == null)) {
			throw new SqlException(QueryErrors.assignmentWithRetrieval());
		}
		List<QueryRow> selected = select(select, relation, rowcount, columns(select, relation));
		return selected.isEmpty() ? null : selected.get(selected.size() - 1).values();
	}

	private List<QueryRow> select(Select select, Relation relation, long rowcount, List<Column> columns) {
		if (Aggregates.contains(select.where())) {
			throw new SqlException(QueryErrors.aggregateInWhere());
		}
		List<List<Object>> rows = new ArrayList<>();
		for (List<Object> row : relation.rows()) {
			if (predicates.holds(select.where(), relation.scope(row))) {
				rows.add(row);
			}
		}
		List<RowScope> scopes;
		if (Grouping.applies(select)) {
			Grouping grouping = new Grouping(relation, evaluator);
			grouping.validate(select, aliases(select));
			scopes = new ArrayList<>();
			for (RowScope group : grouping.groups(rows, select.groupBy())) {
				if (predicates.holds(select.having(), group)) {
					scopes.add(group);
				}
			}
		}
		else {
			scopes = rows.stream().map(relation::scope).toList();
		}
		List<QueryRow> selected = new ArrayList<>();
		for (RowScope scope : scopes) {
			selected.add(new QueryRow(scope, project(select.items(), relation, scope)));
		}
		if (select.distinct()) {
			Set<List<Object>> seen = new HashSet<>();
			selected.removeIf(e -> !seen.add(GroupKeys.keys(e.values())));
		}
		if (!select.orderBy().isEmpty()) {
			selected.sort(new Ordering(select, relation, columns, evaluator).comparator());
		}
		long limit = limit(select.top(), rowcount);
		return limit >= 0 && selected.size() > limit ? new ArrayList<>(selected.subList(0, (int) limit)) : selected;
	}

	/** A column whose type the expression does not tell takes its first value's (nvarchar with no rows). */
	private static List<Column> typed(List<Column> columns, List<QueryRow> rows) {
		List<Column> typed = new ArrayList<>(columns.size());
		for (int i = 0; i < columns.size(); i++) {
			Column column = columns.get(i);
			Object sample = rows.isEmpty() ? null : rows.get(0).values().get(i);
			typed.add(column.type() != null ? column : new Column(column.name(), Conversions.sqlType(sample)));
		}
		return typed;
	}

	/** TOP and SET ROWCOUNT, the smaller; -1 for no limit. */
	private long limit(Expr top, long rowcount) {
		long limit = rowcount > 0 ? rowcount : -1;
		if (top != null) {
			Object value = SqlVariant.unwrap(evaluator.value(top));
			if (!(value instanceof Number)) {
				throw new SqlException(QueryErrors.topInvalid());
			}
			long n = Comparisons.decimal(value).longValue();
			if (n < 0) {
				throw new SqlException(QueryErrors.topNegative());
			}
			limit = limit < 0 ? n : Math.min(n, limit);
		}
		return limit;
	}

	private List<Column> columns(Select select, Relation relation) {
		ExpressionTypes types = new ExpressionTypes(relation::type);
		List<Column> columns = new ArrayList<>();
		for (SelectItem item : select.items()) {
			if (isStar(item)) {
				relation.star(qualifier(item)).forEach(i -> columns.add(relation.columns().get(i)));
				continue;
			}
			SqlType type = types.of(item.expr());
			String name = item.alias() != null ? item.alias()
					: item.expr() instanceof Expr.ColumnRef ref ? relation.columns().get(relation.index(ref)).name() : "";
			columns.add(new Column(name, type));
		}
		return columns;
	}

	private List<Object> project(List<SelectItem> items, Relation relation, RowScope scope) {
		List<Object> values = new ArrayList<>();
		for (SelectItem item : items) {
			if (isStar(item)) {
				for (int i : relation.star(qualifier(item))) {
					values.add(scope.column(relation.reference(i)));
				}
			}
			else {
				values.add(evaluator.value(item.expr(), scope));
			}
		}
		return values;
	}

	private static Set<String> aliases(Select select) {
		Set<String> aliases = new LinkedHashSet<>();
		select.items().stream().filter(i -> i.alias() != null)
			.forEach(i -> aliases.add(i.alias().toLowerCase(Locale.ROOT)));
		return aliases;
	}

	static boolean isStar(SelectItem item) {
		return item.expr() == null || item.expr() instanceof Expr.ColumnRef ref && ref.name().equals("*");
	}

	private static String qualifier(SelectItem item) {
		return item.expr() == null ? null : ((Expr.ColumnRef) item.expr()).qualifier();
	}

}
