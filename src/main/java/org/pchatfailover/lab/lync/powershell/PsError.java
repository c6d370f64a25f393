package org.pchatfailover.lab.lync.powershell;

/** A PowerShell error record, written to stderr as {@code Cmdlet : message} like the console host does. */
public class PsError extends RuntimeException {

	private final String command;

	public PsError(String command, String message) {
		super(message);
		this.command = command;
	}

	public static PsError notRecognized(String name) {
		return new PsError(name, "The term '" + name + "' is not recognized as the name of a cmdlet, function,"
				+ " script file, or operable program. Check the spelling of the name, or if a path was included,"
				+ " verify that the path is correct and try again.");
	}

	public static PsError parameterSetNotResolved(String cmdlet) {
		return new PsError(cmdlet, "Parameter set cannot be resolved using the specified named parameters.");
	}

	public String render() {
		return command + " : " + getMessage();
	}

}
