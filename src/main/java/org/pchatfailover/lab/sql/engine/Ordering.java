package org.pchatfailover.lab.sql.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pchatfailover.lab.sql.errors.QueryErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Expr;
import org.pchatfailover.lab.sql.parse.Statement.OrderItem;
import org.pchatfailover.lab.sql.parse.Statement.Select;
import org.pchatfailover.lab.sql.parse.Statement.SelectItem;

/**
 * ORDER BY: each item a position in the select list (108 out of range, 408 for another constant), an alias of the
 * select list, or an expression over the row; ASC or DESC each; NULLs sort first ascending. With DISTINCT, an item must
 * be in the select list (145).
 */
final class Ordering {

	private final Select select;

	private final Relation relation;

	private final List<Column> columns;

	private final Evaluator evaluator;

	/** Where each select-list item's values start in a result row (a star takes several). */
	private final List<Integer> starts = new ArrayList<>();

	Ordering(Select select, Relation relation, List<Column> columns, Evaluator evaluator) {
		this.select = select;
		this.relation = relation;
		this.columns = columns;
		this.evaluator = evaluator;
		int at = 0;
		for (SelectItem item : select.items()) {
			starts.add(at);
			at += QueryEvaluator.isStar(item) ? relation.star(qualifierOf(item)).size() : 1;
		}
	}

	Comparator<QueryRow> comparator() {
		Comparator<QueryRow> comparator = null;
		for (int i = 0; i < select.orderBy().size(); i++) {
			OrderItem order = select.orderBy().get(i);
			int position = i + 1;
			Comparator<QueryRow> byItem = (a, b) -> compare(key(order, position, a), key(order, position, b));
			if (order.descending()) {
				byItem = byItem.reversed();
			}
			comparator = comparator == null ? byItem : comparator.thenComparing(byItem);
		}
		if (select.distinct()) {
			select.orderBy().forEach(o -> requireSelected(o.expr()));
		}
		return comparator;
	}

	private Object key(OrderItem order, int position, QueryRow row) {
		Expr expr = order.expr();
		if (expr instanceof Expr.Literal literal) {
			if (!(literal.value() instanceof Integer) && !(literal.value() instanceof Long)) {
				throw new SqlException(QueryErrors.orderByConstant(position));
			}
			long ordinal = ((Number) literal.value()).longValue();
			if (ordinal < 1 || ordinal > columns.size()) {
				throw new SqlException(QueryErrors.orderByPosition(ordinal));
			}
			return row.values().get((int) ordinal - 1);
		}
		int alias = aliasIndex(expr);
		return alias >= 0 ? row.values().get(starts.get(alias)) : evaluator.value(expr, row.scope());
	}

	/** The select-list item an unqualified name is the alias of, -1 for none. */
	private int aliasIndex(Expr expr) {
		if (expr instanceof Expr.ColumnRef ref && ref.qualifier() == null) {
			for (int i = 0; i < select.items().size(); i++) {
				String alias = select.items().get(i).alias();
				if (alias != null && alias.equalsIgnoreCase(ref.name())) {
					return i;
				}
			}
		}
		return -1;
	}

	private void requireSelected(Expr expr) {
		if (expr instanceof Expr.Literal || aliasIndex(expr) >= 0) {
			return;
		}
		Grouping same = new Grouping(relation, evaluator);
		boolean selected = select.items().stream()
			.anyMatch(i -> !QueryEvaluator.isStar(i) && same.same(i.expr(), expr));
		boolean inStar = expr instanceof Expr.ColumnRef && select.items().stream().anyMatch(QueryEvaluator::isStar);
		if (!selected && !inStar) {
			throw new SqlException(QueryErrors.orderByNotInDistinctList());
		}
	}

	/** NULL first, then by value as comparisons order them. */
	private static int compare(Object a, Object b) {
		if (a == null || b == null) {
			return a == null ? (b == null ? 0 : -1) : 1;
		}
		return Integer.signum(Comparisons.order(a, b));
	}

	private static String qualifierOf(SelectItem item) {
		return item.expr() == null ? null : ((Expr.ColumnRef) item.expr()).qualifier();
	}

}
