package org.pchatfailover.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogBackupFilesTest {

	@TempDir
	Path dir;

	@Test
	void acceptsOnlyTheDatabasesTimestampedTrnFiles() {
		assertThat(LogBackupFiles.isLogBackup("mgc", "mgc_20261125084500.trn")).isTrue();
		assertThat(LogBackupFiles.isLogBackup("mgc", "MGC_20261125084500.TRN")).isTrue();
		assertThat(LogBackupFiles.isLogBackup("mgc", "mgc_20261125084500.trn.wrk")).isFalse();
		assertThat(LogBackupFiles.isLogBackup("mgc", "mgccomp_20261125084500.trn")).isFalse();
		assertThat(LogBackupFiles.isLogBackup("mgc", "mgc_20261325084500.trn")).isFalse();
		assertThat(LogBackupFiles.isLogBackup("mgc", "mgc_2026112508450.trn")).isFalse();
		assertThat(LogBackupFiles.isLogBackup("mgc", "mgc_20261125084500.trn'; DROP DATABASE mgc--")).isFalse();
	}

	@Test
	void listsOldestFirstAndSkipsEverythingElse() throws Exception {
		for (String name : new String[] { "mgc_20261125090000.trn", "mgc_20261125084500.trn",
				"mgc_20261125091500.trn.wrk", "notes.txt", "mgc_20261125080000.bak" }) {
			Files.writeString(dir.resolve(name), "x");
		}
		assertThat(LogBackupFiles.list(dir, "mgc")).containsExactly("mgc_20261125084500.trn",
				"mgc_20261125090000.trn");
	}

}
