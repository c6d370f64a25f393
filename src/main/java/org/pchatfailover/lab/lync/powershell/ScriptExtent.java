package org.pchatfailover.lab.lync.powershell;

/**
 * A stretch of a script and the position message PowerShell shows for it: a port of
 * {@code PositionUtilities.VerboseMessage} (Position.cs, PowerShell/PowerShell at its first import, 60b3b304):
 * <pre>
 * At line:1 char:29
 * + Get-CsPersistentChatState | Where-Object {$_.PoolState -eq FailedOver}
 * +                             ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
 * </pre>
 * A script from {@code -Command} or {@code -EncodedCommand} has no file, hence {@code line}; a source line longer
 * than 69 characters is cut around the error with {@code ...}.
 *
 * @param start offset of the first character
 * @param end offset after the last character
 */
public record ScriptExtent(String script, int start, int end) {

	// "Max width is 69 because: sometimes PowerShell is opened with width 80 ..." (Position.cs)
	private static final int MAX_LINE_LENGTH = 69;

	public int startLine() {
		return lineOf(start);
	}

	public int startColumn() {
		return start - lineStart(start) + 1;
	}

	/** {@code At line:L char:C}, the source line and the {@code ~} under the extent, lines joined by "\n". */
	public String positionMessage() {
		String sourceLine = stripEnd(lineText(start));
		if (sourceLine.isEmpty()) {
			return "At line:" + startLine() + " char:" + startColumn() + "\n+ ";
		}
		int spacesBeforeError = startColumn() - 1;
		int errorLength = (lineOf(start) == lineOf(end)) ? end - start : sourceLine.length() - startColumn() + 1;
		if (sourceLine.indexOf('\t') >= 0) {
			String before = sourceLine.substring(0, spacesBeforeError).replace("\t", "    ");
			String error = sourceLine.substring(spacesBeforeError, Math.min(sourceLine.length(), spacesBeforeError
					+ errorLength)).replace("\t", "    ");
			sourceLine = before + error + sourceLine.substring(Math.min(sourceLine.length(), spacesBeforeError
					+ errorLength)).replace("\t", "    ");
			spacesBeforeError = before.length();
			errorLength = error.length();
		}
		boolean prefixDots = false;
		boolean suffixDots = false;
		if (sourceLine.length() > MAX_LINE_LENGTH) {
			int totalPrefix = spacesBeforeError;
			int prefix = Math.min(totalPrefix, 12);
			int totalSuffix = sourceLine.length() - errorLength - spacesBeforeError;
			int suffix = Math.min(totalSuffix, 8);
			int candidateLength = prefix + errorLength + suffix;
			if (candidateLength >= MAX_LINE_LENGTH) {
				if (prefix + errorLength >= MAX_LINE_LENGTH) {
					errorLength = MAX_LINE_LENGTH - prefix;
				}
				suffixDots = true;
			}
			else {
				int prefixAvailable = totalPrefix - prefix;
				if (prefixAvailable > 0) {
					prefix += Math.min(prefixAvailable, MAX_LINE_LENGTH - candidateLength);
					candidateLength = prefix + errorLength + suffix;
				}
				if (candidateLength < MAX_LINE_LENGTH && totalSuffix > 0) {
					suffix += Math.min(totalSuffix, MAX_LINE_LENGTH - candidateLength);
				}
				suffixDots = suffix < totalSuffix;
			}
			prefixDots = prefix < totalPrefix;
			int startIndex = Math.max(spacesBeforeError - prefix, 0);
			sourceLine = sourceLine.substring(startIndex, Math.min(sourceLine.length(), startIndex + MAX_LINE_LENGTH));
			spacesBeforeError = Math.min(spacesBeforeError, prefix);
			errorLength = Math.min(errorLength, MAX_LINE_LENGTH - spacesBeforeError);
		}
		StringBuilder message = new StringBuilder();
		message.append(prefixDots ? "... " : "").append(sourceLine).append(suffixDots ? " ..." : "").append('\n');
		message.append("+ ").append(" ".repeat(spacesBeforeError + (prefixDots ? 4 : 0)));
		// "errorLength of 0 happens at EOF - always write out 1."
		message.append("~".repeat(Math.max(errorLength, 1)));
		return "At line:" + startLine() + " char:" + startColumn() + "\n+ " + message;
	}

	private int lineOf(int offset) {
		int line = 1;
		for (int i = 0; i < Math.min(offset, script.length()); i++) {
			if (script.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private int lineStart(int offset) {
		int i = Math.min(offset, script.length());
		while (i > 0 && script.charAt(i - 1) != '\n') {
			i--;
		}
		return i;
	}

	private String lineText(int offset) {
		int from = lineStart(offset);
		int to = script.indexOf('\n', from);
		return script.substring(from, (to < 0) ? script.length() : to);
	}

	private static String stripEnd(String line) {
		int end = line.length();
		while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
			end--;
		}
		return line.substring(0, end);
	}

}
