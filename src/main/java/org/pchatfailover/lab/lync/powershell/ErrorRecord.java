package org.pchatfailover.lab.lync.powershell;

import java.util.ArrayList;
import java.util.List;

/**
 * An error as Windows PowerShell 5.1's console host shows it, its default ("NormalView") ErrorInstance view of
 * PowerShellCore.format.ps1xml (PowerShell/PowerShell at its first import, 60b3b304):
 * <pre>
 * Get-CsNothing : The term 'Get-CsNothing' is not recognized as the name of a cmdlet, ...
 * At line:2 char:1
 * + Get-CsNothing
 * + ~~~~~~~~~~~~~
 *     + CategoryInfo          : ObjectNotFound: (Get-CsNothing:String) [], CommandNotFoundException
 *     + FullyQualifiedErrorId : CommandNotFoundException
 * (a line holding one space)
 * </pre>
 * The view wraps the category lines at the console's width; the lab's lines are not wrapped (the width of the
 * console powershell.exe gets under Windows OpenSSH is not documented).
 *
 * @param invocationName the command as written, shown before " : "; null for none (a parse error)
 * @param message the exception's message; a parse error's includes its position
 * @param position where the command stands, or null
 * @param categoryInfo {@code Category: (TargetName:TargetType) [Activity], Reason}
 */
public record ErrorRecord(String invocationName, String message, ScriptExtent position, String categoryInfo,
		String fullyQualifiedErrorId) {

	/** The view's lines, without line ends; the host writes each one as a line of the error stream. */
	public List<String> normalView() {
		StringBuilder text = new StringBuilder();
		if (invocationName != null) {
			text.append(invocationName).append(" : ");
		}
		text.append(message);
		if (position != null) {
			text.append('\n').append(position.positionMessage());
		}
		text.append("\n    + CategoryInfo          : ").append(categoryInfo);
		text.append("\n    + FullyQualifiedErrorId : ").append(fullyQualifiedErrorId);
		// "$_.Exception.Message + $posmsg + "`n "": the view ends in a line holding one space
		text.append("\n ");
		List<String> lines = new ArrayList<>();
		for (String line : text.toString().split("\r?\n", -1)) {
			lines.add(line);
		}
		return lines;
	}

}
