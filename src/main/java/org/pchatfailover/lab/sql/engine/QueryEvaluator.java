package org.pchatfailover.lab.sql.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.errors.SqlMessage;
import org.pchatfailover.lab.sql.parse.Expr;
import org.pchatfailover.lab.sql.parse.Statement.Condition;
import org.pchatfailover.lab.sql.parse.Statement.Select;
import org.pchatfailover.lab.sql.parse.Statement.SelectItem;

/**
 * Runs a SELECT over one view or table: WHERE (ANDed comparisons), ORDER BY one column, TOP and SET ROWCOUNT ("SET
 * ROWCOUNT overrides the SELECT statement TOP keyword if the rowcount is the smaller value"), projection.
 */
final class QueryEvaluator {

	private final Evaluator evaluator;

	QueryEvaluator(Evaluator evaluator) {
		this.evaluator = evaluator;
	}

	/** An IF's condition: comparisons without a row. */
	boolean holds(List<Condition> conditions) {
		return matches(conditions, null, List.of());
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

	private boolean matches(List<Condition> conditions, Table table, List<Object> row) {
		for (Condition condition : conditions) {
			Object left = evaluator.value(condition.left(), table, row);
			Object right = evaluator.value(condition.right(), table, row);
			if (!evaluator.compare(left, condition.operator(), right)) {
				return false;
			}
		}
		return true;
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
				SqlType declared = declaredType(item.expr());
				Object sample = declared != null || rows.isEmpty() ? null : evaluator.value(item.expr(), table, rows.get(0));
				columns.add(new Column(item.alias() != null ? item.alias() : "",
						declared != null ? declared : typeOf(sample)));
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
				values.add(normalise(evaluator.value(item.expr(), table, row)));
			}
		}
		return values;
	}

	private static Object normalise(Object value) {
		if (value instanceof BigDecimal d && d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
			return d.intValueExact();
		}
		return value;
	}

	/** The type an expression has whatever its value: SERVERPROPERTY's sql_variant, a CAST's target type. */
	private static SqlType declaredType(Expr expr) {
		if (expr instanceof Expr.Call call) {
			return switch (call.function()) {
				case "SERVERPROPERTY", "DATABASEPROPERTYEX" -> SqlType.SQL_VARIANT;
				case "CAST" -> castType(String.valueOf(((Expr.Literal) call.args().get(1)).value()));
				default -> null;
			};
		}
		return null;
	}

	private static SqlType castType(String type) {
		java.util.regex.Matcher sized = java.util.regex.Pattern.compile("n?(?:var)?char\\((\\d+)\\)").matcher(type);
		if (sized.matches()) {
			return SqlType.nvarchar(Integer.parseInt(sized.group(1)));
		}
		return switch (type) {
			case "sysname" -> SqlType.nvarchar(128);
			case "int" -> SqlType.INT;
			case "bigint" -> SqlType.BIGINT;
			case "smallint" -> SqlType.SMALLINT;
			case "tinyint" -> SqlType.TINYINT;
			default -> null;
		};
	}

	private static SqlType typeOf(Object value) {
		if (value instanceof SqlVariant) {
			return SqlType.SQL_VARIANT;
		}
		if (value instanceof Integer || value instanceof Short) {
			return SqlType.INT;
		}
		if (value instanceof Long) {
			return SqlType.BIGINT;
		}
		if (value instanceof BigDecimal d) {
			return d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0 ? SqlType.INT
					: SqlType.numeric(38, Math.max(d.scale(), 0));
		}
		if (value instanceof BigInteger) {
			return SqlType.numeric(38, 0);
		}
		if (value instanceof Boolean) {
			return SqlType.BIT;
		}
		if (value instanceof LocalDateTime) {
			return SqlType.DATETIME;
		}
		return SqlType.nvarchar(4000);
	}

}
