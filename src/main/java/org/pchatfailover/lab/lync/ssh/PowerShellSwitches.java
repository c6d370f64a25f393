package org.pchatfailover.lab.lync.ssh;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * powershell.exe's own parameters, parsed as Windows PowerShell's {@code CommandLineParameterParser.ParseHelper}
 * parses them (PowerShell/PowerShell at its first import, 60b3b304): in any order and case, with {@code -} (or an en
 * dash, em dash, horizontal bar) or {@code /}, each name abbreviable down to a fixed shortest form; {@code -Command}
 * takes the rest of the line as the script, {@code -Command -} standard input; {@code -EncodedCommand} base64 of
 * UTF-16LE and parsing goes on after it; the first argument that is no parameter, or an unknown one, starts the
 * script. Texts of the errors are the parser's resources; the switches the lab cannot honour are refused with a
 * message saying so.
 */
final class PowerShellSwitches {

	/** ConsoleHost.ExitCodeBadCommandLineParameter, 0xFFFD0000: the exit code of a command line powershell.exe refuses. */
	static final int BAD_COMMAND_LINE = 0xFFFD0000;

	private static final String CRLF = "\r\n";

	/**
	 * What the command line asks for.
	 * @param script the script to run; null with an error, a refusal, help, or {@link #fromStdin}
	 * @param encoded whether it came with -EncodedCommand
	 * @param fromStdin {@code -Command -}: the script is standard input
	 * @param error what powershell.exe writes to stderr before it exits with {@link #BAD_COMMAND_LINE}, or null
	 * @param refusal the lab's message for a switch it does not simulate, or null
	 * @param help -Help, -? or /?
	 */
	record Parsed(String script, boolean encoded, boolean fromStdin, String error, String refusal, boolean help) {

		static Parsed error(String message) {
			return new Parsed(null, false, false, message + CRLF, null, false);
		}

		static Parsed refusal(String message) {
			return new Parsed(null, false, false, null, "(lab) " + message + CRLF, false);
		}

	}

	private final List<String> args;

	private String script;

	private boolean encoded;

	private boolean fromStdin;

	private PowerShellSwitches(List<String> args) {
		this.args = args;
	}

	/** @param args the arguments after the program name */
	static Parsed parse(List<String> args) {
		return new PowerShellSwitches(args).parse();
	}

	private Parsed parse() {
		for (int i = 0; i < args.size(); i++) {
			String key = args.get(i).strip().toLowerCase(Locale.ROOT);
			if (key.isEmpty()) {
				continue;
			}
			if (!isDash(key.charAt(0)) && key.charAt(0) != '/') {
				// then it's a command
				return command(i - 1);
			}
			key = key.substring(1);
			Parsed outcome = parameter(key, i);
			if (outcome != null) {
				return outcome;
			}
			if (takesValue(key)) {
				i++;
			}
			else if (isEncoded(key)) {
				if (script != null) {
					return Parsed.error("Cannot process command because a command is already specified with -Command"
							+ " or -EncodedCommand.");
				}
				i++;
				Parsed decoded = decode(i);
				if (decoded != null) {
					return decoded;
				}
			}
		}
		if (script == null) {
			return Parsed.refusal("powershell.exe without -Command, -EncodedCommand or a script would start an"
					+ " interactive session; the lab runs only commands.");
		}
		return result();
	}

	// null to go on with the next argument; an outcome ends the parsing
	private Parsed parameter(String key, int i) {
		if (match(key, "help", "h") || match(key, "?", "?")) {
			return new Parsed(null, false, false, null, null, true);
		}
		if (key.equals("version") || key.equals("psconsolefile")) {
			return Parsed.refusal("-" + args.get(i).strip().substring(1) + " is handled by powershell.exe's native"
					+ " launcher, whose rules are not public; the lab does not simulate it.");
		}
		if (match(key, "noexit", "noe")) {
			return Parsed.refusal("-NoExit would keep an interactive session open after the command; the lab runs"
					+ " only commands.");
		}
		// the lab answers a prompt with the NonInteractive error with or without -NonInteractive
		if (match(key, "noninteractive", "noni") || match(key, "importsystemmodules", "imp") || match(key, "showinitialprompt", "show")
				|| match(key, "noprofile", "nop") || match(key, "nologo", "nol")) {
			return null;
		}
		if (match(key, "socketservermode", "so") || match(key, "servermode", "s")
				|| match(key, "namedpipeservermode", "nam")) {
			return Parsed.refusal("-" + key + " starts a PowerShell remoting server; the lab runs only commands.");
		}
		if (match(key, "configurationname", "config")) {
			return (i + 1 >= args.size()) ? Parsed.error("Cannot process command because -Configuration requires an"
					+ " argument that is a remote endpoint configuration name. Specify this argument and try again.")
					: Parsed.refusal("-ConfigurationName runs in a session configuration; the lab has none.");
		}
		if (match(key, "command", "c")) {
			return command(i);
		}
		return valueParameter(key, i);
	}

