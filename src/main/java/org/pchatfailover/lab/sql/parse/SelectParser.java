package org.pchatfailover.lab.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Statement.OrderItem;
import org.pchatfailover.lab.sql.parse.Statement.Select;
import org.pchatfailover.lab.sql.parse.Statement.SelectItem;

/**
 * {@code SELECT [ALL | DISTINCT] [TOP (n)] list [FROM sources] [WHERE condition] [GROUP BY ...] [HAVING condition]
 * [ORDER BY ...]}; the sources are tables and views with aliases and table hints, joined by {@code [INNER] JOIN},
 * {@code LEFT | RIGHT | FULL [OUTER] JOIN ... ON}, {@code CROSS JOIN} or commas ({@link FromParser}).
 */
final class SelectParser {

	/** Valid T-SQL the lab's SELECT does not evaluate: refused as the lab's limit, not as the DBA's syntax error. */
	private static final Set<String> NOT_SIMULATED = Set.of("INTO", "PIVOT", "UNPIVOT", "TABLESAMPLE", "UNION",
			"INTERSECT", "EXCEPT", "FOR", "OPTION", "COLLATE", "OVER", "OFFSET", "APPLY", "COMPUTE");

	private final TokenCursor in;

	SelectParser(TokenCursor in) {
		this.in = in;
	}

	Statement select() {
		in.expect("SELECT");
		boolean distinct = in.accept("DISTINCT");
		if (!distinct) {
			in.accept("ALL");
		}
		Expr top = top();
		List<SelectItem> items = new ArrayList<>();
		do {
			items.add(item());
		}
		while (in.acceptSymbol(","));
		refuseNotSimulated();
		FromParser from = new FromParser(in);
		Statement.TableSource source = in.accept("FROM") ? from.source() : null;
		List<Statement.Join> joins = source == null ? List.of() : from.joins();
		refuseNotSimulated();
		Predicate where = in.accept("WHERE") ? new PredicateParser(in).condition() : null;
		refuseNotSimulated();
		List<Expr> groupBy = groupBy();
		Predicate having = in.accept("HAVING") ? new PredicateParser(in).condition() : null;
		refuseNotSimulated();
		List<OrderItem> orderBy = orderBy();
		refuseNotSimulated();
		return new Select(distinct, top, items, source, joins, where, groupBy, having, orderBy);
	}

	private void refuseNotSimulated() {
		Token next = in.peek();
		if (next.kind() == Token.Kind.WORD && NOT_SIMULATED.contains(next.upper())) {
			throw new SqlException(SqlErrors.notSimulated(next.upper()));
		}
	}

	/** {@code TOP n}, {@code TOP (n)} or {@code TOP (@n)}; PERCENT and WITH TIES are the lab's limit. */
	private Expr top() {
		if (!in.accept("TOP")) {
			return null;
		}
		Expr count;
		if (in.acceptSymbol("(")) {
			count = new ExpressionParser(in).expression();
			in.expectSymbol(")");
		}
		else {
			Token number = in.next();
			if (number.kind() != Token.Kind.NUMBER || number.text().contains(".")) {
				throw TokenCursor.errorNear(number);
			}
			count = new Expr.Literal(Long.parseLong(number.text()));
		}
		if (in.peek().is("PERCENT") || in.peek().is("WITH")) {
			throw new SqlException(SqlErrors.notSimulated("TOP " + in.peek().upper()));
		}
		return count;
	}

	private SelectItem item() {
		if (in.acceptSymbol("*")) {
			return new SelectItem(null, null);
		}
		Token first = in.peek();
		if (first.kind() == Token.Kind.VARIABLE && in.peek(1).isSymbol("=")) {
			in.next();
			in.next();
			return new SelectItem(new ExpressionParser(in).expression(), null, first.text());
		}
		// the older alias form: SELECT size_mb = size * 8 / 1024
		boolean name = first.kind() == Token.Kind.QUOTED_IDENTIFIER
				|| (first.kind() == Token.Kind.WORD && !ReservedKeywords.is(first));
		if (name && in.peek(1).isSymbol("=")) {
			in.next();
			in.next();
			return new SelectItem(new ExpressionParser(in).expression(), first.text());
		}
		if (first.isIdentifier() && in.peek(1).isSymbol(".") && in.peek(2).isSymbol("*")) {
			in.next();
			in.next();
			in.next();
			return new SelectItem(new Expr.ColumnRef(first.text(), "*"), null);
		}
		Expr expr = new ExpressionParser(in).expression();
		return new SelectItem(expr, alias());
	}

	/** {@code AS alias}, {@code AS 'alias'} or a bare name that is no keyword. */
	private String alias() {
		if (in.accept("AS")) {
			Token alias = in.next();
			if (!alias.isIdentifier() && alias.kind() != Token.Kind.STRING) {
				throw TokenCursor.errorNear(alias);
			}
			return alias.text();
		}
		Token next = in.peek();
		if (next.kind() == Token.Kind.QUOTED_IDENTIFIER || next.kind() == Token.Kind.STRING
				|| (next.kind() == Token.Kind.WORD && !ReservedKeywords.is(next) && !NOT_SIMULATED.contains(next.upper()))) {
			return in.next().text();
		}
		return null;
	}

	private List<Expr> groupBy() {
		if (!in.accept("GROUP")) {
			return List.of();
		}
		in.expect("BY");
		if (in.peek().is("ALL")) {
			throw new SqlException(SqlErrors.notSimulated("GROUP BY ALL"));
		}
		List<Expr> groupBy = new ArrayList<>();
		do {
			groupBy.add(new ExpressionParser(in).expression());
		}
		while (in.acceptSymbol(","));
		if (in.peek().is("WITH")) {
			throw new SqlException(SqlErrors.notSimulated("GROUP BY ... WITH " + in.peek(1).upper()));
		}
		return groupBy;
	}

	private List<OrderItem> orderBy() {
		if (!in.accept("ORDER")) {
			return List.of();
		}
		in.expect("BY");
		List<OrderItem> orderBy = new ArrayList<>();
		do {
			Expr expr = new ExpressionParser(in).expression();
			boolean descending = in.accept("DESC");
			if (!descending) {
				in.accept("ASC");
			}
			orderBy.add(new OrderItem(expr, descending));
		}
		while (in.acceptSymbol(","));
		return orderBy;
	}

}
