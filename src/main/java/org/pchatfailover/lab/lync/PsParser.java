package org.pchatfailover.lab.lync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pchatfailover.lab.lync.Ps.Argument;
import org.pchatfailover.lab.lync.Ps.Assignment;
import org.pchatfailover.lab.lync.Ps.Block;
import org.pchatfailover.lab.lync.Ps.Bool;
import org.pchatfailover.lab.lync.Ps.Command;
import org.pchatfailover.lab.lync.Ps.Element;
import org.pchatfailover.lab.lync.Ps.ListValue;
import org.pchatfailover.lab.lync.Ps.Null;
import org.pchatfailover.lab.lync.Ps.Parameter;
import org.pchatfailover.lab.lync.Ps.ParseException;
import org.pchatfailover.lab.lync.Ps.Pipeline;
import org.pchatfailover.lab.lync.Ps.Statement;
import org.pchatfailover.lab.lync.Ps.Table;
import org.pchatfailover.lab.lync.Ps.Text;
import org.pchatfailover.lab.lync.Ps.Value;

/**
 * A strict parser for the PowerShell an admin or the product sends to the Lync shell: statements separated
 * by newlines or {@code ;}, commands with {@code -Parameter value} and {@code -Switch:$false}, single- and
 * double-quoted strings with PowerShell's escaping, bare words, comma lists, {@code $null/$true/$false},
 * variables, {@code @{...}} hashtables, property script blocks and pipelines. Anything else is a parse error
 * rather than a guess.
 */
final class PsParser {

	private final String src;

	private int pos;

	private PsParser(String src) {
		this.src = src;
	}

	static List<Statement> parse(String script) {
		return new PsParser(script).script();
	}

	private List<Statement> script() {
		List<Statement> statements = new ArrayList<>();
		while (true) {
			skipBlankAndSeparators();
			if (atEnd()) {
				return statements;
			}
			statements.add(statement());
			skipSpaces();
			if (!atEnd() && !isStatementEnd(peek())) {
				throw error("Unexpected token '" + rest() + "' in expression or statement.");
			}
		}
	}

	private Statement statement() {
		if (peek() == '$') {
			int mark = pos;
			pos++;
			String variable = identifier();
			skipSpaces();
			if (!atEnd() && peek() == '=') {
				pos++;
				skipSpaces();
				return new Assignment(variable, value());
			}
			pos = mark;
		}
		List<Command> commands = new ArrayList<>();
		commands.add(command());
		while (!atEnd() && peek() == '|') {
			pos++;
			skipBlank();
			commands.add(command());
		}
		return new Pipeline(commands);
	}

	private Command command() {
		skipSpaces();
		int start = pos;
		String name = bareWord();
		if (name.isEmpty()) {
			throw error(atEnd() ? "An empty pipe element is not allowed." : "Unexpected token '" + rest() + "'.");
		}
		List<Element> elements = new ArrayList<>();
		while (true) {
			skipSpaces();
			if (atEnd() || isStatementEnd(peek()) || peek() == '|') {
				return new Command(name, elements, src.substring(start, pos).strip());
			}
			if (peek() == '-' && pos + 1 < src.length() && Character.isLetter(src.charAt(pos + 1))) {
				pos++;
				String parameter = identifier();
				Value value = null;
				if (!atEnd() && peek() == ':') {
					pos++;
					value = value();
				}
				elements.add(new Parameter(parameter, value));
			}
			else {
				elements.add(new Argument(value()));
			}
		}
	}

	// a value, or several joined by commas (an array, as in 'a','b')
	private Value value() {
		Value first = single();
		skipSpaces();
		if (atEnd() || peek() != ',') {
			return first;
		}
		List<Value> items = new ArrayList<>(List.of(first));
		while (!atEnd() && peek() == ',') {
			pos++;
			skipBlank();
			items.add(single());
			skipSpaces();
		}
		return new ListValue(items);
	}

	private Value single() {
		if (atEnd()) {
			throw error("Missing expression.");
		}
		char c = peek();
		if (PowerShellQuotes.isSingle(c)) {
			return new Text(singleQuoted());
		}
		if (PowerShellQuotes.isDouble(c)) {
			return new Text(doubleQuoted());
		}
		if (c == '$') {
			pos++;
			String name = identifier();
			return switch (name.toLowerCase()) {
				case "null" -> new Null();
				case "true" -> new Bool(true);
				case "false" -> new Bool(false);
				default -> throw error("The lab shell does not support the variable '$" + name + "' here.");
			};
		}
		if (c == '@' && src.startsWith("@{", pos)) {
			return table();
		}
		if (c == '{') {
			return block();
		}
		String word = bareWord();
		if (word.isEmpty()) {
			throw error("Unexpected token '" + rest() + "' in expression or statement.");
		}
		return new Text(word);
	}

