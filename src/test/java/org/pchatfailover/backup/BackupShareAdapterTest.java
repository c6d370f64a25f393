package org.pchatfailover.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.backup.BackupShareAdapter.CopyOutcome;
import org.pchatfailover.topology.Pool;

/** The backup share and copy destination as real folders on disk, named by their UNC paths. */
class BackupShareAdapterTest {

	static final String SHARE = "\\\\atl-sql-001.litwareinc.com\\logship";

	static final String COPY = "\\\\dal-sql-bk.litwareinc.com\\logship-copy";

	@TempDir
	Path dir;

	Pool pool;

	final BackupShareAdapter adapter = new BackupShareAdapter();

	@BeforeEach
	void mountTheShares() throws Exception {
		Files.createDirectories(dir.resolve("share"));
		Files.createDirectories(dir.resolve("copy"));
		pool = new Pool("atl-cs-001.litwareinc.com", "mgc",
				new Pool.SqlInstance("jdbc:sqlserver://x", "dal-sql-bk.litwareinc.com", "PCHAT", null, null, null),
				new Pool.SqlInstance(null, "dal-sql-mr.litwareinc.com", "PCHAT", null, null, null), "\\\\fs\\m",
				"Dallas", List.of(),
				List.of(new Pool.ShareMapping(SHARE, dir.resolve("share").toString()),
						new Pool.ShareMapping(COPY, dir.resolve("copy").toString())),
				new Pool.LyncShell("local", null, null, null, null, null, null, null, null), null, null);
	}

	@Test
	void listsOnlyTheDatabasesLogBackupsOldestFirst() throws Exception {
		write("share", "mgc_20261125090500.trn", "b");
		write("share", "mgc_20261125090000.trn", "a");
		write("share", "mgc_20261125091000.trn.wrk", "copying");
		write("share", "mgccomp_20261125090000.trn", "compliance");

		assertThat(adapter.listLogBackups(pool, SHARE)).containsExactly("mgc_20261125090000.trn",
				"mgc_20261125090500.trn");
	}

	@Test
	void copiesAndVerifiesOnceThenLeavesTheIdenticalCopyAlone() throws Exception {
		write("share", "mgc_20261125090000.trn", "log backup bytes");

		CopyOutcome first = adapter.copyLogBackup(pool, SHARE, COPY, "mgc_20261125090000.trn");
		CopyOutcome second = adapter.copyLogBackup(pool, SHARE, COPY, "mgc_20261125090000.trn");

		assertThat(first.copied()).isTrue();
		assertThat(first.command()).isEqualTo("copy " + SHARE + "\\mgc_20261125090000.trn -> " + COPY
				+ "\\mgc_20261125090000.trn");
		assertThat(first.outcome()).startsWith("copied; size and SHA-256 ").endsWith(" verified");
		assertThat(second.copied()).isFalse();
		assertThat(second.outcome()).isEqualTo("already present and identical, skipped");
		assertThat(dir.resolve("copy").resolve("mgc_20261125090000.trn")).hasContent("log backup bytes");
	}

	@Test
	void readsSizesAndTheFreeSpaceOfTheFolderItsFileSystemHolds() throws Exception {
		write("share", "mgc_20261125090000.trn", "12345");

		assertThat(adapter.size(pool, SHARE, "mgc_20261125090000.trn")).isEqualTo(5);
		assertThat(adapter.size(pool, COPY, "mgc_20261125090000.trn")).isEqualTo(-1);
		assertThat(adapter.freeSpace(pool, COPY)).isPositive()
			.isLessThanOrEqualTo(Files.getFileStore(dir).getTotalSpace());
	}

	@Test
	void refusesNamesThatAreNoLogBackupOfTheDatabaseAndFoldersNotMapped() {
		assertThatThrownBy(() -> adapter.copyLogBackup(pool, SHARE, COPY, "..\\secrets.trn"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not a log backup file name of mgc");
		assertThatThrownBy(() -> adapter.listLogBackups(pool, "\\\\elsewhere\\logship"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("add it to pchat.pools[].shares");
	}

	private void write(String folder, String name, String content) throws Exception {
		Files.writeString(dir.resolve(folder).resolve(name), content);
	}

}
