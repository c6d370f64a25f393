package org.pchatfailover.lab.lync.powershell;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The error records as powershell.exe writes them to a redirected stderr: the error view, as text or CLIXML. */
class ErrorStreamTest {

	private static final String OBJS = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">";

	private static ErrorRecord notRecognized(String script, String name) {
		int at = script.indexOf(name);
		Ps.Command command = new Ps.Command(name, List.of(), name, new Ps.Extent(at, at + name.length()),
				new Ps.Extent(at, at + name.length()));
		return PsError.notRecognized(name).in(command).record(script);
	}

	@Test
	void writesTheErrorViewOfAboutTrapsExampleLineByLine() {
		String script = "function TrapTest {\n    nonsenseString\n}";

		assertThat(ErrorStream.text(List.of(notRecognized(script, "nonsenseString")))).isEqualTo("nonsenseString : The term"
				+ " 'nonsenseString' is not recognized as the name of a cmdlet, function, script file, or operable program."
				+ " Check the spelling of the name, or if a path was included, verify that the path is correct and try"
				+ " again.\r\nAt line:2 char:5\r\n+     nonsenseString\r\n+     ~~~~~~~~~~~~~~\r\n    + CategoryInfo      "
				+ "    : ObjectNotFound: (nonsenseString:String) [], CommandNotFoundException\r\n    +"
				+ " FullyQualifiedErrorId : CommandNotFoundException\r\n \r\n");
	}

	@Test
	void serializesEachLineAsAnErrorStringWithTheSerializersEscapes() {
		ErrorRecord record = new ErrorRecord("Get-Thing", "a <b> & \"c\" _x\tend", null,
				"NotSpecified: (:) [Get-Thing], RuntimeException", "RuntimeException,Get-Thing");

		assertThat(ErrorStream.clixml(List.of(record))).isEqualTo("#< CLIXML\r\n" + OBJS + "<S S=\"Error\">Get-Thing : a"
				+ " &lt;b&gt; &amp; \"c\" _x005F_x_x0009_end_x000D__x000A_</S><S S=\"Error\">    + CategoryInfo         "
				+ " : NotSpecified: (:) [Get-Thing], RuntimeException_x000D__x000A_</S><S S=\"Error\">    +"
				+ " FullyQualifiedErrorId : RuntimeException,Get-Thing_x000D__x000A_</S><S S=\"Error\">"
				+ " _x000D__x000A_</S></Objs>");
	}

	@Test
	void writesNothingWithoutErrors() {
		assertThat(ErrorStream.clixml(List.of())).isEmpty();
		assertThat(ErrorStream.text(List.of())).isEmpty();
	}

	@Test
	void cutsALongSourceLineAroundTheErrorAsPowerShellDoes() {
		String line = "Set-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com' -State FailedOver";
		int at = line.indexOf("-State");

		assertThat(new ScriptExtent(line, at, at + 6).positionMessage()).isEqualTo("At line:1 char:73\n+ ... hatState"
				+ " -Identity 'service:atl-cs-001.litwareinc.com' -State FailedO ...\n+" + " ".repeat(60) + "~~~~~~");
		assertThat(new ScriptExtent("Get-CsPool -Foo", 11, 11).positionMessage())
			.as("an empty extent gets one ~").isEqualTo("At line:1 char:12\n+ Get-CsPool -Foo\n+            ~");
	}

}
