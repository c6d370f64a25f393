package org.pchatfailover.lab.sql.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * Expressions with T-SQL's operator precedence ({@code * / %} before {@code + -}, unary minus first): literals, NULL,
 * @variables, @@globals, (qualified) columns, function calls, CAST and CONVERT; and type names. Valid T-SQL the lab
 * does not evaluate (CASE, subqueries, bitwise operators, OVER, TRY_CAST, ...) is refused as the lab's limit (40517).
 */
final class ExpressionParser {

	/** Reserved keywords that are functions without parentheses; CURRENT_TIMESTAMP and SYSTEM_USER are evaluated. */
	private static final Set<String> NILADIC = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
			"CURRENT_USER", "SESSION_USER", "SYSTEM_USER");

	private static final Set<String> EVALUATED_NILADIC = Set.of("CURRENT_TIMESTAMP", "SYSTEM_USER");

	/** sql-docs "Aggregate Functions (Transact-SQL)": COUNT(*), [ALL | DISTINCT] expression. */
	private static final Set<String> AGGREGATES = Set.of("AVG", "CHECKSUM_AGG", "COUNT", "COUNT_BIG", "GROUPING",
			"GROUPING_ID", "MAX", "MIN", "STDEV", "STDEVP", "SUM", "VAR", "VARP");

	/** Functions whose arguments are not a plain list (AS or USING inside the parentheses). */
	/** Functions whose arguments are no plain expressions (IIF takes a search condition): the lab's limit. */
	private static final Set<String> SPECIAL_SYNTAX = Set.of("TRY_CAST", "PARSE", "TRY_PARSE", "IIF");

	private final TokenCursor in;

	ExpressionParser(TokenCursor in) {
		this.in = in;
	}

	Expr expression() {
		Expr left = term();
		while (in.peek().isSymbol("+") || in.peek().isSymbol("-")) {
			String operator = in.next().text();
			left = new Expr.Binary(operator, left, term());
		}
		if (in.peek().isSymbol("&") || in.peek().isSymbol("|") || in.peek().isSymbol("^")) {
			throw new SqlException(SqlErrors.notSimulated("the bitwise operator " + in.peek().text()));
		}
		return left;
	}

	private Expr term() {
		Expr left = unary();
		while (in.peek().isSymbol("*") || in.peek().isSymbol("/") || in.peek().isSymbol("%")) {
			String operator = in.next().text();
			left = new Expr.Binary(operator, left, unary());
		}
		return left;
	}

	private Expr unary() {
		if (in.acceptSymbol("+")) {
			return unary();
		}
		if (in.acceptSymbol("-")) {
			if (in.peek().kind() == Token.Kind.NUMBER) {
				return number("-" + in.next().text());
			}
			return new Expr.Binary("-", new Expr.Literal(0), unary());
		}
		if (in.peek().isSymbol("~")) {
			throw new SqlException(SqlErrors.notSimulated("the bitwise operator ~"));
		}
		return primary();
	}

	private Expr primary() {
		Token token = in.next();
		switch (token.kind()) {
			case STRING:
				return new Expr.Literal(token.text());
			case NUMBER:
				return number(token.text());
			case VARIABLE:
				return new Expr.Variable(token.text());
			case GLOBAL_VARIABLE:
				return new Expr.Global(token.upper());
			case WORD:
				return word(token);
			case QUOTED_IDENTIFIER:
				return column(token.text());
			default:
				if (token.isSymbol("(")) {
					return parenthesized();
				}
				throw TokenCursor.errorNear(token);
		}
	}

	private Expr word(Token token) {
		if (token.is("NULL")) {
			return new Expr.Literal(null);
		}
		if (token.is("CASE")) {
			throw new SqlException(SqlErrors.notSimulated("CASE"));
		}
		if (in.peek().isSymbol("(")) {
			return call(token.upper());
		}
		if (ReservedKeywords.is(token)) {
			if (EVALUATED_NILADIC.contains(token.upper())) {
				return new Expr.Call(token.upper(), List.of());
			}
			throw NILADIC.contains(token.upper()) ? new SqlException(SqlErrors.notSimulated(token.upper()))
					: TokenCursor.errorNear(token);
		}
		return column(token.text());
	}

	private Expr parenthesized() {
		if (in.peek().is("SELECT")) {
			throw new SqlException(SqlErrors.notSimulated("a subquery"));
		}
		Expr inner = expression();
		in.expectSymbol(")");
		return inner;
	}

	/** An integer literal is an int within int's range; T-SQL makes longer ones and decimals numeric. */
	private static Expr number(String text) {
		BigDecimal value = new BigDecimal(text);
		if (value.scale() <= 0 && !text.contains(".")
				&& value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
			return new Expr.Literal(value.intValueExact());
		}
		return new Expr.Literal(value);
	}

	/** {@code name}, {@code alias.name} or {@code schema.table.name}; a qualified name followed by ( is a function. */
	private Expr column(String first) {
		List<String> parts = new ArrayList<>(List.of(first));
		while (in.acceptSymbol(".")) {
			parts.add(in.identifier());
		}
		if (in.peek().isSymbol("(")) {
			throw new SqlException(SqlErrors.notSimulated(String.join(".", parts) + "()"));
		}
		String name = parts.remove(parts.size() - 1);
		return new Expr.ColumnRef(parts.isEmpty() ? null : String.join(".", parts), name);
	}

	private Expr call(String function) {
		if (function.equals("CAST")) {
			return cast();
		}
		if (function.equals("CONVERT")) {
			return convert();
		}
		if (SPECIAL_SYNTAX.contains(function)) {
			throw new SqlException(SqlErrors.notSimulated(function));
		}
		if (AGGREGATES.contains(function)) {
			return aggregate(function);
		}
		in.expectSymbol("(");
		List<Expr> args = new ArrayList<>();
		if (!in.acceptSymbol(")")) {
			do {
				args.add(expression());
			}
			while (in.acceptSymbol(","));
			in.expectSymbol(")");
		}
		refuseOver();
		return new Expr.Call(function, args);
	}

	private Expr aggregate(String function) {
		in.expectSymbol("(");
		boolean distinct = in.accept("DISTINCT");
		if (!distinct) {
			in.accept("ALL");
		}
		Expr argument = null;
		if (!distinct && function.startsWith("COUNT") && in.peek().isSymbol("*")) {
			in.next();
		}
		else {
			argument = expression();
		}
		in.expectSymbol(")");
		refuseOver();
		return new Expr.Aggregate(function, argument, distinct);
	}

	private void refuseOver() {
		if (in.peek().is("OVER")) {
			throw new SqlException(SqlErrors.notSimulated("OVER"));
		}
	}

	/** {@code CAST(expression AS type)}: the type travels as a literal second argument. */
	private Expr cast() {
		in.expectSymbol("(");
		Expr value = expression();
		in.expect("AS");
		Expr type = new Expr.Literal(typeName());
		in.expectSymbol(")");
		return new Expr.Call("CAST", List.of(value, type));
	}

	/** {@code CONVERT(type, expression [, style])}: the type travels as a literal first argument. */
	private Expr convert() {
		in.expectSymbol("(");
		List<Expr> args = new ArrayList<>(List.of(new Expr.Literal(typeName())));
		in.expectSymbol(",");
		args.add(expression());
		if (in.acceptSymbol(",")) {
			args.add(expression());
		}
		in.expectSymbol(")");
		return new Expr.Call("CONVERT", args);
	}

	/** {@code nvarchar(128)}, {@code numeric(25, 0)}, {@code int}, {@code nvarchar(max)}. */
	String typeName() {
		StringBuilder type = new StringBuilder(in.identifier().toLowerCase(Locale.ROOT));
		if (in.acceptSymbol("(")) {
			type.append('(');
			do {
				type.append(in.next().text().toLowerCase(Locale.ROOT));
			}
			while (in.acceptSymbol(",") && type.append(',') != null);
			in.expectSymbol(")");
			type.append(')');
		}
		return type.toString();
	}

}
