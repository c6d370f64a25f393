package org.pchatfailover.lab.lync.ssh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;

import static org.assertj.core.api.Assertions.assertThat;

/** powershell.exe's command line as about_PowerShell_exe (5.1) and Windows PowerShell's parser take it. */
class PowerShellExeTest {

	private static final String GET_STATE = "Get-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com'"
			+ " | Select-Object PoolState | ConvertTo-Json -Compress";

	private static final String NORMAL = "{\"PoolState\":\"Normal\"}";

	@TempDir
	Path dir;

	private LabLyncShell shell;

	@BeforeEach
	void lab() {
		shell = LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL);
	}

	private PowerShellExe.Output run(String commandLine) {
		return PowerShellExe.run(shell, commandLine, () -> {
			throw new AssertionError("standard input read");
		});
	}

	private static String encoded(String script) {
		return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
	}

	@Test
	void takesTheSwitchesInAnyOrderCaseAndAbbreviation() {
		for (String line : new String[] {
				"powershell.exe -NoProfile -NonInteractive -EncodedCommand " + encoded(GET_STATE),
				"powershell.exe -EncodedCommand " + encoded(GET_STATE) + " -NonInteractive -NoProfile",
				"PowerShell -nop -noni -enc " + encoded(GET_STATE), "powershell -e " + encoded(GET_STATE) + " -NoLogo",
				"powershell.exe -ec " + encoded(GET_STATE) + " /NoProfile",
				"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -NoLogo -ExecutionPolicy Bypass"
						+ " -Command \"" + GET_STATE.replace("\"", "\\\"") + "\"",
				"powershell.exe -ep Unrestricted -WindowStyle Hidden -Sta -c " + GET_STATE.replace("|", "\"|\""),
				"powershell.exe \u2013NoProfile \u2013EncodedCommand " + encoded(GET_STATE) }) {
			PowerShellExe.Output output = run(line);
			assertThat(output.stderr()).as(line).isEmpty();
			assertThat(output.exitCode()).as(line).isZero();
			assertThat(output.stdout().strip()).as(line).isEqualTo(NORMAL);
		}
	}

	@Test
	void takesTheFirstArgumentThatIsNoSwitchAsTheScript() {
		PowerShellExe.Output output = run("powershell.exe -NoProfile Write-Output lab ready");

		assertThat(output.exitCode()).isZero();
		assertThat(output.stdout()).isEqualTo("lab\r\nready\r\n");
	}

	@Test
	void readsTheScriptFromStandardInputWithCommandDash() {
		PowerShellExe.Output output = PowerShellExe.run(shell, "powershell.exe -NoProfile -Command -",
				() -> GET_STATE + "\r\n");

		assertThat(output.exitCode()).isZero();
		assertThat(output.stdout().strip()).isEqualTo(NORMAL);
	}

	@Test
	void startsTheScriptAtAnUnknownSwitchAsPowerShellExeDoes() {
		PowerShellExe.Output output = run("powershell.exe -NoProfile -Frobnicate -EncodedCommand " + encoded(GET_STATE));

		assertThat(output.exitCode()).isEqualTo(1);
		assertThat(output.stderr()).startsWith("-Frobnicate : The term '-Frobnicate' is not recognized as the name of a"
				+ " cmdlet, function, script file, or operable program.");
		assertThat(shell.state().history()).isEmpty();
	}

	@Test
	void refusesABadCommandLineWithPowerShellExesTextAndExitCode() {
		assertThat(run("powershell.exe -NoProfile -EncodedCommand not-base64!")).isEqualTo(new PowerShellExe.Output(
				0xFFFD0000, "", "Cannot process the command because the value specified with -EncodedCommand is not"
						+ " properly encoded. The value must be Base64 encoded.\r\n"));
		assertThat(run("powershell.exe -NoProfile -Command").stderr()).isEqualTo("Cannot process the command because"
				+ " of a missing parameter. A command must follow -Command.\r\n");
		assertThat(run("powershell.exe -EncodedCommand " + encoded("Get-CsPool") + " -Command Get-CsPool").stderr())
			.isEqualTo("Cannot process command because a command is already specified with -Command or"
					+ " -EncodedCommand.\r\n");
		assertThat(run("powershell.exe -ExecutionPolicy").stderr()).isEqualTo("Cannot process the execution policy"
				+ " because of a missing policy name. A policy name must follow -ExecutionPolicy.\r\n");
		assertThat(run("powershell.exe -OutputFormat Json -Command Get-CsPool").stderr()).isEqualTo("Cannot process the"
				+ " command because of an incorrect parameter value. \"Json\" is not a valid format.  Valid formats"
				+ " are:\r\nText\r\nXML\r\nNone\r\n\r\n");
		assertThat(run("powershell.exe -File C:\\failover.ps1").stderr()).isEqualTo("The argument 'C:\\failover.ps1' to"
				+ " the -File parameter does not exist. Provide the path to an existing '.ps1' file as an argument to the"
				+ " -File parameter.\r\n");
		assertThat(run("powershell.exe -Command - extra").exitCode()).isEqualTo(0xFFFD0000);
		assertThat(shell.state().history()).isEmpty();
	}

	@Test
	void writesAParseErrorOfAnEncodedCommandAsCliXmlWithItsPositionFirst() {
		String script = "Get-CsPersistentChatState | Where-Object {$_.PoolState -eq FailedOver}";

		PowerShellExe.Output output = run("powershell.exe -NoProfile -NonInteractive -EncodedCommand " + encoded(script));

		assertThat(output.exitCode()).isEqualTo(1);
		assertThat(output.stdout()).isEmpty();
		assertThat(output.stderr()).isEqualTo("#< CLIXML\r\n<Objs Version=\"1.1.0.1\""
				+ " xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><S S=\"Error\">At line:1 char:59_x000D__x000A_"
				+ "</S><S S=\"Error\">+ Get-CsPersistentChatState | Where-Object {$_.PoolState -eq FailedOver ..."
				+ "_x000D__x000A_</S><S S=\"Error\">+" + " ".repeat(59) + "~_x000D__x000A_</S><S S=\"Error\">You must provide a value"
				+ " expression following the '-eq' operator._x000D__x000A_</S><S S=\"Error\">    + CategoryInfo          :"
				+ " ParserError: (:) [], ParentContainsErrorRecordException_x000D__x000A_</S><S S=\"Error\">    +"
				+ " FullyQualifiedErrorId : ExpectedValueExpression_x000D__x000A_</S><S S=\"Error\"> _x000D__x000A_</S>"
				+ "</Objs>");
		assertThat(shell.state().history()).isEmpty();
	}

	@Test
	void refusesWhatTheLabDoesNotSimulateSayingSo() {
		assertThat(run("powershell.exe -NoExit -Command Get-CsPool").stderr()).startsWith("(lab) -NoExit");
		assertThat(run("powershell.exe -OutputFormat XML -Command Get-CsPool").stderr()).startsWith("(lab) -OutputFormat XML");
		assertThat(run("powershell.exe -Version 2.0 -Command Get-CsPool").stderr()).startsWith("(lab) -Version");
		assertThat(run("powershell.exe -NoProfile").stderr()).startsWith("(lab) powershell.exe without -Command");
		assertThat(run("powershell.exe -Command Get-CsPool | Select-Object Identity").stderr())
			.startsWith("(lab) '|' outside double quotes is an operator of cmd.exe");
		assertThat(run("cmd.exe /c del C:\\").stderr()).isEqualTo(PowerShellExe.USAGE + "\r\n");
		assertThat(shell.state().history()).isEmpty();
	}

}
