package org.pchatfailover.lab.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Statement.Select;
import org.pchatfailover.lab.sql.parse.Statement.SelectItem;

/** {@code SELECT [TOP (n)] list [FROM object [alias]] [WHERE ... AND ...] [ORDER BY column [ASC|DESC]]}. */
final class SelectParser {

	/** Valid T-SQL the lab's SELECT does not evaluate: refused as the lab's limit, not as the DBA's syntax error. */
	private static final Set<String> NOT_SIMULATED = Set.of("DISTINCT", "INTO", "JOIN", "INNER", "LEFT", "RIGHT",
			"FULL", "CROSS", "OUTER", "APPLY", "PIVOT", "UNPIVOT", "TABLESAMPLE", "GROUP", "HAVING", "UNION", "INTERSECT",
			"EXCEPT", "FOR", "OPTION", "COLLATE", "OVER", "OFFSET");

	private final TokenCursor in;

	SelectParser(TokenCursor in) {
		this.in = in;
	}

	Statement select() {
		in.expect("SELECT");
		if (in.peek().kind() == Token.Kind.VARIABLE && in.peek(1).isSymbol("=")) {
			String name = in.next().text();
			in.next();
			return new Statement.Assign(name, new ExpressionParser(in).expression());
		}
		refuseNotSimulated();
		Long top = top();
		List<SelectItem> items = new ArrayList<>();
		do {
			items.add(item());
		}
		while (in.acceptSymbol(","));
		refuseNotSimulated();
		List<String> from = null;
		if (in.accept("FROM")) {
			from = in.qualifiedName();
			alias();
			if (in.peek().isSymbol(",")) {
				throw new SqlException(SqlErrors.notSimulated("FROM with more than one table"));
			}
			refuseNotSimulated();
		}
		Predicate where = in.accept("WHERE") ? new PredicateParser(in).condition() : null;
		refuseNotSimulated();
		String orderBy = null;
		boolean descending = false;
		if (in.accept("ORDER")) {
			in.expect("BY");
			if (!(column() instanceof Expr.ColumnRef column)) {
				throw new SqlException(SqlErrors.notSimulated("ORDER BY an expression"));
			}
			orderBy = column.name();
			descending = in.accept("DESC");
			in.accept("ASC");
			if (in.peek().isSymbol(",")) {
				throw new SqlException(SqlErrors.notSimulated("ORDER BY more than one column"));
			}
		}
		refuseNotSimulated();
		return new Select(items, from, where, top, orderBy, descending);
	}

	private void refuseNotSimulated() {
		Token next = in.peek();
		if (next.kind() == Token.Kind.WORD && NOT_SIMULATED.contains(next.upper())) {
			throw new SqlException(SqlErrors.notSimulated(next.upper()));
		}
	}

	private Long top() {
		if (!in.accept("TOP")) {
			return null;
		}
		boolean parenthesized = in.acceptSymbol("(");
		Token count = in.next();
		if (parenthesized && (count.kind() == Token.Kind.VARIABLE || count.isSymbol("("))) {
			throw new SqlException(SqlErrors.notSimulated("TOP with an expression"));
		}
		if (count.kind() != Token.Kind.NUMBER || count.text().contains(".")) {
			throw TokenCursor.errorNear(count);
		}
		if (parenthesized) {
			in.expectSymbol(")");
		}
		if (in.peek().is("PERCENT") || in.peek().is("WITH")) {
			throw new SqlException(SqlErrors.notSimulated("TOP " + in.peek().upper()));
		}
		return Long.parseLong(count.text());
	}

	private SelectItem item() {
		if (in.acceptSymbol("*")) {
			return new SelectItem(null, null);
		}
		Expr expr = new ExpressionParser(in).expression();
		return new SelectItem(expr, alias());
	}

	private String alias() {
		if (in.accept("AS")) {
			Token alias = in.next();
			return alias.text();
		}
		Token next = in.peek();
		if (next.kind() == Token.Kind.QUOTED_IDENTIFIER || (next.kind() == Token.Kind.WORD
				&& !ReservedKeywords.is(next) && !NOT_SIMULATED.contains(next.upper()))) {
			return in.next().text();
		}
		return null;
	}

	private Expr column() {
		return new ExpressionParser(in).expression();
	}

}