	private String singleQuoted() {
		int start = pos++;
		StringBuilder out = new StringBuilder();
		while (!atEnd()) {
			char c = src.charAt(pos++);
			if (PowerShellQuotes.isSingle(c)) {
				if (!atEnd() && PowerShellQuotes.isSingle(peek())) {
					out.append(src.charAt(pos++));
					continue;
				}
				return out.toString();
			}
			out.append(c);
		}
		pos = start;
		throw error("The string is missing the terminator: '.");
	}

	private String doubleQuoted() {
		int start = pos++;
		StringBuilder out = new StringBuilder();
		while (!atEnd()) {
			char c = src.charAt(pos++);
			if (PowerShellQuotes.isDouble(c)) {
				if (!atEnd() && PowerShellQuotes.isDouble(peek())) {
					out.append(src.charAt(pos++));
					continue;
				}
				return out.toString();
			}
			if (c == '`' && !atEnd()) {
				out.append(PowerShellQuotes.escape(src.charAt(pos++)));
			}
			else if (c == '$' && !atEnd() && (Character.isLetter(peek()) || peek() == '(' || peek() == '{')) {
				// the shell would expand it; the lab refuses rather than pass a literal that means something else
				throw error("The lab shell does not expand variables or subexpressions in double-quoted strings;"
						+ " use a single-quoted string.");
			}
			else {
				out.append(c);
			}
		}
		pos = start;
		throw error("The string is missing the terminator: \".");
	}

	private Table table() {
		pos += 2;
		Map<String, Value> entries = new LinkedHashMap<>();
		while (true) {
			skipBlankAndSeparators();
			if (atEnd()) {
				throw error("Missing closing '}' in statement block or type definition.");
			}
			if (peek() == '}') {
				pos++;
				return new Table(entries);
			}
			String key = PowerShellQuotes.isSingle(peek()) ? singleQuoted() : bareWord();
			skipSpaces();
			if (key.isEmpty() || atEnd() || peek() != '=') {
				throw error("Missing '=' operator after key in hash literal.");
			}
			pos++;
			skipSpaces();
			entries.put(key, value());
		}
	}

	private Block block() {
		pos++;
		skipSpaces();
		String cast = null;
		if (!atEnd() && peek() == '[') {
			pos++;
			cast = identifier().toLowerCase();
			if (src.startsWith("[]", pos)) {
				cast += "[]";
				pos += 2;
			}
			if (atEnd() || peek() != ']' || !(cast.equals("string") || cast.equals("string[]"))) {
				throw error("The lab shell supports only [string] and [string[]] casts in script blocks.");
			}
			pos++;
		}
		if (!src.startsWith("$_.", pos)) {
			throw error("The lab shell supports only {$_.Property} script blocks.");
		}
		pos += 3;
		String property = identifier();
		skipSpaces();
		if (atEnd() || peek() != '}') {
			throw error("Missing closing '}' in statement block or type definition.");
		}
		pos++;
		return new Block(cast, property);
	}

	private String identifier() {
		int start = pos;
		while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
			pos++;
		}
		if (start == pos) {
			throw error("Unexpected token '" + rest() + "'.");
		}
		return src.substring(start, pos);
	}

	// command names and unquoted arguments: Lync, FailedOver, Get-CsPersistentChatState, 4, C:\file.html
	private String bareWord() {
		int start = pos;
		while (!atEnd() && isWordChar(peek())) {
			pos++;
		}
		return src.substring(start, pos);
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || "-_.:\\/".indexOf(c) >= 0;
	}

	private static boolean isStatementEnd(char c) {
		return c == '\n' || c == '\r' || c == ';' || c == '}';
	}

	private void skipSpaces() {
		while (!atEnd()) {
			char c = peek();
			if (c == ' ' || c == '\t') {
				pos++;
			}
			else if (c == '`' && pos + 1 < src.length() && (src.charAt(pos + 1) == '\n' || src.charAt(pos + 1) == '\r')) {
				pos += 2; // line continuation
			}
			else if (c == '#') {
				while (!atEnd() && peek() != '\n') {
					pos++;
				}
			}
			else {
				return;
			}
		}
	}

	private void skipBlank() {
		skipSpaces();
		while (!atEnd() && (peek() == '\n' || peek() == '\r')) {
			pos++;
			skipSpaces();
		}
	}

	private void skipBlankAndSeparators() {
		skipBlank();
		while (!atEnd() && peek() == ';') {
			pos++;
			skipBlank();
		}
	}

	private boolean atEnd() {
		return pos >= src.length();
	}

	private char peek() {
		return src.charAt(pos);
	}

	private String rest() {
		int end = pos;
		while (end < src.length() && !Character.isWhitespace(src.charAt(end)) && end - pos < 40) {
			end++;
		}
		return src.substring(pos, end);
	}

	private ParseException error(String message) {
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < Math.min(pos, src.length()); i++) {
			if (src.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new ParseException("At line:" + line + " char:" + (pos - lineStart + 1) + "\n" + message);
	}

}
