package org.pchatfailover.lab.lync.ssh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The C runtime's argument rules, with the examples of Microsoft's "Parsing C command-line arguments". */
class WindowsCommandLineTest {

	@Test
	void splitsAsMicrosoftsExamplesShow() {
		assertThat(WindowsCommandLine.arguments("p \"a b c\" d e")).containsExactly("p", "a b c", "d", "e");
		assertThat(WindowsCommandLine.arguments("p \"ab\\\"c\" \"\\\\\" d")).containsExactly("p", "ab\"c", "\\", "d");
		assertThat(WindowsCommandLine.arguments("p a\\\\\\b d\"e f\"g h")).containsExactly("p", "a\\\\\\b", "de fg", "h");
		assertThat(WindowsCommandLine.arguments("p a\\\\\\\"b c d")).containsExactly("p", "a\\\"b", "c", "d");
		assertThat(WindowsCommandLine.arguments("p a\\\\\\\\\"b c\" d e")).containsExactly("p", "a\\\\b c", "d", "e");
		assertThat(WindowsCommandLine.arguments("p a\"b\"\" c d")).containsExactly("p", "ab\"", "c", "d");
	}

	@Test
	void takesAQuotedProgramPathWithoutEscapes() {
		assertThat(WindowsCommandLine.arguments(
				"\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\"   -NoProfile\t-Command  x"))
			.containsExactly("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "-NoProfile", "-Command",
					"x");
	}

	@Test
	void findsCmdOperatorsOnlyOutsideDoubleQuotes() {
		assertThat(WindowsCommandLine.cmdMetacharacter("powershell -Command \"Get-CsPool | Select-Object\"")).isNull();
		assertThat(WindowsCommandLine.cmdMetacharacter("powershell -Command Get-CsPool | Select-Object")).isEqualTo('|');
		assertThat(WindowsCommandLine.cmdMetacharacter("powershell -c \"a\" & del x")).isEqualTo('&');
	}

}
