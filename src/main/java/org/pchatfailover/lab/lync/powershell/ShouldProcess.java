package org.pchatfailover.lab.lync.powershell;

/**
 * What PowerShell's ShouldProcess machinery writes for a cmdlet that changes something: the {@code -WhatIf} line
 * and, under {@code powershell.exe -NonInteractive}, the error a confirmation prompt becomes.
 */
public final class ShouldProcess {

	/**
	 * The console host's text when a prompt is attempted in NonInteractive mode: resource
	 * {@code ReadFailsOnNonInteractiveFlag} of PowerShell/PowerShell
	 * {@code src/Microsoft.PowerShell.ConsoleHost/resources/ConsoleHostUserInterfaceStrings.resx}
	 * (at 10a555180d09), thrown by {@code PromptForChoice} through {@code HandleThrowOnReadAndPrompt}.
	 * Windows PowerShell's wording, the shell Lync Server runs in.
	 */
	public static final String NON_INTERACTIVE = "Windows PowerShell is in NonInteractive mode. Read and Prompt"
			+ " functionality is not available.";

	private ShouldProcess() {
	}

	/**
	 * {@code ShouldProcess(target, operation)} under {@code -WhatIf}, as PowerShell-Docs shows it: {@code What if:
	 * Performing the operation "OPERATION" on target "TARGET".} (everything-about-shouldprocess.md,
	 * about_Preference_Variables.md; a cmdlet that passes only the target gets its own name as the operation).
	 */
	public static String whatIf(String operation, String target) {
		return "What if: Performing the operation \"" + operation + "\" on target \"" + target + "\".";
	}

	/**
	 * A confirmation prompt under {@code -NonInteractive}: "Any attempts to use interactive features, like
	 * Read-Host or confirmation prompts, result in statement terminating errors rather than hanging"
	 * (about_PowerShell_exe.md).
	 */
	public static PsError promptInNonInteractiveMode(String cmdlet) {
		return PsError.invalidOperation(cmdlet, NON_INTERACTIVE);
	}

}
