package org.pchatfailover.lab.lync.powershell;

import java.util.List;
import java.util.Map;

/**
 * A PowerShell error record: its message, its category information and FullyQualifiedErrorId, and where in the
 * script it happened. {@link #render()} is the first line as the console host shows it ({@code Cmdlet : message});
 * {@link #record(String)} the whole record for the host's error view.
 * <p>
 * Where the references give a record's category and ids (command not found, parameter binding) they are
 * PowerShell's; a Lync cmdlet's own errors are the lab's choice, {@code NotSpecified: (:) [Cmdlet],
 * RuntimeException} with FullyQualifiedErrorId {@code RuntimeException,Cmdlet}: the references are silent on the
 * Lync cmdlets' error ids and class names.
 */
public class PsError extends RuntimeException {

	/** The .NET classes of PowerShell's own cmdlets the lab has, for the FullyQualifiedErrorId. */
	private static final Map<String, String> CLASSES = Map.of("Get-Command",
			"Microsoft.PowerShell.Commands.GetCommandCommand", "Import-Module",
			"Microsoft.PowerShell.Commands.ImportModuleCommand", "Select-Object",
			"Microsoft.PowerShell.Commands.SelectObjectCommand", "Where-Object",
			"Microsoft.PowerShell.Commands.WhereObjectCommand", "Write-Output",
			"Microsoft.PowerShell.Commands.WriteOutputCommand", "ConvertTo-Json",
			"Microsoft.PowerShell.Commands.ConvertToJsonCommand");

	private final String command;

	private final String category;

	private final String targetName;

	private final String targetType;

	private final String activity;

	private final String reason;

	private final String fullyQualifiedErrorId;

	private String invocationName;

	private Ps.Extent extent;

	/** A cmdlet's own error: see the class comment for its category. */
	public PsError(String command, String message) {
		this(command, message, "NotSpecified", "", command, "RuntimeException", "RuntimeException," + commandClass(command));
	}

	/**
	 * @param targetName a string target (its type is then String), empty for none
	 * @param activity the cmdlet the error is reported for, empty for none
	 */
	private PsError(String command, String message, String category, String targetName, String activity,
			String reason, String fullyQualifiedErrorId) {
		super(message);
		this.command = command;
		this.category = category;
		this.targetName = targetName;
		this.targetType = targetName.isEmpty() ? "" : "String";
		this.activity = activity;
		this.reason = reason;
		this.fullyQualifiedErrorId = fullyQualifiedErrorId;
	}

	/** Running a command that does not exist (about_Operators, about_PSItem show the text). */
	public static PsError notRecognized(String name) {
		return notRecognized(name, name);
	}

	/**
	 * {@code ObjectNotFound: (name:String) [], CommandNotFoundException}, as about_Trap's 5.1 example shows it, when
	 * the name is run; reported by Get-Command when it looks the name up.
	 * @param command what reports it: the name itself when run, Get-Command when looked up
	 */
	public static PsError notRecognized(String command, String name) {
		boolean run = command.equals(name);
		return new PsError(command, "The term '" + name + "' is not recognized as the name of a cmdlet, function,"
				+ " script file, or operable program. Check the spelling of the name, or if a path was included,"
				+ " verify that the path is correct and try again.", "ObjectNotFound", name, run ? "" : command,
				"CommandNotFoundException", run ? "CommandNotFoundException"
						: "CommandNotFoundException," + commandClass(command));
	}

	/**
	 * A parameter binding error: {@code InvalidArgument: (:) [Cmdlet], ParameterBindingException} and the binder's
	 * error id (ParameterBinderStrings.resx names them), as about_Parameter_Sets' 5.1 example shows one.
	 */
	public static PsError binding(String cmdlet, String errorId, String message) {
		return new PsError(cmdlet, message, "InvalidArgument", "", cmdlet, "ParameterBindingException",
				errorId + "," + commandClass(cmdlet));
	}

	/**
	 * A value no enumerator of the parameter's type matches. The outer text is PowerShell's
	 * InvalidCastExceptionWithInnerException (ExtendedTypeSystem.resx); the inner one is as PowerShell prints it
	 * in public transcripts, no Microsoft reference quotes it.
	 * @param names the enumerator names in the order the type declares them
	 */
	public static PsError enumConversion(String cmdlet, String parameter, String value, String type,
			List<String> names) {
		return binding(cmdlet, "CannotConvertArgumentNoMessage", "Cannot bind parameter '" + parameter
				+ "'. Cannot convert value \"" + value + "\" to type \"" + type + "\". Error: \"Unable to match the"
				+ " identifier name " + value + " to a valid enumerator name. Specify one of the following enumerator"
				+ " names and try again: " + String.join(", ", names) + "\"");
	}

	public static PsError parameterSetNotResolved(String cmdlet) {
		return binding(cmdlet, "AmbiguousParameterSet",
				"Parameter set cannot be resolved using the specified named parameters.");
	}

	/** An operation the cmdlet cannot do now: {@code InvalidOperation: (:) [Cmdlet], PSInvalidOperationException}. */
	public static PsError invalidOperation(String cmdlet, String message) {
		return new PsError(cmdlet, message, "InvalidOperation", "", cmdlet, "PSInvalidOperationException",
				"InvalidOperation," + commandClass(cmdlet));
	}

	// a Lync cmdlet's class is not public: its name stands in for it, as a script's name does in PowerShell
	private static String commandClass(String cmdlet) {
		return CLASSES.getOrDefault(cmdlet, cmdlet);
	}

	/** Points the error at {@code extent} unless it already points somewhere; returns itself. */
	public PsError at(Ps.Extent extent) {
		if (this.extent == null) {
			this.extent = extent;
		}
		return this;
	}

	/**
	 * The command as the script wrote it, shown before the message, and where it stands: its name for a command not
	 * found (as about_Trap's example underlines it), else the whole command unless the binder pointed closer.
	 */
	public PsError in(Ps.Command command) {
		if (invocationName == null) {
			invocationName = command.name();
		}
		boolean notFound = activity.isEmpty() && fullyQualifiedErrorId.equals("CommandNotFoundException");
		return at(notFound ? command.nameExtent() : command.extent());
	}

	/** {@code Cmdlet : message}, the record's first line. */
	public String render() {
		return command + " : " + getMessage();
	}

	/** The whole record, positioned in {@code script}. */
	public ErrorRecord record(String script) {
		ScriptExtent position = (extent == null) ? null : new ScriptExtent(script, extent.start(), extent.end());
		String categoryInfo = category + ": (" + ellipsize(targetName) + ":" + ellipsize(targetType) + ") ["
				+ ellipsize(activity) + "], " + reason;
		return new ErrorRecord((invocationName != null) ? invocationName : command, getMessage(), position,
				categoryInfo, fullyQualifiedErrorId);
	}

	// ErrorCategoryInfo.Ellipsize: over 40 characters, the first and last 15 with "..." between
	private static String ellipsize(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 15) + "..." + text.substring(text.length() - 15);
	}

}
