package org.pchatfailover.lync;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the operator reads of PowerShell's stderr: the errors' messages, without CLIXML and the view's details. */
class LyncShellExceptionTest {

	private static final String OBJS = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">";

	private static String clixml(String... lines) {
		StringBuilder out = new StringBuilder("#< CLIXML\r\n").append(OBJS);
		for (String line : lines) {
			out.append("<S S=\"Error\">").append(line).append("_x000D__x000A_</S>");
		}
		return out.append("</Objs>").toString();
	}

	@Test
	void readsTheMessageOfACliXmlErrorView() {
		String stderr = clixml("Set-CsPersistentChatState : Cannot open database &quot;xds&quot; requested by the login.",
				"At line:3 char:1", "+ Set-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com' ...",
				"+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
				"    + CategoryInfo          : NotSpecified: (:) [Set-CsPersistentChatState], RuntimeException",
				"    + FullyQualifiedErrorId : RuntimeException,Set-CsPersistentChatState", " ");

		assertThat(LyncShellException.errorText(stderr))
			.isEqualTo("Set-CsPersistentChatState : Cannot open database \"xds\" requested by the login.");
		assertThat(new LyncShellException("Set-CsPersistentChatState", "ssh lab@dal-pc-001", 1, stderr).getMessage())
			.isEqualTo("Set-CsPersistentChatState failed on ssh lab@dal-pc-001 (exit code 1): Set-CsPersistentChatState :"
					+ " Cannot open database \"xds\" requested by the login.");
	}

	@Test
	void joinsLinesTheConsoleWrappedAndSkipsProgressRecords() {
		String stderr = "#< CLIXML\r\n" + OBJS + "<Obj S=\"progress\" RefId=\"0\"><TN RefId=\"0\"><T>System.Management"
				+ ".Automation.PSCustomObject</T></TN><MS><I64 N=\"SourceId\">1</I64><PR N=\"Record\"><AV>Preparing modules"
				+ " for first use.</AV></PR></MS></Obj><S S=\"Error\">Get-CsNothing : The term 'Get-CsNothing' is not"
				+ " recognized as the name of a cmdlet, function, script file, or operable _x000D__x000A_</S><S S=\"Error\">"
				+ "program. Check the spelling of the name._x000D__x000A_</S><S S=\"Error\">At line:1 char:1_x000D__x000A_"
				+ "</S><S S=\"Error\">+ Get-CsNothing_x000D__x000A_</S><S S=\"Error\">+ ~~~~~~~~~~~~~_x000D__x000A_</S>"
				+ "<S S=\"Error\">    + CategoryInfo          : ObjectNotFound: (Get-CsNothing:String) []_x000D__x000A_</S>"
				+ "<S S=\"Error\">   , CommandNotFoundException_x000D__x000A_</S><S S=\"Error\">    + FullyQualifiedErrorId :"
				+ " CommandNotFoundException_x000D__x000A_</S><S S=\"Error\"> _x000D__x000A_</S></Objs>";

		assertThat(LyncShellException.errorText(stderr)).isEqualTo("Get-CsNothing : The term 'Get-CsNothing' is not"
				+ " recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of"
				+ " the name.");
	}

	@Test
	void readsAParseErrorWhoseMessageFollowsItsPosition() {
		String stderr = clixml("At line:1 char:59", "+ ... tChatState | Where-Object {$_.PoolState -eq FailedOver}",
				"+                                                           ~",
				"You must provide a value expression following the '-eq' operator.",
				"    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException",
				"    + FullyQualifiedErrorId : ExpectedValueExpression", " ");

		assertThat(LyncShellException.errorText(stderr))
			.isEqualTo("You must provide a value expression following the '-eq' operator.");
	}

	@Test
	void decodesTheSerializersEscapesAndKeepsEveryError() {
		String stderr = clixml("Get-Thing : a &lt;b&gt; &amp; _x005F_x_x0009_end", " ", "Get-Other : second", " ");

		assertThat(LyncShellException.errorText(stderr)).isEqualTo("Get-Thing : a <b> & _x\tend\nGet-Other : second");
	}

	@Test
	void keepsPlainTextWithItsCrlfReadAsLf() {
		assertThat(LyncShellException.errorText("Set-CsPersistentChatState : Access denied\r\nsecond line\r\n"))
			.isEqualTo("Set-CsPersistentChatState : Access denied\nsecond line");
		assertThat(LyncShellException.errorText(null)).isEmpty();
	}

}
