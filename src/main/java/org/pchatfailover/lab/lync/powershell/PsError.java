package org.pchatfailover.lab.lync.powershell;

import java.util.List;

/** A PowerShell error record, written to stderr as {@code Cmdlet : message} like the console host does. */
public class PsError extends RuntimeException {

	private final String command;

	public PsError(String command, String message) {
		super(message);
		this.command = command;
	}

	/** Running a command that does not exist (about_Operators, about_PSItem show the text). */
	public static PsError notRecognized(String name) {
		return notRecognized(name, name);
	}

	/** @param command what reports it: the name itself when run, Get-Command when looked up */
	public static PsError notRecognized(String command, String name) {
		return new PsError(command, "The term '" + name + "' is not recognized as the name of a cmdlet, function,"
				+ " script file, or operable program. Check the spelling of the name, or if a path was included,"
				+ " verify that the path is correct and try again.");
	}

	/**
	 * A value no enumerator of the parameter's type matches. The outer text is PowerShell's
	 * InvalidCastExceptionWithInnerException (ExtendedTypeSystem.resx); the inner one is as PowerShell prints it
	 * in public transcripts, no Microsoft reference quotes it.
	 * @param names the enumerator names in the order the type declares them
	 */
	public static PsError enumConversion(String cmdlet, String parameter, String value, String type,
			List<String> names) {
		return new PsError(cmdlet, "Cannot bind parameter '" + parameter + "'. Cannot convert value \"" + value
				+ "\" to type \"" + type + "\". Error: \"Unable to match the identifier name " + value
				+ " to a valid enumerator name. Specify one of the following enumerator names and try again: "
				+ String.join(", ", names) + "\"");
	}

	public static PsError parameterSetNotResolved(String cmdlet) {
		return new PsError(cmdlet, "Parameter set cannot be resolved using the specified named parameters.");
	}

	public String render() {
		return command + " : " + getMessage();
	}

}
