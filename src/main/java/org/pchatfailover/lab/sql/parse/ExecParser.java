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
			arguments.add(new Argument(name, new ExpressionParser(in).expression()));
			if (!in.accept("OUTPUT")) {
				in.accept("OUT");
			}
		}
		while (in.acceptSymbol(","));
		return new Exec(procedure, arguments);
	}

}
