package org.pchatfailover.lab.lync.powershell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.pchatfailover.lab.lync.powershell.PsExpression.Comparison;
import org.pchatfailover.lab.lync.powershell.PsExpression.Expr;
import org.pchatfailover.lab.lync.powershell.PsExpression.Literal;
import org.pchatfailover.lab.lync.powershell.PsExpression.Logical;
import org.pchatfailover.lab.lync.powershell.PsExpression.Not;
import org.pchatfailover.lab.lync.powershell.PsExpression.Property;

/**
 * The body of a script block as an expression: {@code $_} (or {@code $PSItem}) with properties, optionally cast to
 * {@code [string]} or {@code [string[]]}; strings, integers, {@code $true}/{@code $false}/{@code $null};
 * comparison operators; {@code -not} and {@code !}; {@code -and}, {@code -or}, {@code -xor}; parentheses.
 * Precedence (about_Operator_Precedence): {@code -not}/{@code !} before the comparison operators, those before the
 * logical ones, which share one level and group from the left.
 */
final class PsExpressionParser {

	private final PsCursor cursor;

	private final PsValueParser values;

	PsExpressionParser(PsCursor cursor, PsValueParser values) {
		this.cursor = cursor;
		this.values = values;
	}

	/** After the opening brace: the expression up to and including the closing one. */
	Expr blockBody() {
		cursor.skipBlank();
		Expr expr = logical();
		cursor.skipBlank();
		if (!cursor.skip('}')) {
			throw cursor.atEnd() ? cursor.error("Missing closing '}' in statement block or type definition.")
					: cursor.error("Unexpected token '" + cursor.tokenAhead() + "' in expression or statement.");
		}
		return expr;
	}

	private Expr logical() {
		Expr left = comparison();
		while (true) {
			cursor.skipSpaces();
			int mark = cursor.mark();
			String op = operator();
			if (op == null || !PsExpression.LOGICAL.contains(op)) {
				cursor.reset(mark);
				return left;
			}
			String written = cursor.textFrom(mark).strip();
			left = new Logical(left, op, operand(written, this::comparison));
		}
	}

	private Expr comparison() {
		Expr left = unary();
		while (true) {
			cursor.skipSpaces();
			int mark = cursor.mark();
			String op = operator();
			if (op == null || !PsExpression.isComparison(op)) {
				cursor.reset(mark);
				if (op != null && !PsExpression.LOGICAL.contains(op)) {
					throw cursor.error("Unexpected token '-" + op + "' in expression or statement.");
				}
				return left;
			}
			String written = cursor.textFrom(mark).strip();
			left = new Comparison(left, op, operand(written, this::unary));
		}
	}

	private Expr unary() {
		cursor.skipSpaces();
		if (cursor.skip('!')) {
			return new Not(operand("!", this::unary));
		}
		int mark = cursor.mark();
		String op = operator();
		if ("not".equals(op)) {
			return new Not(operand(cursor.textFrom(mark), this::unary));
		}
		cursor.reset(mark);
		return primary();
	}

	// an operator with nothing usable after it is PowerShell's ExpectedValueExpression, reported just after the
	// operator as written (Parser.cs: ReportIncompleteInput(After(token), ..., token.Text))
	private Expr operand(String operator, Supplier<Expr> next) {
		int after = cursor.mark();
		cursor.skipBlank();
		if (cursor.atEnd() || !startsValue()) {
			cursor.reset(after);
			throw cursor.error("You must provide a value expression following the '" + operator + "' operator.");
		}
		return next.get();
	}

	private boolean startsValue() {
		char c = cursor.peek();
		return c == '$' || c == '(' || c == '[' || c == '!' || Character.isDigit(c) || PsCursor.isDash(c)
				|| PowerShellQuotes.isSingle(c) || PowerShellQuotes.isDouble(c);
	}

	private Expr primary() {
		if (cursor.atEnd()) {
			throw cursor.error("Missing closing '}' in statement block or type definition.");
		}
		char c = cursor.peek();
		if (c == '(') {
			cursor.advance(1);
			cursor.skipBlank();
			Expr inner = logical();
			cursor.skipBlank();
			if (!cursor.skip(')')) {
				throw cursor.error("Missing closing ')' in expression.");
			}
			return inner;
		}
		if (c == '[') {
			return castProperty();
		}
		if (c == '$') {
			return variable(null);
		}
		if (PowerShellQuotes.isSingle(c) || PowerShellQuotes.isDouble(c)) {
			return new Literal(values.quoted());
		}
		if (Character.isDigit(c) || (PsCursor.isDash(c) && !cursor.atParameterName())) {
			return number();
		}
		throw cursor.error("Unexpected token '" + cursor.tokenAhead() + "' in expression or statement.");
	}

	private Expr castProperty() {
		cursor.advance(1);
		String cast = cursor.identifier().toLowerCase(Locale.ROOT);
		if (cursor.startsWith("[]")) {
			cast += "[]";
			cursor.advance(2);
		}
		if (!cursor.skip(']') || !(cast.equals("string") || cast.equals("string[]"))) {
			throw cursor.error("The lab shell supports only [string] and [string[]] casts in script blocks.");
		}
		if (!cursor.at('$')) {
			throw cursor.error("The lab shell supports a cast only before $_ in script blocks.");
		}
		return variable(cast);
	}

	private Expr variable(String cast) {
		cursor.advance(1);
		String name = cursor.at('_') ? String.valueOf(cursor.next()) : cursor.identifier();
		switch (name.toLowerCase(Locale.ROOT)) {
			case "_", "psitem" -> {
				return new Property(cast, path());
			}
			case "true", "false", "null" -> {
				if (cast != null) {
					throw cursor.error("The lab shell supports a cast only before $_ in script blocks.");
				}
				return new Literal(name.equalsIgnoreCase("null") ? null : Boolean.valueOf(name.equalsIgnoreCase("true")));
			}
			default -> throw cursor.error("The lab shell does not support the variable '$" + name + "' here.");
		}
	}

	private List<String> path() {
		List<String> path = new ArrayList<>();
		while (cursor.skip('.')) {
			path.add(cursor.identifier());
		}
		return path;
	}

	private Expr number() {
		int start = cursor.mark();
		cursor.advance(1);
		while (!cursor.atEnd() && Character.isDigit(cursor.peek())) {
			cursor.advance(1);
		}
		String digits = cursor.textFrom(start);
		if (PsCursor.isDash(digits.charAt(0))) {
			// the tokenizer reads any dash before a number as the minus sign
			digits = "-" + digits.substring(1);
		}
		try {
			return new Literal(Integer.valueOf(digits));
		}
		catch (NumberFormatException ex) {
			cursor.reset(start);
			throw cursor.error("Unexpected token '" + cursor.tokenAhead() + "' in expression or statement.");
		}
	}

	// -eq, –and, -not: the name after a dash, lower case; null when no dash-name comes next
	private String operator() {
		if (!cursor.atParameterName()) {
			return null;
		}
		cursor.advance(1);
		return cursor.identifier().toLowerCase(Locale.ROOT);
	}

}
