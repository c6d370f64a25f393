package org.pchatfailover.lab.sql.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/** Operands: literals, NULL, @variables, @@globals, columns and function calls; and type names. */
final class ExpressionParser {

	/** Reserved keywords that are functions without parentheses. */
	private static final java.util.Set<String> NILADIC = java.util.Set.of("CURRENT_DATE", "CURRENT_TIME",
			"CURRENT_TIMESTAMP", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER");

	private final TokenCursor in;

	ExpressionParser(TokenCursor in) {
		this.in = in;
	}

	Expr expression() {
		Token token = in.next();
		switch (token.kind()) {
			case STRING:
				return new Expr.Literal(token.text());
			case NUMBER:
				return new Expr.Literal(new BigDecimal(token.text()));
			case VARIABLE:
				return new Expr.Variable(token.text());
			case GLOBAL_VARIABLE:
				return new Expr.Global(token.text().toUpperCase(java.util.Locale.ROOT));
			case WORD:
				if (token.is("NULL")) {
					return new Expr.Literal(null);
				}
				if (in.peek().isSymbol("(")) {
					return call(token.upper());
				}
				if (ReservedKeywords.is(token)) {
					throw NILADIC.contains(token.upper()) ? new SqlException(SqlErrors.notSimulated(token.upper()))
							: TokenCursor.errorNear(token);
				}
				return column(token.text());
			case QUOTED_IDENTIFIER:
				return column(token.text());
			default:
				if (token.isSymbol("-") && in.peek().kind() == Token.Kind.NUMBER) {
					return new Expr.Literal(new BigDecimal(in.next().text()).negate());
				}
				throw TokenCursor.errorNear(token);
		}
	}

	private Expr column(String first) {
		String name = first;
		while (in.acceptSymbol(".")) {
			name = in.identifier(); // alias.column: the lab's queries read one object
		}
		return new Expr.ColumnRef(name);
	}

	private Expr call(String function) {
		if (function.equals("CAST")) {
			return cast();
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
		return new Expr.Call(function, args);
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

	/** {@code nvarchar(128)}, {@code numeric(25, 0)}, {@code int}, {@code nvarchar(max)}. */
	String typeName() {
		StringBuilder type = new StringBuilder(in.identifier().toLowerCase(java.util.Locale.ROOT));
		if (in.acceptSymbol("(")) {
			type.append('(');
			do {
				type.append(in.next().text().toLowerCase(java.util.Locale.ROOT));
			}
			while (in.acceptSymbol(",") && type.append(',') != null);
			in.expectSymbol(")");
			type.append(')');
		}
		return type.toString();
	}

}
