package org.pchatfailover.lync;

/**
 * One cmdlet ready to run.
 *
 * @param cmdlet the cmdlet name, e.g. {@code Set-CsPersistentChatState}, for messages
 * @param command the cmdlet line as an operator would type it, recorded in the report
 * @param script the whole script sent to powershell.exe (preamble, cmdlet, JSON output)
 */
public record LyncCommand(String cmdlet, String command, String script) {

}
