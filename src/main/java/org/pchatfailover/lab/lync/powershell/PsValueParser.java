package org.pchatfailover.lab.lync.powershell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pchatfailover.lab.lync.powershell.Ps.Block;
import org.pchatfailover.lab.lync.powershell.Ps.Bool;
import org.pchatfailover.lab.lync.powershell.Ps.ListValue;
import org.pchatfailover.lab.lync.powershell.Ps.Null;
import org.pchatfailover.lab.lync.powershell.Ps.Table;
import org.pchatfailover.lab.lync.powershell.Ps.Text;
import org.pchatfailover.lab.lync.powershell.Ps.Value;

/**
 * Reads the values a command takes: single- and double-quoted strings with PowerShell's escaping, bare words,
 * comma lists, {@code $null/$true/$false}, {@code @{...}} hashtables and script blocks ({@link PsExpressionParser}).
 */
final class PsValueParser {

	private final PsCursor cursor;

	PsValueParser(PsCursor cursor) {
		this.cursor = cursor;
	}

	// a value, or several joined by commas (an array, as in 'a','b')
	Value value() {
		Value first = single();
		cursor.skipSpaces();
		if (!cursor.at(',')) {
			return first;
		}
		List<Value> items = new ArrayList<>(List.of(first));
		while (cursor.skip(',')) {
			cursor.skipBlank();
			items.add(single());
			cursor.skipSpaces();
		}
		return new ListValue(items);
	}

	private Value single() {
		if (cursor.atEnd()) {
			throw cursor.error("Missing expression.");
		}
		char c = cursor.peek();
		if (PowerShellQuotes.isSingle(c) || PowerShellQuotes.isDouble(c)) {
			return new Text(quoted());
		}
		if (c == '$') {
			return constant();
		}
		if (cursor.startsWith("@{")) {
			return table();
		}
		if (c == '{') {
			return block();
		}
		String word = cursor.bareWord();
		if (word.isEmpty()) {
			throw cursor.error("Unexpected token '" + cursor.tokenAhead() + "' in expression or statement.");
		}
		return new Text(word);
	}

	private Value constant() {
		cursor.advance(1);
		String name = cursor.identifier();
		return switch (name.toLowerCase()) {
			case "null" -> new Null();
			case "true" -> new Bool(true);
			case "false" -> new Bool(false);
			default -> throw cursor.error("The lab shell does not support the variable '$" + name + "' here.");
		};
	}

	// in both kinds a doubled quote stands for one; only double-quoted strings know backtick escapes
	String quoted() {
		boolean expandable = PowerShellQuotes.isDouble(cursor.peek());
		int start = cursor.mark();
		cursor.advance(1);
		StringBuilder out = new StringBuilder();
		while (!cursor.atEnd()) {
			char c = cursor.next();
			boolean quote = closes(c, expandable);
			if (quote && !cursor.atEnd() && closes(cursor.peek(), expandable)) {
				out.append(cursor.next());
			}
			else if (quote) {
				return out.toString();
			}
			else if (expandable && c == '`' && !cursor.atEnd()) {
				out.append(PowerShellQuotes.escape(cursor.next()));
			}
			else if (expandable && c == '$' && atExpansion()) {
				// the shell would expand it; the lab refuses rather than pass a literal that means something else
				throw cursor.error("The lab shell does not expand variables or subexpressions in double-quoted strings;"
						+ " use a single-quoted string.");
			}
			else {
				out.append(c);
			}
		}
		cursor.reset(start);
		throw cursor.error("The string is missing the terminator: " + (expandable ? "\"" : "'") + ".");
	}

	private static boolean closes(char c, boolean expandable) {
		return expandable ? PowerShellQuotes.isDouble(c) : PowerShellQuotes.isSingle(c);
	}

	private boolean atExpansion() {
		return !cursor.atEnd() && (Character.isLetter(cursor.peek()) || cursor.peek() == '(' || cursor.peek() == '{');
	}

	private Table table() {
		cursor.advance(2);
		Map<String, Value> entries = new LinkedHashMap<>();
		while (true) {
			cursor.skipBlankAndSeparators();
			if (cursor.atEnd()) {
				throw cursor.error("Missing closing '}' in statement block or type definition.");
			}
			if (cursor.skip('}')) {
				return new Table(entries);
			}
			String key = PowerShellQuotes.isSingle(cursor.peek()) ? quoted() : cursor.key();
			cursor.skipSpaces();
			if (key.isEmpty() || !cursor.skip('=')) {
				throw cursor.error("Missing '=' operator after key in hash literal.");
			}
			cursor.skipSpaces();
			entries.put(key, value());
		}
	}

	private Block block() {
		int start = cursor.mark();
		cursor.advance(1);
		PsExpression.Expr expression = new PsExpressionParser(cursor, this).blockBody();
		return new Block(expression, cursor.textFrom(start));
	}

}
