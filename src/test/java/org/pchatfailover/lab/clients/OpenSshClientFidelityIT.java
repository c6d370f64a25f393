package org.pchatfailover.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.lab.lync.ssh.LabLyncSshServer;

/**
 * What Windows PowerShell 5.1 behind Windows OpenSSH sends an ssh client, where the lab once answered otherwise
 * (issue 15; docs/lab-client-findings.md).
 */
class OpenSshClientFidelityIT {

	@TempDir
	Path dir;

	LabLyncShell shell;

	LabLyncSshServer server;

	OpenSsh ssh;

	@BeforeEach
	void startLab() {
		shell = LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL, Duration.ofMinutes(1));
		server = start(0);
		ssh = new OpenSsh(dir, "lab").trust(server.knownHostsLines(List.of("127.0.0.1")));
	}

	/**
	 * As LabLyncShellConfiguration starts it on a fresh lab folder: the host key file in ssh/, which does not exist
	 * yet (the configuration creates it afterwards, writing known_hosts).
	 */
	private LabLyncSshServer start(int port) {
		LabLyncSshServer started = new LabLyncSshServer(shell, "127.0.0.1", port, dir.resolve("ssh/host_key"), "lab",
				"lab");
		started.start();
		return started;
	}

	@AfterEach
	void stopLab() {
		server.close();
	}

	/**
	 * An admin's known_hosts entry must survive a lab restart, or strict checking refuses the next login (before, the
	 * first start of a fresh lab generated a key it could not save, and a restart made another: "REMOTE HOST
	 * IDENTIFICATION HAS CHANGED!").
	 */
	@Test
	void keepsItsHostKeyAcrossARestart() {
		assertThat(ssh.powershell(server.port(), OpenSshClientIT.POOL_STATE).exitCode()).isZero();
		int port = server.port();
		server.close();
		server = start(port);

		ExternalClient.Result afterRestart = ssh.powershell(port, OpenSshClientIT.POOL_STATE);

		assertThat(afterRestart.exitCode()).as(afterRestart.toString()).isZero();
		assertThat(afterRestart.stdout()).containsPattern("PoolState\\s*:\\s*Normal");
	}

	/** Windows console output ends lines with CR LF. */
	@Test
	void endsOutputLinesWithCrLf() {
		ExternalClient.Result result = ssh.powershell(server.port(), OpenSshClientIT.POOL_STATE);

		assertThat(result.stdout()).as(result.toString()).contains("\r\n");
		assertThat(result.stdout().replace("\r\n", "")).doesNotContain("\n");
	}

	/**
	 * powershell.exe with -EncodedCommand, -NonInteractive and stderr redirected writes its error stream as CLIXML
	 * (PowerShell's CommandLineParameterParser.ErrorFormat).
	 */
	@Test
	void writesErrorsAsClixml() {
		ExternalClient.Result result = ssh.powershell(server.port(),
				"Get-CsPersistentChatState -Identity 'service:nope.litwareinc.com'");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).as(result.toString()).startsWith("#< CLIXML");
		assertThat(result.stderr()).contains("<S S=\"Error\">").contains("nope.litwareinc.com");
	}

}
