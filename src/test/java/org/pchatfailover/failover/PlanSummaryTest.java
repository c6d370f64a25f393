package org.pchatfailover.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.pchatfailover.sqlserver.FailoverPlan;
import org.pchatfailover.sqlserver.FailoverPlan.LogBackup;

class PlanSummaryTest {

	private static final Instant CHECKED = Instant.parse("2026-11-29T12:00:00Z");

	@Test
	void listsAShortPlanFileByFile() {
		String summary = PlanSummary.describe(plan(3, "\\\\atl-fs-01\\logship\\mgc"));

		assertThat(summary).contains("Files to copy: 3\n  - mgc_00001.trn\n  - mgc_00002.trn\n  - mgc_00003.trn\n")
			.contains("Log backups to apply in LSN order: 3\n  - mgc_00001.trn (LSN ")
			.doesNotContain("more, every one in");
	}

	@Test
	void showsTenThousandPendingLogsByTheirCountAndEndsWithinAStringVariable() {
		// folders as long as Windows lets a path be: the summary still fits
		String longFolder = "\\\\atl-fs-01\\" + "logship-of-the-persistent-chat-pool\\".repeat(6);
		String summary = PlanSummary.describe(plan(10_000, longFolder));

		assertThat(summary).hasSizeLessThanOrEqualTo(TextVariables.MAX_LENGTH)
			.contains("Files to copy: 10000\n", "Log backups to apply in LSN order: 10000\n")
			.contains("  - mgc_00001.trn (LSN ", "  - mgc_00005.trn (LSN ", "  - mgc_09996.trn (LSN ",
					"  - mgc_10000.trn (LSN ")
			.contains("  ... 9990 more, every one in the process variable failoverPlan")
			.doesNotContain("mgc_00006.trn", "mgc_09995.trn");
	}

	@Test
	void listsTwentyInFullAndTwentyOneByTheirEnds() {
		assertThat(PlanSummary.describe(plan(PlanSummary.LISTED_IN_FULL, "\\\\fs\\share"))).contains("mgc_00011.trn")
			.doesNotContain("more, every one in");
		assertThat(PlanSummary.describe(plan(PlanSummary.LISTED_IN_FULL + 1, "\\\\fs\\share")))
			.contains("  ... 11 more, every one in").doesNotContain("mgc_00011.trn");
	}

	private static FailoverPlan plan(int pending, String share) {
		List<String> files = IntStream.rangeClosed(1, pending).mapToObj(i -> String.format("mgc_%05d.trn", i)).toList();
		BigInteger lsn = new BigInteger("41000000012345600001");
		List<LogBackup> logs = IntStream.range(0, pending)
			.mapToObj(i -> new LogBackup(files.get(i), lsn.add(BigInteger.valueOf(i * 1000L)).toString(),
					lsn.add(BigInteger.valueOf(i * 1000L + 1000)).toString(), CHECKED.minusSeconds(60L * (pending - i))))
			.toList();
		return new FailoverPlan("atl-cs-001.litwareinc.com", "mgc", "dal-sql-bk.litwareinc.com\\PCHAT", "RESTORING",
				lsn.toString(), share, share.replace("atl-fs-01", "dal-fs-01"), "mgc_00000.trn", "mgc_00000.trn", files,
				logs, List.of(), null, null, CHECKED);
	}

}
