package org.pchatfailover.lync;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * How a script reaches powershell.exe: {@code -EncodedCommand} with the base64 of its UTF-16LE bytes, so no
 * quoting of the SSH command line or of a local process argument can change what PowerShell parses.
 */
public final class PowerShell {

	/** The executable and switches every transport uses; the encoded script follows as the last argument. */
	public static final List<String> SWITCHES = List.of("-NoProfile", "-NonInteractive", "-EncodedCommand");

	public static final String EXECUTABLE = "powershell.exe";

	private PowerShell() {
	}

	/**
	 * A single-quoted PowerShell literal: nothing inside is expanded, a quote is doubled. PowerShell also treats
	 * the typographic quotes U+2018..U+201B as single quotes, so they are doubled too.
	 */
	public static String literal(String value) {
		if (value == null) {
			throw new IllegalArgumentException("a PowerShell literal needs a value");
		}
		StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c)) {
				// no cmdlet value of ours contains one; a newline here is an injection attempt or a typo
				throw new IllegalArgumentException("control character in a PowerShell value");
			}
			out.append(c);
			if (isSingleQuote(c)) {
				out.append(c);
			}
		}
		return out.append('\'').toString();
	}

	public static boolean isSingleQuote(char c) {
		return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B';
	}

	/** Base64 of the script's UTF-16LE bytes, as {@code -EncodedCommand} expects. */
	public static String encode(String script) {
		return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
	}

	/** The inverse of {@link #encode}, for the lab shell. */
	public static String decode(String encoded) {
		return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_16LE);
	}

	/** The exact command line sent over SSH: {@code powershell.exe -NoProfile -NonInteractive -EncodedCommand <b64>}. */
	public static String commandLine(String script) {
		return EXECUTABLE + " " + String.join(" ", SWITCHES) + " " + encode(script);
	}

}
