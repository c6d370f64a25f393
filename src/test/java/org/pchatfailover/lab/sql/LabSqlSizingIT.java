package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupShareAdapter;
import org.pchatfailover.lab.sql.engine.LabSizing;
import org.pchatfailover.sqlserver.FailoverPlan;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.sqlserver.SqlServerAdapter;
import org.pchatfailover.topology.Secrets;

/**
 * The scenarios' sizing for benchmarks and crash tests: how many log backups the primary took, and how long the
 * backup instance takes to read one from the primary's share and to restore one. What the product plans and applies
 * against it, and what a DBA's RESTORE HEADERONLY shows.
 */
class LabSqlSizingIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	final LogShippingService logShipping = new LogShippingService(new SqlServerAdapter(new Secrets()),
			new BackupShareAdapter());

	@Test
	void makesTheLogBackupsAskedForWithTheScenarioKeptAtTheOldEnd() {
		LabSqlFixture sql = lab.start("normal");
		sql.lab().reset("uncopied-files", new LabSizing(20, 0, 0));

		LabSqlSnapshot state = sql.lab().state();
		assertThat(state.shareFiles()).hasSize(20);
		assertThat(state.copyFiles()).as("the copy job stopped after the sixth").hasSize(6);
		assertThat(state.restoreHistory()).as("the first five restored").hasSize(5);
		assertThat(state.sizing()).isEqualTo(new LabSizing(20, 0, 0));
		FailoverPlan plan = logShipping.planFailover(sql.pool(), new ActionLog());
		assertThat(plan.logsToApply()).hasSize(15);
		assertThat(plan.filesToCopy()).hasSize(14).containsExactlyElementsOf(state.shareFiles().subList(6, 20));
		assertThat(plan.gap()).isNull();
	}

	@Test
	void brokenChainKeepsItsGapAtTheSeventhWhateverTheNumberOfLogs() {
		LabSqlFixture sql = lab.start("normal");
		sql.lab().reset("broken-chain", new LabSizing(12, 0, 0));

		FailoverPlan plan = logShipping.planFailover(sql.pool(), new ActionLog());
		assertThat(sql.lab().state().shareFiles()).hasSize(11);
		assertThat(plan.logsToApply()).hasSize(1);
		assertThat(plan.gap().foundFile()).isEqualTo(sql.lab().state().shareFiles().get(6));
	}

	/** A benchmark plans 10,000 pending logs: the lab makes them, with a continuous chain a DBA can read. */
	@Test
	void makesTenThousandLogBackupsWithAContinuousChain() throws SQLException {
		LabSqlFixture sql = lab.start("normal");
		sql.lab().reset("normal", new LabSizing(10_005, 0, 0));

		LabSqlSnapshot state = sql.lab().state();
		assertThat(state.shareFiles()).hasSize(10_005).doesNotHaveDuplicates();
		assertThat(state.copyFiles()).isEqualTo(state.shareFiles());
		String redo = state.database("mgc").redoStartLsn();
		try (Connection connection = sql.connect()) {
			List<BigDecimal[]> lsns = new ArrayList<>();
			for (String name : List.of(state.copyFiles().get(5), state.copyFiles().get(5_000),
					state.copyFiles().get(5_001), state.copyFiles().get(10_004))) {
				lsns.add(lsns(connection, LabSqlFixture.COPY_UNC + "\\" + name));
			}
			assertThat(lsns.get(0)[0]).as("the first pending log starts at the redo LSN").isEqualTo(new BigDecimal(redo));
			assertThat(lsns.get(2)[0]).as("chain at 5,001").isEqualTo(lsns.get(1)[1]);
			assertThat(lsns.get(3)[1].subtract(lsns.get(0)[0]))
				.isEqualTo(lsns.get(0)[1].subtract(lsns.get(0)[0]).multiply(BigDecimal.valueOf(10_000)));
		}
	}

	@Test
	void takesRestoreMsForEachLogItRestores() throws Exception {
		LabSqlFixture sql = lab.start("normal");
		sql.lab().reset("normal", new LabSizing(8, 0, 300));

		List<String> restored = logShipping.applyPendingLogs(sql.pool(), new ActionLog());

		assertThat(restored).hasSize(3);
		List<LabSqlSnapshot.Restore> history = sql.lab().state().restoreHistory();
		for (int i = history.size() - 2; i < history.size(); i++) {
			assertThat(Duration.between(history.get(i - 1).at(), history.get(i).at()))
				.as("from restore " + i + " to the next").isGreaterThanOrEqualTo(Duration.ofMillis(300));
		}
	}

	@Test
	void takesCopyMsToReadALogBackupOnThePrimarysShare() throws SQLException {
		LabSqlFixture sql = lab.start("normal");
		sql.lab().reset("uncopied-files", new LabSizing(8, 400, 0));
		String uncopied = sql.lab().state().shareFiles().get(7);

		try (Connection connection = sql.connect()) {
			long started = System.nanoTime();
			BigDecimal[] lsns = lsns(connection, LabSqlFixture.SHARE_UNC + "\\" + uncopied);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
			assertThat(lsns[1]).isGreaterThan(lsns[0]);
		}
	}

	/** A restarted lab keeps the scenario's sizing with the rest of its state. */
	@Test
	void keepsTheSizingAcrossARestart() {
		LabSqlFixture sql = lab.start("normal");
		sql.lab().reset("normal", new LabSizing(9, 10, 20));

		sql.restart();

		assertThat(sql.lab().state().sizing()).isEqualTo(new LabSizing(9, 10, 20));
		assertThat(sql.lab().state().shareFiles()).hasSize(9);
	}

	private static BigDecimal[] lsns(Connection connection, String device) throws SQLException {
		try (PreparedStatement header = connection.prepareStatement("RESTORE HEADERONLY FROM DISK = ?")) {
			header.setString(1, device);
			try (ResultSet row = header.executeQuery()) {
				assertThat(row.next()).as(device).isTrue();
				return new BigDecimal[] { row.getBigDecimal("FirstLSN"), row.getBigDecimal("LastLSN") };
			}
		}
	}

}
