package org.pchatfailover.lab.lync.powershell;

import java.util.List;
import java.util.Map;

/** The syntax tree of the PowerShell subset the lab shell understands. */
public final class Ps {

	private Ps() {
	}

	public sealed interface Statement permits Assignment, Pipeline {
	}

	/** {@code $Name = value}. */
	public record Assignment(String variable, Value value) implements Statement {
	}

	/** Commands joined by {@code |}. */
	public record Pipeline(List<Command> commands) implements Statement {
	}

	/** Where something stands in the script: offsets of its first character and of the one after it. */
	public record Extent(int start, int end) {
	}

	/**
	 * @param name the command as written
	 * @param elements parameters and values in order; binding to parameters happens per cmdlet
	 * @param text the source text, for the lab's history
	 * @param extent the whole command, name to last argument
	 * @param nameExtent the command name
	 */
	public record Command(String name, List<Element> elements, String text, Extent extent, Extent nameExtent) {
	}

	public sealed interface Element permits Parameter, Argument {

		Extent extent();

	}

	/** {@code -Name} or {@code -Name:value} (then {@code value} is set). */
	record Parameter(String name, Value value, Extent extent) implements Element {
	}

	record Argument(Value value, Extent extent) implements Element {
	}

	public sealed interface Value permits Text, Bool, Null, ListValue, Table, Block {
	}

	public record Text(String value) implements Value {
	}

	record Bool(boolean value) implements Value {
	}

	public record Null() implements Value {
	}

	public record ListValue(List<Value> items) implements Value {
	}

	/** {@code @{Key=value; ...}}; keys in their written case, in order. */
	public record Table(Map<String, Value> entries) implements Value {

		public Value get(String key) {
			return entries.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(key))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}

	}

	/**
	 * A script block holding one expression ({@link PsExpressionParser}): {@code {$_.Name}},
	 * {@code {[string[]]$_.Computers}}, {@code { $_.PoolState -eq "FailedOver" }}.
	 * @param text the block as written, braces included
	 */
	public record Block(PsExpression.Expr expression, String text) implements Value {
	}

	/**
	 * A syntax error, reported like PowerShell's parser: position, then the message.
	 * @see #record(String)
	 */
	public static class ParseException extends RuntimeException {

		private final String errorId;

		private final Extent extent;

		private final String text;

		/**
		 * @param errorId the parser's error id ({@code UnexpectedToken}, ...), {@code LabNotSupported} for the lab's own
		 * @param extent what the error points at; an empty one at a position gets one {@code ~}
		 */
		ParseException(String message, String errorId, Extent extent, String text) {
			super(message);
			this.errorId = errorId;
			this.extent = extent;
			this.text = text;
		}

		/**
		 * The error record a ParseException becomes: its message is the position (with the line and the {@code ~})
		 * and the text; no command, {@code ParserError: (:) [], ParentContainsErrorRecordException}.
		 * @param script the script the error is in
		 */
		public ErrorRecord record(String script) {
			String position = new ScriptExtent(script, extent.start(), extent.end()).positionMessage();
			return new ErrorRecord(null, position + "\n" + text, null,
					"ParserError: (:) [], ParentContainsErrorRecordException", errorId);
		}

	}

}
