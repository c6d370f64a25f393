package org.pchatfailover.lab.lync.powershell;

import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.lync.powershell.Ps.Argument;
import org.pchatfailover.lab.lync.powershell.Ps.Assignment;
import org.pchatfailover.lab.lync.powershell.Ps.Command;
import org.pchatfailover.lab.lync.powershell.Ps.Element;
import org.pchatfailover.lab.lync.powershell.Ps.Parameter;
import org.pchatfailover.lab.lync.powershell.Ps.Pipeline;
import org.pchatfailover.lab.lync.powershell.Ps.Statement;
import org.pchatfailover.lab.lync.powershell.Ps.Value;

/**
 * A strict parser for the PowerShell an admin or the product sends to the Lync shell: statements separated
 * by newlines or {@code ;}, assignments, pipelines, commands with {@code -Parameter value} and
 * {@code -Switch:$false}; the values themselves are {@link PsValueParser}'s. Anything else is a parse error
 * rather than a guess.
 */
public final class PsParser {

	private final PsCursor cursor;

	private final PsValueParser values;

	private PsParser(String src) {
		this.cursor = new PsCursor(src);
		this.values = new PsValueParser(cursor);
	}

	public static List<Statement> parse(String script) {
		return new PsParser(script).script();
	}

	private List<Statement> script() {
		List<Statement> statements = new ArrayList<>();
		while (true) {
			cursor.skipBlankAndSeparators();
			if (cursor.atEnd()) {
				return statements;
			}
			statements.add(statement());
			cursor.skipSpaces();
			if (!cursor.atStatementEnd()) {
				throw cursor.error("Unexpected token '" + cursor.tokenAhead() + "' in expression or statement.");
			}
		}
	}

	// a $ that starts no assignment is left to the pipeline, which reports it where it stands
	private Statement statement() {
		int mark = cursor.mark();
		if (cursor.skip('$')) {
			String variable = cursor.identifier();
			cursor.skipSpaces();
			if (cursor.skip('=')) {
				cursor.skipSpaces();
				return new Assignment(variable, values.value());
			}
			cursor.reset(mark);
		}
		return pipeline();
	}

	private Pipeline pipeline() {
		List<Command> commands = new ArrayList<>();
		commands.add(command());
		while (cursor.skip('|')) {
			cursor.skipBlank();
			commands.add(command());
		}
		return new Pipeline(commands);
	}

	private Command command() {
		cursor.skipSpaces();
		int start = cursor.mark();
		String name = cursor.bareWord();
		if (name.isEmpty()) {
			throw cursor.error(cursor.atEnd() ? "An empty pipe element is not allowed."
					: "Unexpected token '" + cursor.tokenAhead() + "'.");
		}
		Ps.Extent nameExtent = new Ps.Extent(start, cursor.mark());
		List<Element> elements = new ArrayList<>();
		while (true) {
			cursor.skipSpaces();
			if (cursor.atStatementEnd() || cursor.at('|')) {
				String text = cursor.textFrom(start).strip();
				return new Command(name, elements, text, new Ps.Extent(start, start + text.length()), nameExtent);
			}
			elements.add(cursor.atParameterName() ? parameter() : argument());
		}
	}

	private Argument argument() {
		int start = cursor.mark();
		Value value = values.value();
		return new Argument(value, new Ps.Extent(start, start + cursor.textFrom(start).strip().length()));
	}

	private Parameter parameter() {
		int start = cursor.mark();
		cursor.advance(1);
		String name = cursor.identifier();
		Value value = cursor.skip(':') ? values.value() : null;
		return new Parameter(name, value, new Ps.Extent(start, cursor.mark()));
	}

}
