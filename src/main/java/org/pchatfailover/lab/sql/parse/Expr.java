package org.pchatfailover.lab.sql.parse;

import java.util.List;

/** An expression the lab evaluates: literals, variables and parameters, @@globals, columns and function calls. */
public sealed interface Expr {

	/** A string ({@code 'x'}, {@code N'x'}), a number or NULL. */
	record Literal(Object value) implements Expr {
	}

	/** {@code @name}: a declared variable or a parameter of {@code sp_executesql}. */
	record Variable(String name) implements Expr {
	}

	/** {@code @@SPID}, {@code @@VERSION}, {@code @@SERVERNAME}. */
	record Global(String name) implements Expr {
	}

	/** A column of the row being filtered or selected. */
	record ColumnRef(String name) implements Expr {
	}

	/** A built-in function such as {@code DB_ID(@db)}. */
	record Call(String function, List<Expr> args) implements Expr {
	}

}
