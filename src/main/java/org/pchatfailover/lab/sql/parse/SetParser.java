package org.pchatfailover.lab.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pchatfailover.lab.sql.parse.Statement.SetOption;

/**
 * {@code SET @variable = expression} and the SET statements of sql-docs' "SET Statements": {@code SET option value}
 * (ON, OFF, a word, a number, a string or a variable), {@code SET option, option {ON | OFF}},
 * {@code SET STATISTICS IO ON} and {@code SET TRANSACTION ISOLATION LEVEL ...}. Which options the lab honours is the
 * engine's business; the parser only reads them as SQL Server would.
 */
final class SetParser {

	private static final Set<String> ISOLATION_LEVELS = Set.of("READ UNCOMMITTED", "READ COMMITTED",
			"REPEATABLE READ", "SNAPSHOT", "SERIALIZABLE");

	private final TokenCursor in;

	SetParser(TokenCursor in) {
		this.in = in;
	}

	Statement set() {
		Token target = in.next();
		if (target.kind() == Token.Kind.VARIABLE) {
			in.expectSymbol("=");
			return new Statement.Assign(target.text(), new ExpressionParser(in).expression());
		}
		if (target.kind() != Token.Kind.WORD) {
			throw TokenCursor.errorNear(target);
		}
		if (target.is("TRANSACTION")) {
			return isolationLevel();
		}
		if (target.is("STATISTICS")) {
			String what = in.next().upper();
			return new SetOption("STATISTICS " + what, onOrOff());
		}
		if (in.peek().isSymbol(",")) {
			return optionList(target);
		}
		return new SetOption(target.upper(), value());
	}

	/** {@code SET QUOTED_IDENTIFIER, ANSI_NULLS ON}: one value for every option named. */
	private Statement optionList(Token first) {
		List<String> options = new ArrayList<>(List.of(first.upper()));
		while (in.acceptSymbol(",")) {
			Token option = in.next();
			if (option.kind() != Token.Kind.WORD) {
				throw TokenCursor.errorNear(option);
			}
			options.add(option.upper());
		}
		String value = onOrOff();
		return new Statement.Block(options.stream().<Statement>map(o -> new SetOption(o, value)).toList());
	}

	private String onOrOff() {
		Token value = in.next();
		if (!value.is("ON") && !value.is("OFF")) {
			throw TokenCursor.errorNear(value);
		}
		return value.upper();
	}

	/** ON, OFF, LOW, mdy, 1, -1, N'us_english', @n. */
	private String value() {
		Token value = in.next();
		if (value.isSymbol("-") && in.peek().kind() == Token.Kind.NUMBER) {
			return "-" + in.next().text();
		}
		if (value.kind() == Token.Kind.END || value.kind() == Token.Kind.SYMBOL) {
			throw TokenCursor.errorNear(value);
		}
		return value.kind() == Token.Kind.STRING ? value.text() : value.upper();
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
			throw TokenCursor.errorNear(word);
		}
		return new SetOption("TRANSACTION ISOLATION LEVEL", level);
	}

}
