package org.pchatfailover.lab.lync.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The lab SSH server's own key: written once with its directories, owner-only, and the same after a restart. */
class LabLyncSshServerIT {

	@TempDir
	Path dir;

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
