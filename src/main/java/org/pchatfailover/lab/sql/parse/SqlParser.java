package org.pchatfailover.lab.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Statement.Declare;
import org.pchatfailover.lab.sql.parse.Statement.Declared;
import org.pchatfailover.lab.sql.parse.Statement.Kill;
import org.pchatfailover.lab.sql.parse.Statement.SetOption;
import org.pchatfailover.lab.sql.parse.Statement.SetPartner;
import org.pchatfailover.lab.sql.parse.Statement.Use;
import org.pchatfailover.lab.sql.parse.Statement.WaitFor;

/**
 * Parses a batch into statements. Statements SQL Server has but the lab does not simulate fail with error 40517
 * naming the keyword; malformed text fails with 102 "Incorrect syntax near ...", as on a real instance.
 */
public final class SqlParser {

	private static final Set<String> UNSUPPORTED = Set.of("ALTER", "BACKUP", "BEGIN", "BULK", "CHECKPOINT",
			"COMMIT", "CREATE", "DBCC", "DELETE", "DENY", "DROP", "GRANT", "IF", "INSERT", "MERGE", "PRINT",
			"RAISERROR", "RECONFIGURE", "RETURN", "REVOKE", "ROLLBACK", "SAVE", "SHUTDOWN", "THROW", "TRUNCATE",
			"UPDATE", "WHILE", "WITH");

	private static final Set<String> ISOLATION_LEVELS = Set.of("READ UNCOMMITTED", "READ COMMITTED",
			"REPEATABLE READ", "SNAPSHOT", "SERIALIZABLE");

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

	private Statement statement(boolean first) {
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
			return set();
		}
		if (head.is("DECLARE")) {
			in.next();
			return declare();
		}
		if (head.is("WAITFOR")) {
			in.next();
			return waitFor();
		}
		if (head.kind() == Token.Kind.WORD && UNSUPPORTED.contains(head.upper())) {
			throw new SqlException(SqlErrors.notSupported(head.upper()));
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
			throw new SqlException(SqlErrors.notSupported("WAITFOR " + in.peek().upper()));
		}
		in.next();
		return new WaitFor(new ExpressionParser(in).expression());
	}

	// other ALTER DATABASE options stay refused: the lab would pretend to change what it does not model
	private SetPartner setPartner() {
		String database = in.identifier();
		in.expect("SET");
		if (!in.peek().is("PARTNER")) {
			throw new SqlException(SqlErrors.notSupported("ALTER DATABASE SET " + in.peek().upper()));
		}
		in.next();
		if (in.accept("OFF")) {
			return new SetPartner(database, null);
		}
		in.expectSymbol("=");
		Token partner = in.next();
		if (partner.kind() != Token.Kind.STRING) {
			throw new SqlException(SqlErrors.syntax(partner.text()));
		}
		return new SetPartner(database, partner.text());
	}

	private Kill kill() {
		Token id = in.next();
		if (id.kind() != Token.Kind.NUMBER || id.text().contains(".")) {
			throw new SqlException(SqlErrors.syntax(id.text()));
		}
		return new Kill(Long.parseLong(id.text()));
	}

	private Statement set() {
		Token target = in.next();
		if (target.kind() == Token.Kind.VARIABLE) {
			in.expectSymbol("=");
			return new Statement.Assign(target.text(), new ExpressionParser(in).expression());
		}
		if (target.kind() != Token.Kind.WORD) {
			throw new SqlException(SqlErrors.syntax(target.text()));
		}
		if (target.is("TRANSACTION")) {
			return isolationLevel();
		}
		Token value = in.next();
		if (value.kind() == Token.Kind.END || value.isSymbol(";")) {
			throw new SqlException(SqlErrors.syntax(value.text()));
		}
		return new SetOption(target.upper(), value.upper());
	}

	/** The level is one or two words; a batch goes on after it without a semicolon (jTDS's connect batch). */
	private SetOption isolationLevel() {
		in.expect("ISOLATION");
		in.expect("LEVEL");
		Token word = in.next();
		String level = word.upper();
		if (word.is("READ") || word.is("REPEATABLE")) {
			word = in.next();
			level += " " + word.upper();
		}
		if (!ISOLATION_LEVELS.contains(level)) {
			throw new SqlException(SqlErrors.syntax(word.text()));
		}
		return new SetOption("TRANSACTION ISOLATION LEVEL", level);
	}

	private Declare declare() {
		List<Declared> variables = new ArrayList<>();
		do {
			Token name = in.next();
			if (name.kind() != Token.Kind.VARIABLE) {
				throw new SqlException(SqlErrors.syntax(name.text()));
			}
			in.accept("AS");
			String type = new ExpressionParser(in).typeName();
			Expr initial = in.acceptSymbol("=") ? new ExpressionParser(in).expression() : null;
			variables.add(new Declared(name.text(), type, initial));
		}
		while (in.acceptSymbol(","));
		return new Declare(variables);
	}

}
