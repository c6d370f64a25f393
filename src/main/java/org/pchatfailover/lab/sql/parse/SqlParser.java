package org.pchatfailover.lab.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Statement.Declare;
import org.pchatfailover.lab.sql.parse.Statement.Declared;
import org.pchatfailover.lab.sql.parse.Statement.Kill;
import org.pchatfailover.lab.sql.parse.Statement.SetPartner;
import org.pchatfailover.lab.sql.parse.Statement.Use;
import org.pchatfailover.lab.sql.parse.Statement.WaitFor;

/**
 * Parses a batch into statements. Statements SQL Server has but the lab does not simulate fail with error 40517
 * naming the keyword and saying that the lab does not simulate it; malformed text fails as on a real instance, with
 * 156 "Incorrect syntax near the keyword ..." at a reserved keyword and 102 "Incorrect syntax near ..." elsewhere.
 */
public final class SqlParser {

	private static final Set<String> UNSUPPORTED = Set.of("ALTER", "BULK", "CHECKPOINT", "CLOSE", "CREATE",
			"DBCC", "DEALLOCATE", "DELETE", "DENY", "DROP", "FETCH", "GOTO", "GRANT", "INSERT", "MERGE", "OPEN",
			"RAISERROR", "READTEXT", "RECONFIGURE", "RETURN", "REVERT", "REVOKE", "SAVE", "SETUSER",
			"SHUTDOWN", "THROW", "TRUNCATE", "UPDATE", "UPDATETEXT", "WHILE", "WITH", "WRITETEXT");

	final TokenCursor in;

	private SqlParser(String sql) {
		this.in = new TokenCursor(SqlLexer.tokenize(sql));
	}

	public static List<Statement> parse(String sql) {
		SqlParser parser = new SqlParser(sql);
		List<Statement> statements = new ArrayList<>();
		while (!parser.in.atEnd()) {
			if (parser.in.acceptSymbol(";")) {
				continue;
			}
			statements.add(parser.statement(statements.isEmpty()));
		}
		return statements;
	}

	Statement statement(boolean first) {
		Token head = in.peek();
		if (head.is("SELECT")) {
			return new SelectParser(in).select();
		}
		if (head.is("EXEC") || head.is("EXECUTE")) {
			in.next();
			return new ExecParser(in).exec();
		}
		if (head.is("RESTORE")) {
			in.next();
			return new RestoreParser(in).restore();
		}
		if (head.is("KILL")) {
			in.next();
			return kill();
		}
		if (head.is("ALTER") && in.peek(1).is("DATABASE")) {
			in.next();
			in.next();
			return setPartner();
		}
		if (head.is("USE")) {
			in.next();
			return new Use(in.identifier());
		}
		if (head.is("SET")) {
			in.next();
			return new SetParser(in).set();
		}
		Statement control = control(head);
		if (control != null) {
			return control;
		}
		if (head.is("DECLARE")) {
			in.next();
			return declare();
		}
		if (head.is("PRINT")) {
			in.next();
			return new Statement.Print(new ExpressionParser(in).expression());
		}
		if (head.is("WAITFOR")) {
			in.next();
			return waitFor();
		}
		if (head.kind() == Token.Kind.WORD && UNSUPPORTED.contains(head.upper())) {
			throw new SqlException(SqlErrors.notSimulated(head.upper()));
		}
		if (ReservedKeywords.is(head)) {
			throw TokenCursor.errorNear(head);
		}
		if (first && head.isIdentifier()) {
			// SQL Server runs a batch that starts with a name as EXEC of that procedure
			return new ExecParser(in).exec();
		}
		throw in.syntaxError();
	}

	/** WAITFOR DELAY only: TIME and the Service Broker forms stay refused. */
	private WaitFor waitFor() {
		if (!in.peek().is("DELAY")) {
			throw new SqlException(SqlErrors.notSimulated("WAITFOR " + in.peek().upper()));
		}
		in.next();
		return new WaitFor(new ExpressionParser(in).expression());
	}

	private Statement control(Token head) {
		ControlParser control = new ControlParser(this, in);
		String keyword = head.kind() == Token.Kind.WORD ? head.upper() : "";
		switch (keyword) {
			case "BEGIN", "COMMIT", "ROLLBACK", "IF", "BACKUP" -> in.next();
			default -> {
				return null;
			}
		}
		return switch (keyword) {
			case "BEGIN" -> control.begin();
			case "COMMIT" -> control.commit();
			case "ROLLBACK" -> control.rollback();
			case "IF" -> control.ifStatement();
			default -> backup();
		};
	}

	/** {@code BACKUP DATABASE | LOG ...}: the rest is not read, the engine refuses it either way. */
	private Statement backup() {
		Token kind = in.next();
		if (!kind.is("DATABASE") && !kind.is("LOG")) {
			throw new SqlException(SqlErrors.notSimulated("BACKUP " + kind.upper()));
		}
		if (kind.is("DATABASE")) {
			return new RestoreParser(in).backupDatabase();
		}
		while (!in.atEnd() && !in.peek().isSymbol(";")) {
			in.next();
		}
		return new Statement.Backup(kind.upper());
	}

	// other ALTER DATABASE options stay refused: the lab would pretend to change what it does not model
	private SetPartner setPartner() {
		String database = in.identifier();
		in.expect("SET");
		if (!in.peek().is("PARTNER")) {
			throw new SqlException(SqlErrors.notSimulated("ALTER DATABASE SET " + in.peek().upper()));
		}
		in.next();
		if (in.accept("OFF")) {
			return new SetPartner(database, null);
		}
		in.expectSymbol("=");
		Token partner = in.next();
		if (partner.kind() != Token.Kind.STRING) {
			throw TokenCursor.errorNear(partner);
		}
		return new SetPartner(database, partner.text());
	}

	private Kill kill() {
		Token id = in.next();
		if (id.kind() != Token.Kind.NUMBER || id.text().contains(".")) {
			throw TokenCursor.errorNear(id);
		}
		return new Kill(Long.parseLong(id.text()));
	}

	private Declare declare() {
		List<Declared> variables = new ArrayList<>();
		do {
			Token name = in.next();
			Token next = in.peek();
			if (name.isIdentifier() && (next.is("CURSOR") || next.is("INSENSITIVE") || next.is("SCROLL"))) {
				throw new SqlException(SqlErrors.notSimulated("DECLARE CURSOR"));
			}
			if (name.kind() != Token.Kind.VARIABLE) {
				throw TokenCursor.errorNear(name);
			}
			in.accept("AS");
			if (in.peek().is("TABLE") || in.peek().is("CURSOR")) {
				throw new SqlException(SqlErrors.notSimulated("DECLARE ... " + in.peek().upper()));
			}
			String type = new ExpressionParser(in).typeName();
			Expr initial = in.acceptSymbol("=") ? new ExpressionParser(in).expression() : null;
			variables.add(new Declared(name.text(), type, initial));
		}
		while (in.acceptSymbol(","));
		return new Declare(variables);
	}

}
