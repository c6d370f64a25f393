package org.pchatfailover.lab.sql.parse;

import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.sql.parse.Statement.Argument;
import org.pchatfailover.lab.sql.parse.Statement.Exec;

/** {@code EXEC [db.schema.]procedure [@name =] value [OUTPUT], ...}. */
final class ExecParser {

	private final TokenCursor in;

	ExecParser(TokenCursor in) {
		this.in = in;
	}

	Exec exec() {
		List<String> procedure = in.qualifiedName();
		List<Argument> arguments = new ArrayList<>();
		if (in.atEnd() || in.peek().isSymbol(";")) {
			return new Exec(procedure, arguments);
		}
		do {
			String name = null;
			if (in.peek().kind() == Token.Kind.VARIABLE && in.peek(1).isSymbol("=")) {
				name = in.next().text();
				in.next();
			}
			Expr value = value();
			boolean output = in.accept("OUTPUT") || in.accept("OUT");
			arguments.add(new Argument(name, value, output));
		}
		while (in.acceptSymbol(","));
		return new Exec(procedure, arguments);
	}

	/**
	 * T-SQL takes a bare or [bracketed] name as a string argument ({@code exec sp_helpdb master}): runbooks
	 * write {@code exec sp_delete_log_shipping_secondary_database mgc}, so it must not be read as a column.
	 */
	private Expr value() {
		Token token = in.peek();
		boolean name = token.kind() == Token.Kind.QUOTED_IDENTIFIER
				|| (token.kind() == Token.Kind.WORD && !token.is("NULL") && !in.peek(1).isSymbol("("));
		if (name) {
			return new Expr.Literal(in.next().text());
		}
		return new ExpressionParser(in).expression();
	}

}