	private Parsed valueParameter(String key, int i) {
		String value = (i + 1 < args.size()) ? args.get(i + 1) : null;
		if (match(key, "windowstyle", "w")) {
			return windowStyle(value);
		}
		if (match(key, "file", "f")) {
			return file(value);
		}
		if (match(key, "outputformat", "o") || match(key, "of", "o") || match(key, "inputformat", "i")
				|| match(key, "if", "i")) {
			return format(key.startsWith("o"), value);
		}
		if (match(key, "executionpolicy", "ex") || match(key, "ep", "ep")) {
			// any value: SecuritySupport.ParseExecutionPolicy takes an unknown one for Default
			return (value == null) ? Parsed.error("Cannot process the execution policy because of a missing policy"
					+ " name. A policy name must follow -ExecutionPolicy.") : null;
		}
		if (isEncoded(key)) {
			return null;
		}
		if (match(key, "encodedarguments", "encodeda") || match(key, "ea", "ea")) {
			return Parsed.refusal("-EncodedArguments passes serialized arguments; the lab does not simulate it.");
		}
		if (match(key, "sta", "s") || match(key, "mta", "mta")) {
			return null;
		}
		// "The first parameter we fail to recognize marks the beginning of the command string."
		return command(i - 1);
	}

	private static boolean takesValue(String key) {
		return match(key, "windowstyle", "w") || match(key, "outputformat", "o") || match(key, "of", "o")
				|| match(key, "inputformat", "i") || match(key, "if", "i") || match(key, "executionpolicy", "ex")
				|| match(key, "ep", "ep");
	}

	private static boolean isEncoded(String key) {
		return match(key, "encodedcommand", "e") || match(key, "ec", "e");
	}

	// ParseCommand for -Command and a bare script: the rest of the line, joined by single spaces
	private Parsed command(int i) {
		if (script != null) {
			return Parsed.error("Cannot process command because a command is already specified with -Command or"
					+ " -EncodedCommand.");
		}
		int next = i + 1;
		if (next >= args.size()) {
			return Parsed.error("Cannot process the command because of a missing parameter. A command must follow"
					+ " -Command.");
		}
		if (args.get(next).equals("-")) {
			if (next + 1 != args.size()) {
				return Parsed.error("'-' was specified with the -Command parameter; no other arguments to -Command are"
						+ " permitted.");
			}
			fromStdin = true;
			return result();
		}
		script = String.join(" ", args.subList(next, args.size()));
		return result();
	}

	private Parsed decode(int i) {
		if (i >= args.size()) {
			return Parsed.error("Cannot process the command because of a missing parameter. A command must follow"
					+ " -Command.");
		}
		try {
			script = new String(Base64.getDecoder().decode(args.get(i)), StandardCharsets.UTF_16LE);
			encoded = true;
			return null;
		}
		catch (IllegalArgumentException ex) {
			return Parsed.error("Cannot process the command because the value specified with -EncodedCommand is not"
					+ " properly encoded. The value must be Base64 encoded.");
		}
	}

	private static Parsed windowStyle(String value) {
		if (value == null) {
			return Parsed.error("Cannot process the command because -WindowStyle requires an argument that is normal,"
					+ " hidden, minimized or maximized. Specify one of these argument values and try again.");
		}
		if (List.of("normal", "hidden", "minimized", "maximized").contains(value.toLowerCase(Locale.ROOT))) {
			return null;
		}
		return Parsed.error("Processing -WindowStyle '" + value + "' failed: Cannot convert value \"" + value
				+ "\" to type \"System.Diagnostics.ProcessWindowStyle\". Error: \"Unable to match the identifier name "
				+ value + " to a valid enumerator name. Specify one of the following enumerator names and try again:"
				+ " Normal, Hidden, Minimized, Maximized\".");
	}

	// the lab has no file system: a script file never exists
	private static Parsed file(String value) {
		if (value == null) {
			return Parsed.error("The command cannot be run because the File parameter requires a file path. Supply a"
					+ " path for the File parameter and then try the command again.");
		}
		if (value.equals("-")) {
			return Parsed.refusal("-File - reads commands with prompts from standard input; use -Command -.");
		}
		if (!value.toLowerCase(Locale.ROOT).endsWith(".ps1")) {
			return Parsed.error("Processing -File '" + value + "' failed because the file does not have a '.ps1'"
					+ " extension. Specify a valid Windows PowerShell script file name, and then try again.");
		}
		return Parsed.error("The argument '" + value + "' to the -File parameter does not exist. Provide the path to"
				+ " an existing '.ps1' file as an argument to the -File parameter.");
	}

	// Serialization.DataFormat: Text, XML, None; the lab writes text only
	private static Parsed format(boolean output, String value) {
		String formats = "Text" + CRLF + "XML" + CRLF + "None" + CRLF;
		if (value == null) {
			return Parsed.error(output ? "The command cannot be run because no argument has been supplied for the"
					+ " OutputFormat parameter. Specify one of the following formats for this parameter." + CRLF + formats
					: "Cannot process the command because the -InputFormat parameter requires an argument. Specify a"
							+ " valid format argument for this parameter.  Valid formats are:" + CRLF + formats);
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "text", "0" -> null;
			case "xml", "none", "1", "2" -> Parsed.refusal("-" + (output ? "OutputFormat " : "InputFormat ") + value
					+ " is not simulated; the lab reads and writes text.");
			default -> Parsed.error("Cannot process the command because of an incorrect parameter value. \"" + value
					+ "\" is not a valid format.  Valid formats are:" + CRLF + formats);
		};
	}

	private Parsed result() {
		return new Parsed(script, encoded, fromStdin, null, null, false);
	}

	/** MatchSwitch: the key is a prefix of the name and at least as long as its shortest unambiguous form. */
	private static boolean match(String key, String name, String shortest) {
		return name.startsWith(key) && key.length() >= shortest.length();
	}

	/** SpecialCharacters.IsDash: hyphen-minus, en dash, em dash, horizontal bar. */
	static boolean isDash(char c) {
		return c == '-' || c == '\u2013' || c == '\u2014' || c == '\u2015';
	}

}
