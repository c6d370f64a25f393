package org.pchatfailover.lab.lync.powershell;

/** The quote characters and escapes PowerShell's tokenizer recognises, typographic ones included. */
final class PowerShellQuotes {

	private PowerShellQuotes() {
	}

	static boolean isSingle(char c) {
		return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B';
	}

	static boolean isDouble(char c) {
		return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
	}

	/** The character a backtick escape stands for in a double-quoted string. */
	static char escape(char c) {
		return switch (c) {
			case 'n' -> '\n';
			case 'r' -> '\r';
			case 't' -> '\t';
			case '0' -> '\0';
			case 'a' -> '\u0007';
			case 'b' -> '\b';
			case 'f' -> '\f';
			case 'v' -> '\u000B';
			case 'e' -> '\u001B';
			default -> c;
		};
	}

}
