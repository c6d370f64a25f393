package org.pchatfailover.lync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cmdlet that failed or could not be run. Not caught by delegates: the job is retried, then becomes an
 * incident whose message is this one, so it leads with the cmdlet, the target and PowerShell's own words.
 */
public class LyncShellException extends RuntimeException {

	private static final Pattern CLIXML_ERROR = Pattern.compile("<S S=\"Error\">(.*?)</S>", Pattern.DOTALL);

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
	 * PowerShell's error text. powershell.exe started with -EncodedCommand and redirected streams may write
	 * errors as CLIXML ({@code #< CLIXML}); the error strings are pulled out of it so the operator reads words.
	 */
	public static String errorText(String stderr) {
		if (stderr == null) {
			return "";
		}
		String text = stderr;
		if (text.startsWith("#< CLIXML")) {
			StringBuilder errors = new StringBuilder();
			Matcher m = CLIXML_ERROR.matcher(text);
			while (m.find()) {
				errors.append(m.group(1));
			}
			text = errors.toString()
				.replace("_x000D_", "")
				.replace("_x000A_", "\n")
				.replace("&lt;", "<")
				.replace("&gt;", ">")
				.replace("&quot;", "\"")
				.replace("&apos;", "'")
				.replace("&amp;", "&");
		}
		text = text.strip();
		return (text.length() > MAX_STDERR) ? text.substring(0, MAX_STDERR) + " ..." : text;
	}

}
