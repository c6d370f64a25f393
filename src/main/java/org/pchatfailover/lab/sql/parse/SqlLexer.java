package org.pchatfailover.lab.sql.parse;

import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * Splits T-SQL text into tokens: words, [bracketed] and "quoted" identifiers, 'strings' and N'unicode strings'
 * with doubled quotes, numbers, @variables, @@globals and symbols; skips whitespace, -- and nested block comments.
 */
final class SqlLexer {

	private final String sql;

	private int pos;

	private SqlLexer(String sql) {
		this.sql = sql;
	}

	static List<Token> tokenize(String sql) {
		SqlLexer lexer = new SqlLexer(sql);
		List<Token> tokens = new ArrayList<>();
		Token token = lexer.next();
		while (token.kind() != Token.Kind.END) {
			tokens.add(token);
			token = lexer.next();
		}
		tokens.add(token);
		return tokens;
	}

	private Token next() {
		skipSpaceAndComments();
		if (pos >= sql.length()) {
			return new Token(Token.Kind.END, "", false);
		}
		char c = sql.charAt(pos);
		if ((c == 'N' || c == 'n') && pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'') {
			pos++;
			return new Token(Token.Kind.STRING, delimited('\''), true);
		}
		if (c == '\'') {
			return new Token(Token.Kind.STRING, delimited('\''), false);
		}
		if (c == '[') {
			return new Token(Token.Kind.QUOTED_IDENTIFIER, delimited(']'), false);
		}
		if (c == '"') {
			return new Token(Token.Kind.QUOTED_IDENTIFIER, delimited('"'), false);
		}
		if (c == '@') {
			boolean global = pos + 1 < sql.length() && sql.charAt(pos + 1) == '@';
			int start = pos;
			pos += global ? 2 : 1;
			word();
			return new Token(global ? Token.Kind.GLOBAL_VARIABLE : Token.Kind.VARIABLE, sql.substring(start, pos),
					false);
		}
		if (Character.isDigit(c)) {
			int start = pos;
			while (pos < sql.length() && (Character.isDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
				pos++;
			}
			return new Token(Token.Kind.NUMBER, sql.substring(start, pos), false);
		}
		if (Character.isLetter(c) || c == '_' || c == '#') {
			int start = pos;
			word();
			return new Token(Token.Kind.WORD, sql.substring(start, pos), false);
		}
		return symbol(c);
	}

	private Token symbol(char c) {
		String two = pos + 1 < sql.length() ? sql.substring(pos, pos + 2) : "";
		if (two.equals("<>") || two.equals("!=") || two.equals("<=") || two.equals(">=")) {
			pos += 2;
			return new Token(Token.Kind.SYMBOL, two, false);
		}
		pos++;
		return new Token(Token.Kind.SYMBOL, String.valueOf(c), false);
	}

	private void word() {
		while (pos < sql.length()) {
			char c = sql.charAt(pos);
			if (!(Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '#' || c == '$')) {
				return;
			}
			pos++;
		}
	}

	/** Text up to the closing delimiter; a doubled delimiter stands for itself. */
	private String delimited(char close) {
		int start = pos;
		pos++;
		StringBuilder text = new StringBuilder();
		while (pos < sql.length()) {
			char c = sql.charAt(pos++);
			if (c == close) {
				if (pos < sql.length() && sql.charAt(pos) == close) {
					text.append(c);
					pos++;
					continue;
				}
				return text.toString();
			}
			text.append(c);
		}
		throw new SqlException(SqlErrors.unclosedQuote(sql.substring(start)));
	}

	private void skipSpaceAndComments() {
		while (pos < sql.length()) {
			if (Character.isWhitespace(sql.charAt(pos))) {
				pos++;
			}
			else if (sql.startsWith("--", pos)) {
				int end = sql.indexOf('\n', pos);
				pos = end < 0 ? sql.length() : end + 1;
			}
			else if (sql.startsWith("/*", pos)) {
				skipBlockComment();
			}
			else {
				return;
			}
		}
	}

	private void skipBlockComment() {
		int depth = 0;
		do {
			if (sql.startsWith("/*", pos)) {
				depth++;
				pos += 2;
			}
			else if (sql.startsWith("*/", pos)) {
				depth--;
				pos += 2;
			}
			else if (pos >= sql.length()) {
				throw new SqlException(SqlErrors.missingEndComment());
			}
			else {
				pos++;
			}
		}
		while (depth > 0);
	}

}
