package org.pchatfailover.lab.lync.powershell;

/**
 * How Windows PowerShell's ConvertTo-Json lays out the compact JSON JavaScriptSerializer wrote: a port of
 * {@code ConvertToPrettyJsonString} and its helpers in {@code ConvertToJsonCommand.cs} (PowerShell/PowerShell at its
 * first import, 60b3b304), character by character, so that spacing and indentation come out as 5.1's do.
 */
final class JsonLayout {

	private static final String CRLF = "\r\n";

	private static final int SPACES_AFTER_COLON = 2;

	private JsonLayout() {
	}

	/** ConvertToPrettyJsonString: the layout of Windows PowerShell's ConvertTo-Json without -Compress. */
	static String pretty(String json) {
		if (!json.startsWith("{") && !json.startsWith("[")) {
			return json;
		}
		StringBuilder out = new StringBuilder().append(json.charAt(0));
		if (json.startsWith("{")) {
			new Printer(json, out).dictionary(1, "", 0);
		}
		else {
			new Printer(json, out).list(1, "", 0);
		}
		return out.toString();
	}

	/** ConvertDictionary, ConvertList and ConvertQuotedString of ConvertToJsonCommand.cs, step by step. */
	private record Printer(String json, StringBuilder out) {

		int list(int index, String pad, int spaces) {
			out.append(CRLF);
			String newPad = pad + " ".repeat(spaces) + " ".repeat(4);
			boolean headChar = true;
			for (int i = index; i < json.length(); i++) {
				char c = json.charAt(i);
				switch (c) {
					case '{' -> {
						out.append(newPad).append(c);
						i = dictionary(i + 1, newPad, 0);
						headChar = false;
					}
					case '[' -> {
						out.append(newPad).append(c);
						i = list(i + 1, newPad, 0);
						headChar = false;
					}
					case ']' -> {
						out.append(CRLF).append(pad).append(" ".repeat(spaces)).append(c);
						return i;
					}
					case '"' -> {
						out.append(headChar ? newPad : "").append(c);
						i = quoted(i + 1);
						headChar = false;
					}
					case ',' -> {
						out.append(c).append(CRLF);
						headChar = true;
					}
					default -> {
						out.append(headChar ? newPad : "").append(c);
						headChar = false;
					}
				}
			}
			throw new IllegalStateException("JSON list without its ']': " + json);
		}

		int dictionary(int index, String pad, int spaces) {
			out.append(CRLF);
			String newPad = pad + " ".repeat(spaces) + " ".repeat(4);
			boolean headChar = true;
			boolean beforeQuote = true;
			int newSpaceCount = 0;
			for (int i = index; i < json.length(); i++) {
				char c = json.charAt(i);
				switch (c) {
					case '{' -> {
						out.append(c);
						i = dictionary(i + 1, newPad, newSpaceCount);
						headChar = false;
					}
					case '[' -> {
						out.append(c);
						i = list(i + 1, newPad, newSpaceCount);
						headChar = false;
					}
					case '}' -> {
						out.append(CRLF).append(pad).append(" ".repeat(spaces)).append(c);
						return i;
					}
					case '"' -> {
						out.append(headChar ? newPad : "").append(c);
						int end = quoted(i + 1);
						if (beforeQuote) {
							newSpaceCount += end - i + 1;
						}
						i = end;
						headChar = false;
					}
					case ':' -> {
						out.append(c).append(" ".repeat(SPACES_AFTER_COLON));
						newSpaceCount += 3;
						headChar = false;
						beforeQuote = false;
					}
					case ',' -> {
						out.append(c).append(CRLF);
						headChar = true;
						beforeQuote = true;
						newSpaceCount = 0;
					}
					default -> {
						out.append(headChar ? newPad : "").append(c);
						if (beforeQuote) {
							newSpaceCount += 1;
						}
						headChar = false;
					}
				}
			}
			throw new IllegalStateException("JSON object without its '}': " + json);
		}

		// copies the rest of a string up to its closing quote, one not escaped by an odd run of backslashes
		int quoted(int index) {
			for (int i = index; i < json.length(); i++) {
				out.append(json.charAt(i));
				if (json.charAt(i) == '"') {
					int j = i;
					boolean escaped = false;
					while (j > 0 && json.charAt(--j) == '\\') {
						escaped = !escaped;
					}
					if (!escaped) {
						return i;
					}
				}
			}
			throw new IllegalStateException("JSON string without its closing quote: " + json);
		}

	}

}
