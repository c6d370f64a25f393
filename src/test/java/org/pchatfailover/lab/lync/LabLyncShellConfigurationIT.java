package org.pchatfailover.lab.lync;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.lab.LabProperties;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.lab.lync.ssh.LabLyncSshServer;
import org.pchatfailover.lync.LyncCmdlets;
import org.pchatfailover.lync.ShellResult;
import org.pchatfailover.lync.SshLyncShellTransport;
import org.pchatfailover.topology.TestPools;
import org.pchatfailover.topology.Secrets;
import org.pchatfailover.topology.Topology;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LabLyncShellConfigurationIT {

	private static final int TIMEOUT_SECONDS = 30;

	@TempDir
	Path dir;

	private ApplicationContextRunner lab() {
		return lab(0);
	}

	private ApplicationContextRunner lab(int sshPort) {
		String pool = "pchat.pools[0].";
		return new ApplicationContextRunner().withInitializer(c -> c.getEnvironment().setActiveProfiles("lab"))
			.withPropertyValues(pool + "fqdn=" + TestPools.POOL_FQDN, pool + "backup-sql.fqdn=dal-sql-bk.litwareinc.com",
					pool + "backup-sql.instance=PCHAT", pool + "backup-mirror-sql.fqdn=dal-sql-mr.litwareinc.com",
					pool + "mirror-file-share=\\\\dal-fs-001.litwareinc.com\\pchat-mirror",
					pool + "backup-data-center=Dallas",
					pool + "active-server-candidates[0].fqdn=dal-pc-001.litwareinc.com",
					pool + "active-server-candidates[0].data-center=Dallas", pool + "lync-shell.transport=ssh")
			.withUserConfiguration(Topology.class, Secrets.class, LabLyncShellConfiguration.class)
			.withBean(LabProperties.class, () -> new LabProperties(0, sshPort, "127.0.0.1", dir, "normal",
					ZoneId.of("America/Chicago"), "16.0.1000.6", "127.0.0.1", true, List.of(), 0, 0, 0));
	}

	@Test
	void startsTheSshShellWithItsLoginFilesAndStopsItWithTheContext() {
		LabLyncSshServer[] started = new LabLyncSshServer[1];
		lab().run(context -> {
			LabLyncSshServer server = context.getBean(LabLyncSshServer.class);
			started[0] = server;
			Path password = dir.resolve("secrets/ssh.password");
			Path knownHosts = dir.resolve("ssh/known_hosts");
			assertThat(Files.readString(password).strip()).isEqualTo("lab");
			assertThat(Files.readAllLines(knownHosts)).anySatisfy(
					line -> assertThat(line).startsWith("[127.0.0.1]:" + server.port() + " ecdsa-sha2-"));

			try (SshLyncShellTransport transport = new SshLyncShellTransport(new Secrets())) {
				ShellResult result = transport.run(TestPools.ssh(server.port(), password, knownHosts, TIMEOUT_SECONDS),
						LyncCmdlets.getPersistentChatState(TestPools.POOL_FQDN));
				assertThat(result.exitCode()).isZero();
				assertThat(result.stdout()).contains("\"PoolState\":  \"Normal\"");
			}
			assertThat(context.getBean(LabLyncShell.class).state().history()).hasSize(1);
		});
		assertThat(started[0].isRunning()).isFalse();
	}

	@Test
	void keepsItsHostKeySoThatKnownHostsStaysValidAcrossARestart() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Path knownHosts = dir.resolve("ssh/known_hosts");
		Path firstKnownHosts = dir.resolve("known_hosts.first-start");
		lab(port).run(context -> Files.copy(knownHosts, firstKnownHosts));

		lab(port).run(context -> {
			assertThat(Files.readAllLines(knownHosts)).isEqualTo(Files.readAllLines(firstKnownHosts));
			try (SshLyncShellTransport transport = new SshLyncShellTransport(new Secrets())) {
				ShellResult result = transport.run(
						TestPools.ssh(port, dir.resolve("secrets/ssh.password"), firstKnownHosts, TIMEOUT_SECONDS),
						LyncCmdlets.getPersistentChatState(TestPools.POOL_FQDN));
				assertThat(result.exitCode()).isZero();
			}
		});
	}

	@Test
	void keepsItsSecretsOwnerOnly() {
		lab().run(context -> {
			assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null,
					"the file system has no POSIX permissions");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets/ssh.password"))))
				.isEqualTo("rw-------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ssh/host_key"))))
				.isEqualTo("rw-------");
		});
	}

	@Test
	void startsNothingOutsideTheLabProfile() {
		lab().withInitializer(c -> c.getEnvironment().setActiveProfiles("production"))
			.run(context -> assertThat(context).doesNotHaveBean(LabLyncSshServer.class));
	}

}
