package org.pchatfailover.lab.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * {@code RESTORE HEADERONLY | FILELISTONLY | VERIFYONLY FROM DISK = x}, {@code RESTORE LOG db FROM DISK = x WITH
 * NORECOVERY} and
 * {@code RESTORE DATABASE db [FROM DISK = x] WITH RECOVERY}; names and devices may be @variables.
 */
final class RestoreParser {

	/** The RESTORE forms that only read a backup; LABELONLY and REWINDONLY stay the lab's limit. */
	private static final List<String> INSPECTIONS = List.of("HEADERONLY", "FILELISTONLY", "VERIFYONLY");

	private final TokenCursor in;

	RestoreParser(TokenCursor in) {
		this.in = in;
	}

	Statement restore() {
		for (String what : INSPECTIONS) {
			if (in.accept(what)) {
				Expr device = from();
				options();
				return new Statement.RestoreInspect(what, device);
			}
		}
		boolean log;
		if (in.accept("LOG")) {
			log = true;
		}
		else if (in.accept("DATABASE")) {
			log = false;
		}
		else {
			Token what = in.peek();
			if (what.kind() == Token.Kind.WORD) {
				throw new SqlException(SqlErrors.notSimulated("RESTORE " + what.upper()));
			}
			throw in.syntaxError();
		}
		Expr database = database();
		Expr device = in.peek().is("FROM") ? from() : null;
		return new Statement.Restore(log, database, device, options());
	}

	/** After {@code BACKUP DATABASE}: {@code db TO DISK = device [WITH option, ...]}; name and device may be @variables. */
	Statement.Backup backupDatabase() {
		Expr database = database();
		in.expect("TO");
		Expr device = disk("TO");
		return new Statement.Backup("DATABASE", database, device, options());
	}

	private Expr database() {
		Token name = in.next();
		if (name.kind() == Token.Kind.VARIABLE) {
			return new Expr.Variable(name.text());
		}
		if (name.isIdentifier()) {
			return new Expr.Literal(name.text());
		}
		throw TokenCursor.errorNear(name);
	}

	private Expr from() {
		in.expect("FROM");
		return disk("FROM");
	}

	private Expr disk(String clause) {
		if (!in.accept("DISK")) {
			Token device = in.peek();
			throw new SqlException(SqlErrors.notSimulated(clause + " " + device.text().toUpperCase(Locale.ROOT)));
		}
		in.expectSymbol("=");
		Token device = in.next();
		return switch (device.kind()) {
			case STRING -> new Expr.Literal(device.text());
			case VARIABLE -> new Expr.Variable(device.text());
			default -> throw TokenCursor.errorNear(device);
		};
	}

	private List<String> options() {
		List<String> options = new ArrayList<>();
		if (!in.accept("WITH")) {
			return options;
		}
		do {
			Token option = in.next();
			if (option.kind() != Token.Kind.WORD) {
				throw TokenCursor.errorNear(option);
			}
			if (in.acceptSymbol("=")) {
				new ExpressionParser(in).expression(); // STATS = 10, FILE = 1: no effect in the lab
			}
			options.add(option.upper());
		}
		while (in.acceptSymbol(","));
		return options;
	}

}
