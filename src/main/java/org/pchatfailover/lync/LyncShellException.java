package org.pchatfailover.lync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cmdlet that failed or could not be run. Not caught by delegates: the job is retried, then becomes an
 * incident whose message is this one, so it leads with the cmdlet, the target and PowerShell's own words.
 */
public class LyncShellException extends RuntimeException {

	private static final String CLIXML_TAG = "#< CLIXML";

	private static final Pattern CLIXML_ERROR = Pattern.compile("<S S=\"Error\">(.*?)</S>", Pattern.DOTALL);

	private static final Pattern XML_REFERENCE = Pattern.compile("&(lt|gt|amp|quot|apos|#x[0-9A-Fa-f]+|#[0-9]+);");

	private static final Pattern SERIALIZER_ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

	// "At line:3 char:1", "At C:\\scripts\\failover.ps1:3 char:1": the position of PowerShell's error view
	private static final Pattern POSITION = Pattern.compile("At .+:\\d+ char:\\d+");

	// the view's detail lines, and a category line the console wrapped (it goes on with "   , ...")
	private static final Pattern ERROR_DETAIL = Pattern
		.compile("\\s+\\+ (CategoryInfo|FullyQualifiedErrorId|PSComputerName) +:.*|\\s{3}, .*");

	private static final int MAX_STDERR = 2000;

	private final String cmdlet;

	private final Integer exitCode;

	private final String stderr;

	public LyncShellException(String cmdlet, String target, Integer exitCode, String stderr) {
		super(message(cmdlet, target, exitCode, stderr));
		this.cmdlet = cmdlet;
		this.exitCode = exitCode;
		this.stderr = stderr;
	}

	/** A failure before powershell.exe returned: connection, authentication, host key, timeout. */
	public LyncShellException(String cmdlet, String target, String problem, Throwable cause) {
		super(cmdlet + " on " + target + ": " + problem, cause);
		this.cmdlet = cmdlet;
		this.exitCode = null;
		this.stderr = "";
	}

	public String cmdlet() {
		return cmdlet;
	}

	/** The exit code, or null when the command did not finish. */
	public Integer exitCode() {
		return exitCode;
	}

	public String stderr() {
		return stderr;
	}

	private static String message(String cmdlet, String target, Integer exitCode, String stderr) {
		String text = errorText(stderr);
		return cmdlet + " failed on " + target + " (exit code " + exitCode + ")"
				+ (text.isEmpty() ? ": no error output" : ": " + text);
	}

	/**
	 * PowerShell's error text as an operator reads it. powershell.exe started with -EncodedCommand and a redirected
	 * standard error writes its errors as CLIXML ({@code #< CLIXML}, one {@code <S S="Error">} string per line of the
	 * error view, control characters as {@code _xHHHH_}); those strings are decoded and joined. Of each error view the
	 * message is kept: its position ({@code At line:1 char:1} and the {@code +} lines under it), its
	 * {@code + CategoryInfo} and {@code + FullyQualifiedErrorId} lines and blank lines are left out, and a line the
	 * console wrapped (it ends in a space) is joined to the next. Other text is kept as it is, CRLF read as LF.
	 */
	public static String errorText(String stderr) {
		if (stderr == null) {
			return "";
		}
		String text = stderr.contains(CLIXML_TAG) ? clixmlErrors(stderr) : stderr;
		text = messages(text.replace("\r\n", "\n").replace('\r', '\n')).strip();
		return (text.length() > MAX_STDERR) ? text.substring(0, MAX_STDERR) + " ..." : text;
	}

	// the Error stream's strings, in order; progress, warning and other records are not errors
	private static String clixmlErrors(String stderr) {
		StringBuilder errors = new StringBuilder();
		Matcher m = CLIXML_ERROR.matcher(stderr);
		while (m.find()) {
			errors.append(decode(unescapeXml(m.group(1))));
		}
		return errors.toString();
	}

	private static String unescapeXml(String text) {
		Matcher m = XML_REFERENCE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String ref = m.group(1);
			String replacement = switch (ref) {
				case "lt" -> "<";
				case "gt" -> ">";
				case "amp" -> "&";
				case "quot" -> "\"";
				case "apos" -> "'";
				default -> ref.startsWith("#x") ? codePoint(ref.substring(2), 16, m.group())
						: ref.startsWith("#") ? codePoint(ref.substring(1), 10, m.group()) : m.group();
			};
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String codePoint(String digits, int radix, String original) {
		try {
			return new String(Character.toChars(Integer.parseInt(digits, radix)));
		}
		catch (IllegalArgumentException ex) {
			return original;
		}
	}

	// the serializer's _xHHHH_ escapes (its EncodeString); a surrogate pair arrives as two of them
	private static String decode(String text) {
		Matcher m = SERIALIZER_ESCAPE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String messages(String text) {
		StringBuilder out = new StringBuilder();
		boolean inPosition = false;
		for (String line : text.split("\n", -1)) {
			if (POSITION.matcher(line).matches()) {
				inPosition = true;
				continue;
			}
			if ((inPosition && line.startsWith("+ ")) || ERROR_DETAIL.matcher(line).matches() || line.isBlank()) {
				continue;
			}
			inPosition = false;
			out.append(line);
			out.append(line.endsWith(" ") ? "" : "\n");
		}
		return out.toString();
	}

}
