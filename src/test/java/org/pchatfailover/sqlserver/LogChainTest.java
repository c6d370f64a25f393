package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** SQL Server's log-chain rules: applied, next, gap, data-loss window. */
class LogChainTest {

	static BackupHeader log(String name, long first, long last, String finished) {
		return new BackupHeader(name, "\\\\copy\\" + name, "mgc", BackupHeader.LOG, BigInteger.valueOf(first),
				BigInteger.valueOf(last), Instant.parse(finished));
	}

	final BackupHeader a = log("mgc_1.trn", 100, 200, "2026-11-25T08:00:00Z");

	final BackupHeader b = log("mgc_2.trn", 200, 300, "2026-11-25T08:15:00Z");

	final BackupHeader c = log("mgc_3.trn", 300, 400, "2026-11-25T08:30:00Z");

	final BackupHeader d = log("mgc_4.trn", 400, 500, "2026-11-25T08:45:00Z");

	@Test
	void appliesFromTheLogContainingTheRedoLsnInLsnOrder() {
		LogChain.Analysis chain = LogChain.analyse(BigInteger.valueOf(200), List.of(d, b, a, c));
		assertThat(chain.alreadyApplied()).containsExactly(a);
		assertThat(chain.toApply()).containsExactly(b, c, d);
		assertThat(chain.gap()).isNull();
		assertThat(chain.dataLoss().lastRecoverableAt()).isEqualTo(d.backupFinishDate());
	}

	@Test
	void startsWithALogWhoseFirstLsnIsBeforeTheRedoLsn() {
		LogChain.Analysis chain = LogChain.analyse(BigInteger.valueOf(250), List.of(a, b, c));
		assertThat(chain.toApply()).containsExactly(b, c);
	}

	@Test
	void treatsALogEndingAtTheRedoLsnAsApplied() {
		LogChain.Analysis chain = LogChain.analyse(BigInteger.valueOf(300), List.of(a, b));
		assertThat(chain.alreadyApplied()).containsExactly(a, b);
		assertThat(chain.toApply()).isEmpty();
	}

	@Test
	void stopsAtAGapAndReportsWhatIsLost() {
		LogChain.Analysis chain = LogChain.analyse(BigInteger.valueOf(200), List.of(a, b, d));
		assertThat(chain.toApply()).containsExactly(b);
		assertThat(chain.gap().expectedFirstLsn()).isEqualTo("300");
		assertThat(chain.gap().foundFile()).isEqualTo("mgc_4.trn");
		assertThat(chain.gap().foundFirstLsn()).isEqualTo("400");
		assertThat(chain.dataLoss().lastRecoverableAt()).isEqualTo(b.backupFinishDate());
		assertThat(chain.dataLoss().lostUntil()).isEqualTo(d.backupFinishDate());
	}

	@Test
	void namesTheMissingLogTheLastTransactionRecoveredAndThatEverythingAfterItIsLost() {
		BackupHeader first = log("mgc_20261125080000.trn", 100, 200, "2026-11-25T08:00:05Z");
		BackupHeader second = log("mgc_20261125081500.trn", 200, 300, "2026-11-25T08:15:05Z");
		BackupHeader afterGap = log("mgc_20261125084500.trn", 400, 500, "2026-11-25T08:45:05Z");
		LogChain.Analysis chain = LogChain.analyse(BigInteger.valueOf(200), List.of(first, second, afterGap));

		assertThat(chain.dataLoss().description()).isEqualTo("DATA LOSS: missing mgc_20261125083000.trn (named by the "
				+ "backup job's schedule: the log backup(s) taken after mgc_20261125081500.trn and before "
				+ "mgc_20261125084500.trn, LSN 300 to 400). The last transaction recovered is in mgc_20261125081500.trn "
				+ "(LastLSN 300, backup finished 2026-11-25T08:15:05 UTC). EVERYTHING AFTER IT IS LOST: the missing "
				+ "log backup(s), the 1 log backup(s) after the gap that cannot be applied (up to 2026-11-25T08:45:05 "
				+ "UTC), and whatever the primary did after its last log backup.");
	}

	@Test
	void saysTheMissingRangeWithoutGuessingNamesOffTheSchedule() {
		BackupHeader first = log("mgc_20261125080000.trn", 100, 200, "2026-11-25T08:00:05Z");
		BackupHeader second = log("mgc_20261125081500.trn", 200, 300, "2026-11-25T08:15:05Z");
		BackupHeader afterGap = log("mgc_20261125083712.trn", 400, 500, "2026-11-25T08:37:17Z");
		LogChain.Analysis chain = LogChain.analyse(BigInteger.valueOf(200), List.of(first, second, afterGap));

		assertThat(chain.dataLoss().description()).startsWith("DATA LOSS: the log backup(s) taken after "
				+ "mgc_20261125081500.trn and before mgc_20261125083712.trn, LSN 300 to 400 are missing. ");
	}

	@Test
	void reportsAGapWhenTheFirstPendingLogStartsAfterTheRedoLsn() {
		LogChain.Analysis chain = LogChain.analyse(BigInteger.valueOf(150), List.of(b, c));
		assertThat(chain.toApply()).isEmpty();
		assertThat(chain.gap().foundFile()).isEqualTo("mgc_2.trn");
	}

	@Test
	void skipsADuplicateLogCoveredByOneAlreadyChosen() {
		BackupHeader duplicate = log("mgc_2b.trn", 200, 300, "2026-11-25T08:16:00Z");
		LogChain.Analysis chain = LogChain.analyse(BigInteger.valueOf(200), List.of(b, duplicate, c));
		assertThat(chain.toApply()).extracting(BackupHeader::lastLsn)
			.containsExactly(BigInteger.valueOf(300), BigInteger.valueOf(400));
	}

	@Test
	void needsARedoLsn() {
		assertThatThrownBy(() -> LogChain.analyse(null, List.of(a))).isInstanceOf(NullPointerException.class);
	}

}
