package org.pchatfailover.lab.sql.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.errors.SqlMessage;
import org.pchatfailover.lab.sql.parse.Expr;
import org.pchatfailover.lab.sql.parse.Predicate;
import org.pchatfailover.lab.sql.parse.Statement.Select;
import org.pchatfailover.lab.sql.parse.Statement.SelectItem;

/**
 * Runs a SELECT over one view or table: WHERE (a search condition), ORDER BY one column, TOP and SET ROWCOUNT ("SET
 * ROWCOUNT overrides the SELECT statement TOP keyword if the rowcount is the smaller value"), projection.
 */
final class QueryEvaluator {

	private final Evaluator evaluator;

	QueryEvaluator(Evaluator evaluator) {
		this.evaluator = evaluator;
	}

	/** An IF's condition: no row to read. */
	boolean holds(Predicate condition) {
		return new Predicates(evaluator).holds(condition, RowScope.NONE);
	}

	/** @param rowcount SET ROWCOUNT, 0 for no limit */
	Outcome.Rows run(Select select, Table table, long rowcount) {
		List<List<Object>> rows = new ArrayList<>();
		for (List<Object> row : table == null ? List.of(List.<Object>of()) : table.rows()) {
			if (matches(select.where(), table, row)) {
				rows.add(row);
			}
		}
		if (select.orderBy() != null) {
			rows.sort(order(table, select.orderBy(), select.descending()));
		}
		if (select.top() != null && rows.size() > select.top()) {
			rows = new ArrayList<>(rows.subList(0, select.top().intValue()));
		}
		if (rowcount > 0 && rows.size() > rowcount) {
			rows = new ArrayList<>(rows.subList(0, (int) rowcount));
		}
		List<Column> columns = columns(select.items(), table, rows);
		List<List<Object>> projected = new ArrayList<>();
		for (List<Object> row : rows) {
			projected.add(project(select.items(), table, row));
		}
		return new Outcome.Rows(columns, projected);
	}

	private boolean matches(Predicate where, Table table, List<Object> row) {
		return new Predicates(evaluator).holds(where, scope(table, row));
	}

	private Comparator<List<Object>> order(Table table, String column, boolean descending) {
		int index = table == null ? -1 : table.indexOf(column);
		if (index < 0) {
			throw new SqlException(SqlErrors.invalidColumn(column));
		}
		Comparator<List<Object>> comparator = (a, b) -> compareNullsFirst(a.get(index), b.get(index));
		return descending ? comparator.reversed() : comparator;
	}

	private int compareNullsFirst(Object a, Object b) {
		if (a == null || b == null) {
			return a == null ? (b == null ? 0 : -1) : 1;
		}
		if (evaluator.compare(a, "=", b)) {
			return 0;
		}
		return evaluator.compare(a, "<", b) ? -1 : 1;
	}

	private List<Column> columns(List<SelectItem> items, Table table, List<List<Object>> rows) {
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			SelectItem item = items.get(i);
			if (item.expr() == null) {
				if (table == null) {
					throw new SqlException(new SqlMessage(263, 16, 1,
							"Must specify table to select from."));
				}
				columns.addAll(table.columns());
			}
			else if (item.expr() instanceof Expr.ColumnRef ref && table != null && table.indexOf(ref.name()) >= 0) {
				Column source = table.columns().get(table.indexOf(ref.name()));
				columns.add(new Column(item.alias() != null ? item.alias() : source.name(), source.type()));
			}
			else {
				SqlType declared = new ExpressionTypes(ref -> columnType(table, ref)).of(item.expr());
				Object sample = declared != null || rows.isEmpty() ? null
						: evaluator.value(item.expr(), scope(table, rows.get(0)));
				columns.add(new Column(item.alias() != null ? item.alias() : "",
						declared != null ? declared : Conversions.sqlType(sample)));
			}
		}
		return columns;
	}

	private List<Object> project(List<SelectItem> items, Table table, List<Object> row) {
		List<Object> values = new ArrayList<>();
		for (SelectItem item : items) {
			if (item.expr() == null) {
				values.addAll(row);
			}
			else {
				values.add(evaluator.value(item.expr(), scope(table, row)));
			}
		}
		return values;
	}

	private static SqlType columnType(Table table, Expr.ColumnRef ref) {
		int index = table == null ? -1 : table.indexOf(ref.name());
		return index < 0 ? null : table.columns().get(index).type();
	}

	/** The row's columns; the lab keeps times as instants, a query reads them as the server's wall clock. */
	private RowScope scope(Table table, List<Object> row) {
		return new RowScope() {

			@Override
			public Object column(Expr.ColumnRef column) {
				int index = table == null ? -1 : table.indexOf(column.name());
				if (index < 0) {
					throw new SqlException(SqlErrors.invalidColumn(column.name()));
				}
				Object value = row.get(index);
				return value instanceof Instant instant
						? DatetimeText.datetime(LocalDateTime.ofInstant(instant, evaluator.zone())) : value;
			}

			@Override
			public Object aggregate(Expr.Aggregate aggregate, Evaluator evaluator) {
				throw new SqlException(SqlErrors.notSimulated(aggregate.function()));
			}

		};
	}

}
