package org.pchatfailover.lab.sql.parse;

import java.util.Locale;

/**
 * A T-SQL token.
 *
 * @param kind what it is
 * @param text identifier without brackets, string without quotes, variable with its {@code @}, symbol as written
 * @param unicode an {@code N'...'} literal
 */
record Token(Kind kind, String text, boolean unicode) {

	enum Kind {

		WORD, QUOTED_IDENTIFIER, STRING, NUMBER, VARIABLE, GLOBAL_VARIABLE, SYMBOL, END

	}

	/** A bare word with this keyword's spelling, case-insensitively (a [bracketed] word is never a keyword). */
	boolean is(String keyword) {
		return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
	}

	boolean isSymbol(String symbol) {
		return kind == Kind.SYMBOL && text.equals(symbol);
	}

	boolean isIdentifier() {
		return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
	}

	String upper() {
		return text.toUpperCase(Locale.ROOT);
	}

}
