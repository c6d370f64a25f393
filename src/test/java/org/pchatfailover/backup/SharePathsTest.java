package org.pchatfailover.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pchatfailover.topology.Pool;

class SharePathsTest {

	final Pool pool = new Pool("atl-cs-001.litwareinc.com", "mgc",
			new Pool.SqlInstance("jdbc:sqlserver://x", "dal-sql-bk.litwareinc.com", "PCHAT", null, null, null),
			new Pool.SqlInstance(null, "dal-sql-mr.litwareinc.com", "PCHAT", null, null, null), "\\\\fs\\m", "Dallas",
			List.of(), List.of(new Pool.ShareMapping("\\\\ATL-SQL-001.litwareinc.com\\logship", "/mnt/logship")),
			new Pool.LyncShell("local", null, null, null, null, null, null, null, null), null, null);

	@Test
	void mapsAUncFolderCaseInsensitivelyBelowItsMountPoint() {
		assertThat(SharePaths.toLocal(pool, "\\\\atl-sql-001.litwareinc.com\\logship\\mgc\\"))
			.isEqualTo(Path.of("/mnt/logship/mgc"));
		assertThat(SharePaths.toLocal(pool, "\\\\atl-sql-001.litwareinc.com\\logship"))
			.isEqualTo(Path.of("/mnt/logship"));
	}

	@Test
	void refusesUnmappedFoldersAndClimbingOut() {
		assertThatThrownBy(() -> SharePaths.toLocal(pool, "\\\\other\\logship"))
			.hasMessageContaining("not mapped to a local path");
		assertThatThrownBy(() -> SharePaths.toLocal(pool, "\\\\atl-sql-001.litwareinc.com\\logshipper"))
			.hasMessageContaining("not mapped");
		assertThatThrownBy(() -> SharePaths.toLocal(pool, "\\\\atl-sql-001.litwareinc.com\\logship\\..\\etc"))
			.hasMessageContaining("climbs out");
	}

	@Test
	void buildsDevicePathsAndFolders() {
		assertThat(SharePaths.device("\\\\h\\s\\", "mgc_1.trn")).isEqualTo("\\\\h\\s\\mgc_1.trn");
		assertThat(SharePaths.folderOf("\\\\h\\s\\mgc_1.trn")).isEqualTo("\\\\h\\s");
	}

}
