package org.pchatfailover.lab.sql.parse;

import java.util.List;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * Walks the tokens of a batch; every "expected X" failure is SQL Server's syntax error at the offending token: 156
 * for a reserved keyword, 102 for anything else.
 */
final class TokenCursor {

	private final List<Token> tokens;

	private int index;

	TokenCursor(List<Token> tokens) {
		this.tokens = tokens;
	}

	Token peek() {
		return tokens.get(index);
	}

	Token peek(int ahead) {
		return tokens.get(Math.min(index + ahead, tokens.size() - 1));
	}

	Token next() {
		Token token = tokens.get(index);
		if (token.kind() != Token.Kind.END) {
			index++;
		}
		return token;
	}

	/** Where the cursor is, for {@link #reset} when a guess about what follows turns out wrong. */
	int mark() {
		return index;
	}

	void reset(int mark) {
		index = mark;
	}

	boolean atEnd() {
		return peek().kind() == Token.Kind.END;
	}

	boolean accept(String keyword) {
		if (peek().is(keyword)) {
			index++;
			return true;
		}
		return false;
	}

	boolean acceptSymbol(String symbol) {
		if (peek().isSymbol(symbol)) {
			index++;
			return true;
		}
		return false;
	}

	void expect(String keyword) {
		if (!accept(keyword)) {
			throw syntaxError();
		}
	}

	void expectSymbol(String symbol) {
		if (!acceptSymbol(symbol)) {
			throw syntaxError();
		}
	}

	String identifier() {
		Token token = next();
		if (!token.isIdentifier() || ReservedKeywords.is(token)) {
			throw errorNear(token);
		}
		return token.text();
	}

	/** {@code a.b.c} with empty parts allowed ({@code msdb..log_shipping_secondary}). */
	List<String> qualifiedName() {
		List<String> parts = new java.util.ArrayList<>();
		parts.add(identifier());
		while (acceptSymbol(".")) {
			parts.add(peek().isSymbol(".") ? "" : identifier());
		}
		return parts;
	}

	SqlException syntaxError() {
		return errorNear(peek());
	}

	static SqlException errorNear(Token token) {
		return new SqlException(ReservedKeywords.is(token) ? SqlErrors.keyword(token.text())
				: SqlErrors.syntax(token.text()));
	}

}
