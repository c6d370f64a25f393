package org.pchatfailover.lab.lync.powershell;

import org.pchatfailover.lab.lync.powershell.Ps.ParseException;

/**
 * A position in a script and the tokenizer rules both parsers share: what is blank (spaces, tabs, comments,
 * backtick line continuations), what ends a statement, what an identifier or a bare word is, and how a syntax
 * error names its position, {@code At line:1 char:5} as PowerShell's parser does.
 */
final class PsCursor {

	private final String src;

	private int pos;

	PsCursor(String src) {
		this.src = src;
	}

	boolean atEnd() {
		return pos >= src.length();
	}

	char peek() {
		return src.charAt(pos);
	}

	boolean at(char c) {
		return !atEnd() && peek() == c;
	}

	boolean startsWith(String prefix) {
		return src.startsWith(prefix, pos);
	}

	/** Steps over {@code c} when it comes next; says whether it did. */
	boolean skip(char c) {
		if (!at(c)) {
			return false;
		}
		pos++;
		return true;
	}

	char next() {
		return src.charAt(pos++);
	}

	void advance(int count) {
		pos += count;
	}

	int mark() {
		return pos;
	}

	void reset(int mark) {
		pos = mark;
	}

	String textFrom(int mark) {
		return src.substring(mark, pos);
	}

	boolean atStatementEnd() {
		return atEnd() || isStatementEnd(peek());
	}

	// -Name, but not -1: a dash before a digit is a negative number, an argument. The tokenizer starts a parameter
	// (or an operator such as -eq) at any dash followed by a letter, '_' or '?'.
	boolean atParameterName() {
		if (atEnd() || !isDash(peek()) || pos + 1 >= src.length()) {
			return false;
		}
		char next = src.charAt(pos + 1);
		return Character.isLetter(next) || next == '_' || next == '?';
	}

	/**
	 * The hyphen-minus and the dashes PowerShell's tokenizer takes for it (CharTraits.cs, {@code IsDash}): en dash
	 * U+2013, em dash U+2014 and horizontal bar U+2015, as word processors turn a typed hyphen into, e.g. the
	 * failover runbook's own {@code –PoolState FailedOver}.
	 */
	static boolean isDash(char c) {
		return c == '-' || c == '\u2013' || c == '\u2014' || c == '\u2015';
	}

	String identifier() {
		int start = pos;
		while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
			pos++;
		}
		if (start == pos) {
			throw error("Unexpected token '" + tokenAhead() + "'.");
		}
		return src.substring(start, pos);
	}

	// command names and unquoted arguments: Lync, FailedOver, Get-CsPersistentChatState, 4, C:\file.html, atl-*,
	// a base64 string with its '=' padding
	String bareWord() {
		int start = pos;
		while (!atEnd() && isWordChar(peek())) {
			pos++;
		}
		return src.substring(start, pos);
	}

	// a hashtable key, parsed in expression mode, where '=' is the assignment that follows it
	String key() {
		int start = pos;
		while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || isDash(peek()))) {
			pos++;
		}
		return src.substring(start, pos);
	}

	void skipSpaces() {
		while (!atEnd()) {
			char c = peek();
			if (c == ' ' || c == '\t') {
				pos++;
			}
			else if (atLineContinuation()) {
				pos += 2;
			}
			else if (c == '#') {
				skipComment();
			}
			else {
				return;
			}
		}
	}

	void skipBlank() {
		skipSpaces();
		while (at('\n') || at('\r')) {
			pos++;
			skipSpaces();
		}
	}

	void skipBlankAndSeparators() {
		skipBlank();
		while (skip(';')) {
			skipBlank();
		}
	}

	/** What comes next up to the next blank, at most 40 characters, as PowerShell quotes it in errors. */
	String tokenAhead() {
		int end = pos;
		while (end < src.length() && !Character.isWhitespace(src.charAt(end)) && end - pos < 40) {
			end++;
		}
		return src.substring(pos, end);
	}

	ParseException error(String message) {
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < Math.min(pos, src.length()); i++) {
			if (src.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		int at = Math.min(pos, src.length());
		int length = message.startsWith("Unexpected token '") ? Math.max(0, tokenAhead().length()) : 0;
		return new ParseException("At line:" + line + " char:" + (at - lineStart + 1) + "\n" + message,
				errorId(message), new Ps.Extent(at, Math.min(src.length(), at + length)), message);
	}

	// the parser's error ids (ParserStrings.resx names them) for the texts the lab shares with PowerShell
	private static String errorId(String message) {
		if (message.startsWith("Unexpected token '")) {
			return "UnexpectedToken";
		}
		if (message.startsWith("You must provide a value expression following")) {
			return "ExpectedValueExpression";
		}
		if (message.startsWith("Missing closing '}'")) {
			return "MissingEndCurlyBrace";
		}
		if (message.startsWith("Missing closing ')'")) {
			return "MissingEndParenthesisInExpression";
		}
		if (message.startsWith("The string is missing the terminator")) {
			return "TerminatorExpectedAtEndOfString";
		}
		if (message.equals("An empty pipe element is not allowed.")) {
			return "EmptyPipeElement";
		}
		if (message.equals("Missing '=' operator after key in hash literal.")) {
			return "MissingEqualsInHashLiteral";
		}
		return "LabNotSupported";
	}

	private boolean atLineContinuation() {
		return at('`') && pos + 1 < src.length() && (src.charAt(pos + 1) == '\n' || src.charAt(pos + 1) == '\r');
	}

	private void skipComment() {
		while (!atEnd() && peek() != '\n') {
			pos++;
		}
	}

	// what the tokenizer's generic token (command mode) runs over, short of variables and the characters that end it
	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || isDash(c) || "_.:\\/=+*?!~%^".indexOf(c) >= 0;
	}

	private static boolean isStatementEnd(char c) {
		return c == '\n' || c == '\r' || c == ';' || c == '}';
	}

}
