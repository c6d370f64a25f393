package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupShareAdapter;
import org.pchatfailover.backup.LogBackupFiles;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Secrets;

/** Runbook step 2 against the lab's share and copy folders, with the folders read from the lab SQL Server. */
class CopyBackupFilesIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	final SqlServerAdapter adapter = new SqlServerAdapter(new Secrets());

	final LogShippingService copy = new LogShippingService(adapter, new BackupShareAdapter());

	final ActionLog actions = new ActionLog();

	@Test
	void copiesTheFilesTheCopyJobMissedAndNothingOnReRun() throws Exception {
		sql = lab.start("uncopied-files");
		List<String> copied = copy.copyMissingFiles(sql.pool(), actions);
		assertThat(copied).hasSize(2);
		for (String name : copied) {
			assertThat(Files.mismatch(sql.share().resolve(name), sql.copy().resolve(name))).isEqualTo(-1L);
		}
		assertThat(copy.copyMissingFiles(sql.pool(), new ActionLog())).isEmpty();
	}

	@Test
	void ignoresTheHalfCopiedWrkFileAndCopiesTheTrnAfterLogShippingIsRemoved() throws Exception {
		sql = lab.start("half-copied");
		copy.removeSecondary(sql.pool(), actions);
		List<String> copied = copy.copyMissingFiles(sql.pool(), actions);
		assertThat(copied).hasSize(2);
		assertThat(sql.copy().resolve(copied.get(0) + ".wrk")).exists();
		assertThat(actions.actions()).noneMatch(a -> a.command().contains(".wrk"));
	}

	@Test
	void copiesFromTheFoldersOfThePlanOnceMsdbHasForgottenThem() throws Exception {
		sql = lab.start("uncopied-files");
		FailoverPlan plan = copy.planFailover(sql.pool(), actions);
		copy.removeSecondary(sql.pool(), actions);
		// a third share (say, the mirror share) leaves "the other share" ambiguous: only the plan can tell
		Pool pool = sql.pool();
		List<Pool.ShareMapping> shares = new ArrayList<>(pool.shares());
		shares.add(new Pool.ShareMapping("\\\\dal-fs-001.litwareinc.com\\pchat-mirror",
				Files.createTempDirectory("mirror").toString()));
		Pool withThreeShares = new Pool(pool.fqdn(), pool.database(), pool.backupSql(), pool.backupMirrorSql(),
				pool.mirrorFileShare(), pool.backupDataCenter(), pool.activeServerCandidates(), shares,
				pool.lyncShell(), pool.lyncVersion(), pool.activeServersIdentity());

		List<String> copied = copy.copyMissingFiles(withThreeShares, LogShippingFolders.planned(plan), actions);

		assertThat(copied).containsExactlyElementsOf(plan.filesToCopy());
		assertThat(actions.actions()).anyMatch(a -> a.command().contains(plan.backupSourceDirectory()));
	}

	@Test
	void replacesATornCopyAndLeavesIdenticalOnesAlone() throws Exception {
		sql = lab.start("normal");
		List<String> names = LogBackupFiles.list(sql.copy(), "mgc");
		Path torn = sql.copy().resolve(names.get(7));
		byte[] whole = Files.readAllBytes(torn);
		Files.write(torn, java.util.Arrays.copyOf(whole, whole.length / 3));
		assertThat(copy.copyMissingFiles(sql.pool(), actions)).containsExactly(names.get(7));
		assertThat(Files.readAllBytes(torn)).isEqualTo(whole);
		assertThat(actions.actions()).filteredOn(a -> a.outcome().contains("identical")).hasSize(7);
	}

	@Test
	void failsWithTheInstanceNamedWhenSqlServerIsDown() {
		sql = lab.start("sql-down");
		assertThatThrownBy(() -> copy.copyMissingFiles(sql.pool(), actions)).isInstanceOf(SqlServerException.class)
			.hasMessageContaining("dal-sql-bk.litwareinc.com\\PCHAT");
	}

	@Test
	void refusesToStartCopyingWhenTheCopyDestinationCannotHoldTheMissingFiles() throws Exception {
		sql = lab.start("uncopied-files");
		List<String> before = LogBackupFiles.list(sql.copy(), "mgc");
		LogShippingService onAFullDisk = new LogShippingService(adapter, new BackupShareAdapter() {
			@Override
			public long freeSpace(Pool pool, String uncFolder) {
				return 1024;
			}
		});

		assertThatThrownBy(() -> onAFullDisk.copyMissingFiles(sql.pool(), actions))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("\\\\dal-sql-bk.litwareinc.com\\logship-copy has 1024 bytes free")
			.hasMessageContaining("2 log backup(s)");
		assertThat(LogBackupFiles.list(sql.copy(), "mgc")).as("nothing copied half way").isEqualTo(before);
		assertThat(actions.actions()).anyMatch(a -> a.kind().equals("check") && !a.succeeded()
				&& a.outcome().startsWith("1024 bytes free, 2 log backup(s) to copy need "));
	}

}
