package org.pchatfailover.lab.sql.parse;

import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * Transactions and control of flow: {@code BEGIN TRAN}, {@code COMMIT}, {@code ROLLBACK}, {@code BEGIN ... END} and
 * {@code IF condition statement [ELSE statement]}, enough for what drivers send ({@code IF @@TRANCOUNT > 0 COMMIT
 * TRAN}). Savepoints, distributed transactions and TRY blocks are SQL Server's, not the lab's: refused as such.
 */
final class ControlParser {

	private final SqlParser parser;

	private final TokenCursor in;

	ControlParser(SqlParser parser, TokenCursor in) {
		this.parser = parser;
		this.in = in;
	}

	/** After BEGIN: a transaction or a block. */
	Statement begin() {
		if (in.accept("TRAN") || in.accept("TRANSACTION")) {
			String name = name();
			if (in.peek().is("WITH")) {
				throw new SqlException(SqlErrors.notSimulated("BEGIN TRANSACTION WITH MARK"));
			}
			return new Statement.BeginTransaction(name);
		}
		if (in.peek().is("DISTRIBUTED") || in.peek().is("TRY") || in.peek().is("DIALOG")
				|| in.peek().is("CONVERSATION") || in.peek().is("ATOMIC")) {
			throw new SqlException(SqlErrors.notSimulated("BEGIN " + in.peek().upper()));
		}
		List<Statement> statements = new ArrayList<>();
		while (!in.accept("END")) {
			if (in.atEnd()) {
				throw in.syntaxError();
			}
			if (!in.acceptSymbol(";")) {
				statements.add(parser.statement(false));
			}
		}
		return new Statement.Block(statements);
	}

	/** After COMMIT: {@code [TRAN | TRANSACTION | WORK] [name] [WITH (DELAYED_DURABILITY = ON | OFF)]}. */
	Statement commit() {
		String name = tranKeyword() ? name() : null;
		if (in.accept("WITH")) {
			in.expectSymbol("(");
			in.expect("DELAYED_DURABILITY");
			in.expectSymbol("=");
			if (!in.accept("ON")) {
				in.expect("OFF");
			}
			in.expectSymbol(")");
		}
		return new Statement.CommitTransaction(name);
	}

	/** After ROLLBACK: {@code [TRAN | TRANSACTION | WORK] [name]}. */
	Statement rollback() {
		return new Statement.RollbackTransaction(tranKeyword() ? name() : null);
	}

	/** After IF: a search condition, then the statement and an optional ELSE. */
	Statement ifStatement() {
		Predicate condition = new PredicateParser(in).condition();
		Statement then = parser.statement(false);
		in.acceptSymbol(";");
		Statement otherwise = in.accept("ELSE") ? parser.statement(false) : null;
		return new Statement.If(condition, then, otherwise);
	}

	private boolean tranKeyword() {
		return in.accept("TRAN") || in.accept("TRANSACTION") || in.accept("WORK");
	}

	/** A transaction name or @variable; a reserved keyword starts the next statement instead. */
	private String name() {
		Token next = in.peek();
		boolean name = next.kind() == Token.Kind.VARIABLE || next.kind() == Token.Kind.QUOTED_IDENTIFIER
				|| (next.kind() == Token.Kind.WORD && !ReservedKeywords.is(next));
		return name ? in.next().text() : null;
	}

}
