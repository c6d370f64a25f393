package org.pchatfailover.lab.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Statement.Condition;
import org.pchatfailover.lab.sql.parse.Statement.Select;
import org.pchatfailover.lab.sql.parse.Statement.SelectItem;

/** {@code SELECT [TOP (n)] list [FROM object [alias]] [WHERE ... AND ...] [ORDER BY column [ASC|DESC]]}. */
final class SelectParser {

	private static final Set<String> CLAUSES = Set.of("FROM", "WHERE", "ORDER", "AND", "UNION", "GROUP", "SELECT",
			"EXEC", "EXECUTE", "RESTORE", "KILL", "USE", "SET", "DECLARE");

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
		Long top = top();
		List<SelectItem> items = new ArrayList<>();
		do {
			items.add(item());
		}
		while (in.acceptSymbol(","));
		List<String> from = null;
		if (in.accept("FROM")) {
			from = in.qualifiedName();
			alias();
		}
		List<Condition> where = in.accept("WHERE") ? conditions() : List.of();
		String orderBy = null;
		boolean descending = false;
		if (in.accept("ORDER")) {
			in.expect("BY");
			orderBy = ((Expr.ColumnRef) column()).name();
			descending = in.accept("DESC");
			in.accept("ASC");
		}
		return new Select(items, from, where, top, orderBy, descending);
	}

	private Long top() {
		if (!in.accept("TOP")) {
			return null;
		}
		boolean parenthesized = in.acceptSymbol("(");
		Token count = in.next();
		if (count.kind() != Token.Kind.NUMBER) {
			throw new SqlException(SqlErrors.syntax(count.text()));
		}
		if (parenthesized) {
			in.expectSymbol(")");
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
		if (next.kind() == Token.Kind.QUOTED_IDENTIFIER
				|| (next.kind() == Token.Kind.WORD && !CLAUSES.contains(next.upper()))) {
			return in.next().text();
		}
		return null;
	}

	private List<Condition> conditions() {
		List<Condition> conditions = new ArrayList<>();
		do {
			Expr left = new ExpressionParser(in).expression();
			Token operator = in.next();
			if (operator.kind() != Token.Kind.SYMBOL || !Set.of("=", "<>", "!=", "<", "<=", ">", ">=")
				.contains(operator.text())) {
				throw new SqlException(SqlErrors.syntax(operator.text()));
			}
			conditions.add(new Condition(left, operator.text(), new ExpressionParser(in).expression()));
		}
		while (in.accept("AND"));
		return conditions;
	}

	private Expr column() {
		return new ExpressionParser(in).expression();
	}

}
