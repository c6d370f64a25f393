package org.pchatfailover.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupShareAdapter;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;
import org.pchatfailover.lab.sql.engine.ServerVersion;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.sqlserver.SqlServerAdapter;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Secrets;

/** The backup SQL instance and the shares as the estate check reads them, against lab SQL Servers of each kind. */
class BackupSqlChecksIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	final SqlServerAdapter adapter = new SqlServerAdapter(new Secrets());

	final BackupShareAdapter share = new BackupShareAdapter();

	final ReadinessProperties properties = new ReadinessProperties(true, Duration.ofHours(1), Duration.ofMinutes(2),
			Duration.ofHours(1));

	final BackupSqlChecks checks = new BackupSqlChecks(adapter, new LogShippingService(adapter, share), properties);

	@Test
	void passesEverySqlAndShareCheckOnAHealthyLab() {
		LabSqlFixture sql = lab.start("normal");

		List<ReadinessCheck> result = run(sql.pool());

		assertThat(result).allSatisfy(check -> assertThat(check.ok()).as(check.toString()).isTrue());
		assertThat(check(result, BackupSqlChecks.LOGIN).evidence()).contains("@@SERVERNAME DAL-SQL-BK\\PCHAT");
		assertThat(check(result, BackupSqlChecks.VERSION).evidence())
			.isEqualTo("ProductVersion 11.0.7001.0: SQL Server 2012 is a supported back end of Lync Server 2013: "
					+ check(result, BackupSqlChecks.VERSION).evidence().split(": ", 3)[2]);
		assertThat(check(result, BackupSqlChecks.RIGHTS).evidence()).startsWith("login lab: sysadmin yes");
		assertThat(check(result, BackupSqlChecks.RECOVERY_POINT).evidence()).contains("threshold 60 min");
	}

	@Test
	void refusesASqlServerThePoolsLyncVersionDoesNotSupport() {
		LabSqlFixture sql = lab.start("normal", ServerVersion.parse("16.0.1000.6"));

		ReadinessCheck version = check(run(sql.pool()), BackupSqlChecks.VERSION);

		assertThat(version.ok()).isFalse();
		assertThat(version.evidence()).startsWith("ProductVersion 16.0.1000.6: SQL Server 2022 is not a supported back "
				+ "end of Lync Server 2013");
		assertThat(version.remedy()).contains("lync-version");
	}

	@Test
	void judgesTheVersionByTheLyncReleaseThePoolRuns() {
		LabSqlFixture sql = lab.start("normal", ServerVersion.parse("10.50.6000.34"));
		Pool lync2013 = sql.pool();
		Pool skype2015 = new Pool(lync2013.fqdn(), lync2013.database(), lync2013.backupSql(), lync2013.backupMirrorSql(),
				lync2013.mirrorFileShare(), lync2013.backupDataCenter(), lync2013.activeServerCandidates(),
				lync2013.shares(), lync2013.lyncShell(), Pool.LYNC_2015, null);

		assertThat(check(run(lync2013), BackupSqlChecks.VERSION).ok()).as("2008 R2 under Lync Server 2013").isTrue();
		ReadinessCheck underSkype = check(run(skype2015), BackupSqlChecks.VERSION);
		assertThat(underSkype.ok()).as("2008 R2 under Skype for Business Server 2015").isFalse();
		assertThat(underSkype.evidence()).contains("SQL Server 2008 R2 is not a supported back end of Skype for Business "
				+ "Server 2015");
	}

	@Test
	void namesTheStepsALoginWithoutTheRightsWouldFail() {
		LabSqlFixture sql = lab.start("missing-rights");

		ReadinessCheck rights = check(run(sql.pool()), BackupSqlChecks.RIGHTS);

		assertThat(rights.ok()).isFalse();
		assertThat(rights.evidence()).contains("sysadmin no").contains("ALTER ANY CONNECTION no")
			.contains("not allowed: RemoveLogShipping (sysadmin)")
			.contains("EndConnections, KILL (ALTER ANY CONNECTION)");
		assertThat(rights.remedy()).contains("member of sysadmin");
	}

	@Test
	void findsARecoveryPointOlderThanTheThreshold() {
		LabSqlFixture sql = lab.start("stale-logs");

		ReadinessCheck recoveryPoint = check(run(sql.pool()), BackupSqlChecks.RECOVERY_POINT);

		assertThat(recoveryPoint.ok()).isFalse();
		assertThat(recoveryPoint.evidence()).matches("the newest restorable log backup finished at .*, 1[7-9]\\d min ago "
				+ "\\(threshold 60 min\\)");
		assertThat(recoveryPoint.remedy()).contains("backup job on the primary");
	}

	@Test
	void findsACopyDestinationTooSmallForTheFilesItLacks() {
		LabSqlFixture sql = lab.start("full-copy-destination");

		ReadinessCheck copy = check(run(sql.pool()), ShareChecks.COPY_DESTINATION);

		assertThat(copy.ok()).isFalse();
		assertThat(copy.evidence()).contains("writable").contains("the 2 log backup(s) not yet copied need");
		assertThat(copy.remedy()).startsWith("free at least ");
	}

	@Test
	void findsLogShippingGoneFromMsdb() {
		LabSqlFixture sql = lab.start("normal");
		new LogShippingService(adapter, share).removeSecondary(sql.pool(), new ActionLog());

		ReadinessCheck config = check(run(sql.pool()), BackupSqlChecks.LOG_SHIPPING);

		assertThat(config.ok()).isFalse();
		assertThat(config.evidence()).isEqualTo("msdb.dbo.log_shipping_secondary_databases has no row for mgc on "
				+ "dal-sql-bk.litwareinc.com\\PCHAT");
		assertThat(config.remedy()).contains("set up log shipping of mgc");
	}

	@Test
	void findsABackupShareThisHostCannotList() throws Exception {
		LabSqlFixture sql = lab.start("normal");
		Pool pool = sql.pool();
		Path gone = Files.createTempDirectory("unmounted").resolve("logship");
		Pool unmounted = new Pool(pool.fqdn(), pool.database(), pool.backupSql(), pool.backupMirrorSql(),
				pool.mirrorFileShare(), pool.backupDataCenter(), pool.activeServerCandidates(),
				List.of(new Pool.ShareMapping(LabSqlFixture.SHARE_UNC, gone.toString()), pool.shares().get(1)),
				pool.lyncShell(), pool.lyncVersion(), pool.activeServersIdentity());

		ReadinessCheck backupShare = check(run(unmounted), ShareChecks.BACKUP_SHARE);

		assertThat(backupShare.ok()).isFalse();
		assertThat(backupShare.evidence()).contains(gone.toString());
		assertThat(backupShare.remedy()).startsWith("mount \\\\atl-sql-001.litwareinc.com\\logship on this host");
	}

	private List<ReadinessCheck> run(Pool pool) {
		BackupSqlChecks.Outcome outcome = checks.check(pool, Instant.now());
		List<ReadinessCheck> all = new ArrayList<>(outcome.checks());
		all.addAll(new ShareChecks(share).check(pool, outcome.plan()));
		return all;
	}

	private static ReadinessCheck check(List<ReadinessCheck> checks, String name) {
		return checks.stream().filter(check -> check.name().equals(name)).findFirst()
			.orElseThrow(() -> new AssertionError("no check " + name + " in " + checks));
	}

}
