package org.pchatfailover.failback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lync.PoolFailbackService;
import org.pchatfailover.sqlserver.BackupHeader;
import org.pchatfailover.sqlserver.FailbackDatabaseService;
import org.pchatfailover.sqlserver.FailbackPlan;
import org.pchatfailover.sqlserver.LogShippingSetup;
import org.pchatfailover.sqlserver.OverwritePreview;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each failback step against the lab, run twice as a retry after a crash would: the second run finds the work done,
 * says so in its action log and sends no statement or cmdlet that changes anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailbackStepsIT {

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Topology topology;

	@Autowired
	FailbackDatabaseService databases;

	@Autowired
	LogShippingSetup logShipping;

	@Autowired
	PoolFailbackService poolService;

	private Pool pool;

	@BeforeEach
	void failedOver() {
		new LabDrill(port).scenario("failed-over");
		pool = topology.pool(LabDrill.POOL);
	}

	@Test
	void everyStepDoneAlreadyIsSkippedWithItsEvidence() {
		FailbackPlan plan = databases.planFailback(pool, java.time.Instant.now(), "STEPS-1_mgc_failback_full.bak",
				new ActionLog());
		String file = plan.backupFile();

		databases.removeMirroring(pool, new ActionLog());
		ActionLog again = new ActionLog();
		databases.removeMirroring(pool, again);
		assertThat(commands(again)).noneMatch(c -> c.contains("SET PARTNER OFF"));
		assertThat(outcomes(again)).anyMatch(o -> o.contains("not mirrored, nothing to remove"));

		BackupHeader first = databases.backupDatabase(pool, file, new ActionLog());
		ActionLog backupAgain = new ActionLog();
		BackupHeader second = databases.backupDatabase(pool, file, backupAgain);
		assertThat(second.firstLsn()).isEqualTo(first.firstLsn());
		assertThat(commands(backupAgain)).noneMatch(c -> c.startsWith("BACKUP DATABASE"));

		OverwritePreview before = databases.previewOverwrite(pool, file, java.time.Instant.now(), new ActionLog());
		assertThat(before.primaryState()).isEqualTo("ONLINE");
		assertThat(before.primarySizeKb()).as("8 MB data and 2 MB log, the lab's files").isEqualTo(10240L);
		assertThat(before.primaryLastRestore()).as("the rebuilt primary mgc was never restored into").isNull();
		assertThat(before.backupDatabase()).isEqualTo("mgc");
		assertThat(before.backupFinished()).isEqualTo(first.backupFinishDate());
		assertThat(before.backupSizeBytes()).isPositive();
		databases.restorePrimaryDatabase(pool, file, new ActionLog());
		assertThat(databases.previewOverwrite(pool, file, java.time.Instant.now(), new ActionLog())
			.primaryLastRestore()).as("msdb restorehistory on the primary").isNotNull();
		ActionLog restoreAgain = new ActionLog();
		databases.restorePrimaryDatabase(pool, file, restoreAgain);
		assertThat(commands(restoreAgain)).noneMatch(c -> c.startsWith("RESTORE DATABASE"));
		assertThat(outcomes(restoreAgain)).anyMatch(o -> o.contains("already restored from " + file));

		String init = plan.logShippingShare() + "\\STEPS-1_mgc_primary_full.bak";
		logShipping.reestablish(pool, plan.logShippingShare(), plan.copyFolder(), init, new ActionLog());
		ActionLog shippingAgain = new ActionLog();
		logShipping.reestablish(pool, plan.logShippingShare(), plan.copyFolder(), init, shippingAgain);
		assertThat(commands(shippingAgain)).noneMatch(c -> c.contains("sp_add_") || c.startsWith("BACKUP")
				|| c.startsWith("RESTORE DATABASE"));
	}

	@Test
	void refusesToRestoreOverThePrimaryFromAFileThatIsNoFullBackupOfTheDatabase() {
		ActionLog actions = new ActionLog();
		String missing = "\\\\atl-sql-001.litwareinc.com\\logship\\no-such-file.bak";

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> databases.restorePrimaryDatabase(pool, missing, actions))
			.hasMessageContaining("3201");
		assertThat(new LabDrill(port).json("admin", "GET", "/api/lab/state", null, 200).at("/primarySql"))
			.anySatisfy(db -> assertThat(db.path("name").asText() + " " + db.path("state").asText())
				.isEqualTo("mgc ONLINE"));
	}

	@Test
	void clearsOnlyThePoolsOwnServersAndSetsThePoolNormalOnce() {
		poolService.clearActiveServers(pool, new ActionLog());
		ActionLog normal = new ActionLog();
		poolService.setPoolNormal(pool, normal);
		ActionLog again = new ActionLog();
		poolService.setPoolNormal(pool, again);

		assertThat(commands(normal)).anyMatch(c -> c.contains("Set-CsPersistentChatActiveServer") || c.contains(
				"Set-CsPersistentChatState"));
		assertThat(commands(again)).noneMatch(c -> c.contains("Set-CsPersistentChatState"));
		assertThat(new LabDrill(port).json("admin", "GET", "/api/lab/state", null, 200).at("/lync/pools")
			.path(LabDrill.POOL).path("activeServers")).isEmpty();
	}

	private static List<String> commands(ActionLog actions) {
		return actions.actions().stream().map(ActionLog.Action::command).toList();
	}

	private static List<String> outcomes(ActionLog actions) {
		return actions.actions().stream().map(ActionLog.Action::outcome).toList();
	}

}
