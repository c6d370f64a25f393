package org.pchatfailover.lab.lync.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * How an SSH exec request reaches powershell.exe on Windows: Win32-OpenSSH runs it through
 * {@code cmd.exe /c "<command>"}, cmd.exe gives its metacharacters a meaning outside double quotes, and the
 * program splits what is left into arguments by the Microsoft C runtime's rules.
 */
final class WindowsCommandLine {

	/** cmd.exe's operators and escape character: the lab does not run cmd.exe, so it refuses them. */
	private static final String CMD_METACHARACTERS = "&|<>^";

	private WindowsCommandLine() {
	}

	/** The first cmd.exe metacharacter outside double quotes (cmd.exe toggles on each quote), or null. */
	static Character cmdMetacharacter(String commandLine) {
		boolean quoted = false;
		for (char c : commandLine.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && CMD_METACHARACTERS.indexOf(c) >= 0) {
				return c;
			}
		}
		return null;
	}

	/**
	 * The arguments, program name first, as "Parsing C command-line arguments" describes them: white space
	 * separates; double quotes group (and are removed); in the program name they only group; {@code 2n}
	 * backslashes before a quote give {@code n} and the quote delimits, {@code 2n+1} give {@code n} and a literal
	 * quote; other backslashes are literal; inside quotes a doubled quote is one literal quote and ends the quoting.
	 */
	static List<String> arguments(String commandLine) {
		List<String> arguments = new ArrayList<>();
		int i = skipBlanks(commandLine, 0);
		if (i >= commandLine.length()) {
			return arguments;
		}
		i = programName(commandLine, i, arguments);
		while ((i = skipBlanks(commandLine, i)) < commandLine.length()) {
			i = argument(commandLine, i, arguments);
		}
		return arguments;
	}

	private static int programName(String line, int start, List<String> arguments) {
		StringBuilder name = new StringBuilder();
		boolean quoted = false;
		int i = start;
		for (; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && isBlank(c)) {
				break;
			}
			else {
				name.append(c);
			}
		}
		arguments.add(name.toString());
		return i;
	}

	private static int argument(String line, int start, List<String> arguments) {
		StringBuilder arg = new StringBuilder();
		boolean quoted = false;
		int i = start;
		while (i < line.length() && (quoted || !isBlank(line.charAt(i)))) {
			char c = line.charAt(i);
			if (c == '\\') {
				int slashes = 0;
				while (i < line.length() && line.charAt(i) == '\\') {
					slashes++;
					i++;
				}
				boolean beforeQuote = i < line.length() && line.charAt(i) == '"';
				arg.append("\\".repeat(beforeQuote ? slashes / 2 : slashes));
				if (beforeQuote && slashes % 2 == 1) {
					arg.append('"');
					i++;
				}
			}
			else if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				arg.append('"');
				quoted = false;
				i += 2;
			}
			else if (c == '"') {
				quoted = !quoted;
				i++;
			}
			else {
				arg.append(c);
				i++;
			}
		}
		arguments.add(arg.toString());
		return i;
	}

	private static int skipBlanks(String line, int start) {
		int i = start;
		while (i < line.length() && isBlank(line.charAt(i))) {
			i++;
		}
		return i;
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t';
	}

}
