package org.pchatfailover.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LabSecretFilesTest {

	@TempDir
	Path dir;

	@BeforeEach
	void posixFileSystem() {
		assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null,
				"the file system has no POSIX permissions");
	}

	@Test
	void writesASecretOwnerOnlyWithItsParentDirectories() throws Exception {
		Path secret = dir.resolve("secrets/ssh.password");

		LabSecretFiles.write(secret, "lab\n");

		assertThat(Files.readString(secret)).isEqualTo("lab\n");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
	}

	@Test
	void narrowsASecretThatOthersCouldRead() throws Exception {
		Path secret = Files.writeString(dir.resolve("sql.password"), "kept");
		Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

		assertThat(LabSecretFiles.readOrCreate(secret, "lab")).isEqualTo("kept");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
	}

	@Test
	void createsAMissingSecretWithItsInitialContent() throws Exception {
		Path secret = dir.resolve("secrets/sql.password");

		assertThat(LabSecretFiles.readOrCreate(secret, "lab")).isEqualTo("lab");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
	}

}
