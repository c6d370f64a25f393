package org.pchatfailover.lab.sql.parse;

import java.util.List;

/**
 * An expression the lab evaluates: literals, variables and parameters, @@globals, columns, function calls and the
 * arithmetic operators.
 */
public sealed interface Expr {

	/** A string ({@code 'x'}, {@code N'x'}), a number (Integer within int's range, else BigDecimal) or NULL. */
	record Literal(Object value) implements Expr {
	}

	/** {@code @name}: a declared variable or a parameter of {@code sp_executesql}. */
	record Variable(String name) implements Expr {
	}

	/** {@code @@SPID}, {@code @@VERSION}, {@code @@SERVERNAME}. */
	record Global(String name) implements Expr {
	}

	/**
	 * A column of the row being filtered or selected.
	 *
	 * @param qualifier the table name or alias before the column ({@code d} of {@code d.name}), null when none
	 */
	record ColumnRef(String qualifier, String name) implements Expr {

		public ColumnRef(String name) {
			this(null, name);
		}

	}

	/** A built-in function such as {@code DB_ID(@db)}. */
	record Call(String function, List<Expr> args) implements Expr {
	}

	/**
	 * An aggregate function: {@code COUNT(*)}, {@code COUNT(DISTINCT x)}, {@code MAX(x)}, ...
	 *
	 * @param argument null for {@code COUNT(*)} and {@code COUNT_BIG(*)}
	 */
	record Aggregate(String function, Expr argument, boolean distinct) implements Expr {
	}

	/** {@code left op right} with op one of {@code + - * / %}; a unary minus is {@code 0 - operand}. */
	record Binary(String operator, Expr left, Expr right) implements Expr {
	}

}
