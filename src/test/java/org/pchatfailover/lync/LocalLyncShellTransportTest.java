package org.pchatfailover.lync;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.topology.TestPools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake powershell.exe is a POSIX shell script")
class LocalLyncShellTransportTest {

	private static final int TIMEOUT_SECONDS = 30;

	@TempDir
	Path dir;

	// a fake powershell.exe first on PATH: prints its arguments, then answers like the real one would
	private LocalLyncShellTransport fakePowerShell(String body) throws Exception {
		Path bin = Files.createDirectories(dir.resolve("bin"));
		Path exe = Files.writeString(bin.resolve("powershell.exe"), "#!/bin/sh\n" + body + "\n");
		Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
		return new LocalLyncShellTransport("powershell.exe", bin + File.pathSeparator + "/usr/bin:/bin");
	}

	@Test
	void passesTheScriptEncodedAndCapturesTheOutput() throws Exception {
		LocalLyncShellTransport transport = fakePowerShell("echo \"$1 $2 $3 $4\"");
		LyncCommand command = LyncCmdlets.getPersistentChatState(TestPools.POOL_FQDN);

		ShellResult result = transport.run(TestPools.local(TIMEOUT_SECONDS), command);

		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout().strip())
			.isEqualTo("-NoProfile -NonInteractive -EncodedCommand " + PowerShell.encode(command.script()));
	}

	@Test
	void readsPoolStateFromTheJsonItPrints() throws Exception {
		LocalLyncShellTransport transport = fakePowerShell(
				"echo '{ \"Identity\": \"service:atl-cs-001.litwareinc.com\", \"PoolState\": \"FailedOver\" }'");
		ActionLog actions = new ActionLog();

		String state = new LyncShellAdapter(List.of(transport))
			.getPersistentChatState(TestPools.pool(TestPools.local(TIMEOUT_SECONDS)), actions);

		assertThat(state).isEqualTo("FailedOver");
		assertThat(actions.actions()).singleElement()
			.satisfies(a -> assertThat(a.target()).isEqualTo("local powershell.exe"));
	}

	@Test
	void carriesStderrIntoTheFailure() throws Exception {
		LocalLyncShellTransport transport = fakePowerShell(
				"echo 'Set-CsPersistentChatState : Access denied' >&2; exit 1");

		assertThatExceptionOfType(LyncShellException.class)
			.isThrownBy(() -> new LyncShellAdapter(List.of(transport)).setPersistentChatState(
					TestPools.pool(TestPools.local(TIMEOUT_SECONDS)), "FailedOver", new ActionLog()))
			.satisfies(ex -> assertThat(ex.exitCode()).isEqualTo(1))
			.withMessage("Set-CsPersistentChatState failed on local powershell.exe (exit code 1):"
					+ " Set-CsPersistentChatState : Access denied");
	}

	@Test
	void decodesClixmlErrors() throws Exception {
		LocalLyncShellTransport transport = fakePowerShell("printf '%s' '#< CLIXML\n<Objs Version=\"1.1.0.1\">"
				+ "<S S=\"Error\">Get-CsPersistentChatState : Cannot find &quot;x&quot;_x000D__x000A_</S></Objs>' >&2; exit 1");

		assertThatExceptionOfType(LyncShellException.class)
			.isThrownBy(() -> new LyncShellAdapter(List.of(transport)).getPersistentChatState(
					TestPools.pool(TestPools.local(TIMEOUT_SECONDS)), new ActionLog()))
			.withMessageEndingWith("(exit code 1): Get-CsPersistentChatState : Cannot find \"x\"");
	}

	@Test
	void killsTheProcessAfterTheTimeout() throws Exception {
		LocalLyncShellTransport transport = fakePowerShell("exec sleep 120");

		assertThatExceptionOfType(LyncShellException.class)
			.isThrownBy(() -> transport.run(TestPools.local(1), LyncCmdlets.getPersistentChatState(TestPools.POOL_FQDN)))
			.withMessageContaining("timed out after 1 s");
	}

	@Test
	void namesTheExecutableWhenItIsNotOnPath() {
		LocalLyncShellTransport transport = new LocalLyncShellTransport("powershell.exe", dir.toString());

		assertThatExceptionOfType(LyncShellException.class)
			.isThrownBy(() -> transport.run(TestPools.local(1), LyncCmdlets.getPersistentChatState(TestPools.POOL_FQDN)))
			.withMessageContaining("powershell.exe not found on PATH " + dir);
	}

}
