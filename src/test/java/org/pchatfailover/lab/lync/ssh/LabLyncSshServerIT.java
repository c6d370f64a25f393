package org.pchatfailover.lab.lync.ssh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lab SSH server as an OpenSSH client meets it: its own key (written once with its directories, owner-only, the
 * same after a restart) and the powershell.exe command lines an admin types.
 */
class LabLyncSshServerIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path dir;

	/** What the client received. */
	record Received(Integer exitStatus, String stdout, String stderr) {
	}

	static Received exec(int port, String commandLine, String stdin) throws Exception {
		try (SshClient client = SshClient.setUpDefaultClient()) {
			// test-only: the host key is under test in the tests above
			client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
			client.start();
			try (ClientSession session = client.connect("lab", "127.0.0.1", port).verify(TIMEOUT).getSession()) {
				session.addPasswordIdentity("lab");
				session.auth().verify(TIMEOUT);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				ByteArrayOutputStream err = new ByteArrayOutputStream();
				try (ChannelExec exec = session.createExecChannel(commandLine)) {
					exec.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
					exec.setOut(out);
					exec.setErr(err);
					exec.open().verify(TIMEOUT);
					exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
					return new Received(exec.getExitStatus(), out.toString(StandardCharsets.UTF_8),
							err.toString(StandardCharsets.UTF_8));
				}
			}
		}
	}

	private LabLyncSshServer server(Path hostKey) {
		LabLyncShell shell = LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL,
				Duration.ofMinutes(1));
		return new LabLyncSshServer(shell, "127.0.0.1", 0, hostKey, "lab", "lab");
	}

	@Test
	void writesTheHostKeyOnFirstStartAndServesTheSameKeyAfterARestart() throws Exception {
		Path hostKey = dir.resolve("lab/ssh/host_key");
		String first;
		try (LabLyncSshServer server = server(hostKey)) {
			server.start();
			first = KeyUtils.getFingerPrint(server.hostKey());
		}
		assertThat(hostKey).isRegularFile();

		try (LabLyncSshServer restarted = server(hostKey)) {
			restarted.start();
			assertThat(KeyUtils.getFingerPrint(restarted.hostKey())).isEqualTo(first);
		}
	}

	/**
	 * ssh-timeout on a session already open: what the client asks gets no answer, as from a hung host; answering again,
	 * the server answers it.
	 */
	@Test
	void stopsAnsweringAnOpenSessionAndAnswersWhatItWasAskedWhenItAnswersAgain() throws Exception {
		try (LabLyncSshServer server = server(dir.resolve("ssh/host_key"));
				SshClient client = SshClient.setUpDefaultClient()) {
			server.start();
			// test-only: the host key is under test in the tests above
			client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
			client.start();
			try (ClientSession session = client.connect("lab", "127.0.0.1", server.port()).verify(TIMEOUT).getSession()) {
				session.addPasswordIdentity("lab");
				session.auth().verify(TIMEOUT);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				try (ChannelExec exec = session.createExecChannel("powershell.exe -Command Get-CsPersistentChatState")) {
					exec.setOut(out);
					server.stopAnswering(true);

					OpenFuture opening = exec.open();
					assertThat(opening.await(Duration.ofSeconds(1))).as("no answer while silent").isFalse();
					server.stopAnswering(false);

					opening.verify(TIMEOUT);
					exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
					assertThat(exec.getExitStatus()).isZero();
					assertThat(out.toString(StandardCharsets.UTF_8)).contains("PoolState : Normal");
				}
			}
		}
	}

	@Test
	void runsTheCommandLinesAnAdminTypesWithTheirSwitchesInAnyOrder() throws Exception {
		try (LabLyncSshServer server = server(dir.resolve("ssh/host_key"))) {
			server.start();

			Received command = exec(server.port(), "powershell.exe -NoLogo -ExecutionPolicy Bypass -Command"
					+ " \"Get-CsPersistentChatState | Where-Object {$_.PoolState -eq 'Normal'} | Select-Object Identity"
					+ " | ConvertTo-Json -Compress\"", "");
			Received fromStdin = exec(server.port(), "powershell -NonInteractive -NoProfile -Command -",
					"Get-CsPool | Select-Object Identity | ConvertTo-Json -Compress\r\n");

			assertThat(command).isEqualTo(new Received(0, "{\"Identity\":\"service:atl-cs-001.litwareinc.com\"}\r\n", ""));
			assertThat(fromStdin).isEqualTo(new Received(0, "{\"Identity\":\"atl-cs-001.litwareinc.com\"}\r\n", ""));
		}
	}

	@Test
	void writesErrorsAsCliXmlForEncodedCommandsAndAsTextOtherwise() throws Exception {
		String script = "Get-CsPersistentChatState | Select-Object PoolState\nSet-CsPersistentChatState -Identity"
				+ " 'service:atl-cs-001.litwareinc.com' -State FailedOver";
		String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
		try (LabLyncSshServer server = server(dir.resolve("ssh/host_key"))) {
			server.start();

			Received clixml = exec(server.port(), "powershell.exe -NoProfile -NonInteractive -EncodedCommand " + encoded,
					"");
			Received text = exec(server.port(), "powershell.exe -NoProfile -NonInteractive -Command -", script);

			String stdout = "\r\nPoolState : Normal\r\n";
			assertThat(clixml).isEqualTo(new Received(1, stdout, "#< CLIXML\r\n<Objs Version=\"1.1.0.1\""
					+ " xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><S S=\"Error\">Set-CsPersistentChatState"
					+ " : A parameter cannot be found that matches parameter name 'State'._x000D__x000A_</S>"
					+ "<S S=\"Error\">At line:2 char:73_x000D__x000A_</S><S S=\"Error\">+ ... hatState -Identity"
					+ " 'service:atl-cs-001.litwareinc.com' -State FailedO ..._x000D__x000A_</S><S S=\"Error\">+"
					+ " ".repeat(60) + "~~~~~~_x000D__x000A_</S><S S=\"Error\">    +"
					+ " CategoryInfo          : InvalidArgument: (:) [Set-CsPersistentChatState], ParameterBindingException"
					+ "_x000D__x000A_</S><S S=\"Error\">    + FullyQualifiedErrorId : NamedParameterNotFound,"
					+ "Set-CsPersistentChatState_x000D__x000A_</S><S S=\"Error\"> _x000D__x000A_</S></Objs>"));
			assertThat(text).isEqualTo(new Received(1, stdout, "Set-CsPersistentChatState : A parameter cannot be found"
					+ " that matches parameter name 'State'.\r\nAt line:2 char:73\r\n+ ... hatState -Identity"
					+ " 'service:atl-cs-001.litwareinc.com' -State FailedO ...\r\n+" + " ".repeat(60)
					+ "~~~~~~\r\n    + CategoryInfo          : InvalidArgument: (:) [Set-CsPersistentChatState],"
					+ " ParameterBindingException\r\n    + FullyQualifiedErrorId : NamedParameterNotFound,"
					+ "Set-CsPersistentChatState\r\n \r\n"));
		}
	}

	@Test
	void keepsTheHostKeyOwnerOnly() throws Exception {
		Path hostKey = dir.resolve("ssh/host_key");
		try (LabLyncSshServer server = server(hostKey)) {
			server.start();
		}

		assumeTrue(Files.getFileAttributeView(hostKey, PosixFileAttributeView.class) != null,
				"the file system has no POSIX permissions");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hostKey))).isEqualTo("rw-------");
	}

}
