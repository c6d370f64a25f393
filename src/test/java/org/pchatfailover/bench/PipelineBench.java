package org.pchatfailover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pchatfailover.LabDrill;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupShareAdapter;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.sqlserver.SqlServerAdapter;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * pipelinedVsSequentialRatio: {@value #FILES} log backups only on the share, the lab's copy and restore each given
 * {@value #DELAY_MS} ms per file. A: ApplyLogBackups alone, which copies the next file while SQL Server restores the
 * previous one. B: strictly sequential, CopyBackupFiles then ApplyLogBackups. The lab's {@code copyMs} slows the
 * lab SQL Server's reads of the share; the product's own copy is slowed by the same delay here, in a
 * {@link BackupShareAdapter} of the benchmark's (docs/notes-faults.md).
 */
class PipelineBench extends LabBench {

	static final int FILES = 100;

	static final int DELAY_MS = 30;

	static final int WARMUPS = 1;

	static final int ROUNDS = 5;

	@Autowired
	SqlServerAdapter sqlServer;

	@Autowired
	Topology topology;

	final SlowCopyShare share = new SlowCopyShare();

	@Test
	void overlappedCopyAndRestoreAgainstCopyThenRestore() throws Exception {
		BenchFigures figures = BenchFigures.of(getClass());
		BenchStats.Interleaved runs = interleaved(DELAY_MS);
		// the same without any delay: what each file costs our code and the lab besides the two delays, which is
		// what keeps the ratio above the floor of 0.5 (DESIGN-NOTES, "Benchmarks")
		BenchStats.Interleaved undelayed = interleaved(0);
		figures.detail("files", FILES).detail("delayMsPerFile", DELAY_MS);
		figures.detail("pipelinedMs", runs.aMs()).detail("sequentialMs", runs.bMs()).detail("ratios", runs.ratios());
		figures.detail("undelayedPipelinedMs", undelayed.aMs()).detail("undelayedSequentialMs", undelayed.bMs());
		figures.detail("undelayedPipelinedMsPerFile", BenchStats.round(BenchStats.median(undelayed.aMs()) / FILES, 2))
			.detail("undelayedSequentialMsPerFile", BenchStats.round(BenchStats.median(undelayed.bMs()) / FILES, 2));
		figures.figure("pipelinedVsSequentialRatio", BenchStats.round(runs.medianRatio(), 3));
	}

	/** A: ApplyLogBackups alone; B: CopyBackupFiles then ApplyLogBackups; each from a fresh scenario, untimed. */
	private BenchStats.Interleaved interleaved(int delayMs) throws Exception {
		LogShippingService service = new LogShippingService(sqlServer, share);
		Pool pool = topology.pool(LabDrill.POOL);
		return BenchStats.interleave(WARMUPS, ROUNDS, () -> {
			reset(delayMs);
			return BenchStats.timeMs(() -> {
				List<String> restored = service.applyPendingLogs(pool, new ActionLog());
				assertThat(restored).hasSize(FILES + 1);
				return restored;
			});
		}, () -> {
			reset(delayMs);
			return BenchStats.timeMs(() -> {
				assertThat(service.copyMissingFiles(pool, new ActionLog())).hasSize(FILES);
				List<String> restored = service.applyPendingLogs(pool, new ActionLog());
				assertThat(restored).hasSize(FILES + 1);
				return restored;
			});
		});
	}

	/** uncopied-files keeps five logs restored and six copied: logs = FILES + 6 leaves FILES only on the share. */
	private void reset(int delayMs) {
		var state = drill.json("admin", "POST", "/api/lab/scenarios/uncopied-files?logs=" + (FILES + 6) + "&copyMs="
				+ delayMs + "&restoreMs=" + delayMs, null, 200);
		share.copyMs = state.at("/sql/sizing/copyMs").asLong();
	}

	/** The product's copy, slowed by the lab's per-file read delay of the share, as a WAN would slow it. */
	static final class SlowCopyShare extends BackupShareAdapter {

		volatile long copyMs;

		@Override
		public CopyOutcome copyLogBackup(Pool pool, String sourceFolder, String destinationFolder, String fileName) {
			try {
				Thread.sleep(copyMs);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while copying " + fileName, ex);
			}
			return super.copyLogBackup(pool, sourceFolder, destinationFolder, fileName);
		}

	}

}
