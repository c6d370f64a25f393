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
 * OpenSSH's ssh (Debian openssh-client) running the product's command line on the lab Lync shell, as an admin checks
 * a pool by hand: what works today. What Windows PowerShell 5.1 does differently is held in
 * {@link OpenSshClientFidelityIT}.
 */
class OpenSshClientIT {

	static final String POOL_STATE = "Get-CsPersistentChatState -Identity 'service:" + LabLyncFixtures.POOL + "'";

	@TempDir
	Path dir;

	@TempDir
	Path otherClient;

	LabLyncShell shell;

	LabLyncSshServer server;

	OpenSsh ssh;

	@BeforeEach
	void startLab() {
		shell = LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL, Duration.ofMinutes(1));
		server = new LabLyncSshServer(shell, "127.0.0.1", 0, dir.resolve("host_key"), "lab", "lab");
		server.start();
		ssh = new OpenSsh(dir, "lab").trust(server.knownHostsLines(List.of("127.0.0.1")));
	}

	@AfterEach
	void stopLab() {
		server.close();
	}

	@Test
	void runsAnEncodedCmdletAgainstTheLabsPublishedHostKey() {
		ExternalClient.Result result = ssh.powershell(server.port(), POOL_STATE);

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.stdout()).containsPattern("PoolState\\s*:\\s*Normal");
		assertThat(shell.state().history()).hasSize(1);
	}

	@Test
	void reportsACmdletErrorOnStderrWithExitCodeOne() {
		ExternalClient.Result result = ssh.powershell(server.port(),
				"Get-CsPersistentChatState -Identity 'service:nope.litwareinc.com'");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.stderr()).contains("Cannot find \"service:nope.litwareinc.com\" because it does not exist.");
	}

	@Test
	void refusesAWrongPassword() {
		ExternalClient.Result result = new OpenSsh(otherClient, "not-the-password")
			.trust(server.knownHostsLines(List.of("127.0.0.1")))
			.powershell(server.port(), POOL_STATE);

		assertThat(result.exitCode()).isEqualTo(255);
		assertThat(result.stderr()).contains("Permission denied");
		assertThat(shell.state().history()).isEmpty();
	}

}
