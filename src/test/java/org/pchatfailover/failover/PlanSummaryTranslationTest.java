package org.pchatfailover.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatfailover.i18n.DisplaySentences;
import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;
import org.pchatfailover.sqlserver.FailoverPlan;
import org.pchatfailover.sqlserver.FailoverPlan.DataLossWindow;
import org.pchatfailover.sqlserver.FailoverPlan.LogBackup;
import org.pchatfailover.sqlserver.FailoverPlan.LogChainGap;

/**
 * ConfirmFailover's plan is stored in English and read in each of the five languages line by line: every line kind
 * (with and without the redo LSN, empty and listed and cut lists, a gap with and without the file after it, the
 * data-loss line), its pool, database, instance, folders, files and LSNs kept exactly; the listed items stay as they
 * are.
 */
class PlanSummaryTranslationTest {

	private static final Instant CHECKED = Instant.parse("2026-11-29T12:00:00Z");

	private static final String INSTANCE = "dal-sql-bk.litwareinc.com\\PCHAT";

	private static final String SHARE = "\\\\atl-fs-01\\logship\\mgc";

	private static final String STATEMENT = "DATA LOSS: the log backup(s) after LSN 41000000012346000001 are missing. "
			+ "The last transaction recovered is at LSN 41000000012346000001, the redo LSN log shipping restored up to "
			+ "before the failover. EVERYTHING AFTER IT IS LOST: the missing log backup(s) and whatever the primary did "
			+ "after its last log backup.";

	/** A broken chain: two logs to apply, then a gap before mgc_00009.trn. */
	private static final FailoverPlan BROKEN = plan(2, "41000000012345600001",
			new LogChainGap("41000000012345602001", "mgc_00009.trn", "41000000012345609001"),
			new DataLossWindow(CHECKED.minusSeconds(600), CHECKED.minusSeconds(60), STATEMENT));

	/** Nothing to copy or apply, no redo LSN, no folders read, no log after the gap. */
	private static final FailoverPlan EMPTY = new FailoverPlan("atl-cs-001.litwareinc.com", "mgc", INSTANCE, "ONLINE",
			null, null, null, null, null, List.of(), List.of(), List.of(),
			new LogChainGap("41000000012346000001", null, null), null, CHECKED);

	/** Twenty-one pending logs: the ends and the "more" line. */
	private static final FailoverPlan LONG = plan(PlanSummary.LISTED_IN_FULL + 1, "41000000012345600001", null, null);

	static List<Locale> translations() {
		return Languages.SUPPORTED.stream().filter(locale -> !locale.equals(Languages.ENGLISH)).toList();
	}

	@Test
	void storesTheSameEnglishAsBefore() {
		assertThat(PlanSummary.describe(BROKEN)).isEqualTo("Pool atl-cs-001.litwareinc.com: database mgc on "
				+ INSTANCE + " is RESTORING (redo LSN 41000000012345600001)\n"
				+ "Backup share: " + SHARE + "\n"
				+ "Copy destination: \\\\dal-fs-01\\logship\\mgc\n"
				+ "Last copied: mgc_00000.trn; last restored: mgc_00000.trn\n"
				+ "Files to copy: 2\n  - mgc_00001.trn\n  - mgc_00002.trn\n"
				+ "Log backups to apply in LSN order: 2\n"
				+ "  - mgc_00001.trn (LSN 41000000012345600001 - 41000000012345601001)\n"
				+ "  - mgc_00002.trn (LSN 41000000012345601001 - 41000000012345602001)\n"
				+ "Log backups already applied: 1\n"
				+ "LOG CHAIN BROKEN: next log must start at or before LSN 41000000012345602001, but mgc_00009.trn "
				+ "starts at 41000000012345609001\n"
				+ "Data loss: " + STATEMENT + "\n");
		assertThat(PlanSummary.describe(EMPTY)).isEqualTo("Pool atl-cs-001.litwareinc.com: database mgc on "
				+ INSTANCE + " is ONLINE\nBackup share: -\nCopy destination: -\nLast copied: -; last restored: -\n"
				+ "Files to copy: none\nLog backups to apply in LSN order: none\nLog backups already applied: 0\n"
				+ "LOG CHAIN BROKEN: next log must start at or before LSN 41000000012346000001\n");
		assertThat(PlanSummary.describe(LONG)).contains("\n  ... 11 more, every one in " + PlanSummary.FULL_PLAN + "\n");
	}

	@ParameterizedTest
	@MethodSource("translations")
	void saysEveryFixedLineInTheReadersLanguageKeepingItsValues(Locale language) {
		Messages messages = Messages.of(language);
		for (FailoverPlan plan : List.of(BROKEN, EMPTY, LONG)) {
			String english = PlanSummary.describe(plan);
			String said = DisplaySentences.translate(english, messages);
			List<String> englishLines = english.lines().toList();
			List<String> saidLines = said.lines().toList();
			assertThat(said).as(said).endsWith("\n");
			assertThat(saidLines).as(said).hasSameSizeAs(englishLines);
			for (int i = 0; i < englishLines.size(); i++) {
				String line = englishLines.get(i);
				if (line.startsWith("  - ")) {
					assertThat(saidLines.get(i)).as(language + ": an item is a value").isEqualTo(line);
				}
				else {
					assertThat(saidLines.get(i)).as(language + ": " + line).isNotEqualTo(line);
				}
			}
			assertThat(said).contains("atl-cs-001.litwareinc.com", "mgc", INSTANCE);
		}
		assertThat(DisplaySentences.translate(PlanSummary.describe(BROKEN), messages)).contains("RESTORING",
				"41000000012345600001", SHARE, "\\\\dal-fs-01\\logship\\mgc", "mgc_00000.trn", "41000000012345602001",
				"mgc_00009.trn", "41000000012345609001", "41000000012346000001")
			.doesNotContain("DATA LOSS", "EVERYTHING AFTER IT IS LOST");
		assertThat(DisplaySentences.translate(PlanSummary.describe(EMPTY), messages)).contains("ONLINE")
			.doesNotContain("none");
		assertThat(DisplaySentences.translate(PlanSummary.describe(LONG), messages)).contains("11", "failoverPlan",
				"Cockpit", "  - mgc_00021.trn (LSN ");
	}

	@Test
	void readsGermanAndChineseAsAnOperatorWould() {
		String german = DisplaySentences.translate(PlanSummary.describe(BROKEN), Messages.of(Languages.GERMAN));
		assertThat(german).startsWith("Pool atl-cs-001.litwareinc.com: Datenbank mgc auf " + INSTANCE
				+ " ist RESTORING (Redo-LSN 41000000012345600001)\nSicherungsfreigabe: " + SHARE + "\n")
			.contains("\nIn LSN-Reihenfolge anzuwendende Sicherungen des Transaktionsprotokolls: 2\n")
			.contains("\nDatenverlust: DATENVERLUST: ");
		String chinese = DisplaySentences.translate(PlanSummary.describe(EMPTY),
				Messages.of(Languages.SIMPLIFIED_CHINESE));
		assertThat(chinese).contains("备份共享：-\n", "要复制的文件：无\n",
				"日志链中断：下一个日志备份必须从 LSN 41000000012346000001 或更早开始\n");
	}

	@Test
	void anEnglishReaderGetsTheStoredTextUnchanged() {
		String english = PlanSummary.describe(BROKEN);
		assertThat(DisplaySentences.translate(english, Messages.of(Languages.ENGLISH))).isSameAs(english);
	}

	private static FailoverPlan plan(int pending, String redoLsn, LogChainGap gap, DataLossWindow dataLoss) {
		List<String> files = IntStream.rangeClosed(1, pending).mapToObj(i -> String.format("mgc_%05d.trn", i)).toList();
		BigInteger lsn = new BigInteger(redoLsn);
		List<LogBackup> logs = IntStream.range(0, pending)
			.mapToObj(i -> new LogBackup(files.get(i), lsn.add(BigInteger.valueOf(i * 1000L)).toString(),
					lsn.add(BigInteger.valueOf(i * 1000L + 1000)).toString(), CHECKED))
			.toList();
		return new FailoverPlan("atl-cs-001.litwareinc.com", "mgc", INSTANCE, "RESTORING", redoLsn, SHARE,
				SHARE.replace("atl-fs-01", "dal-fs-01"), "mgc_00000.trn", "mgc_00000.trn", files, logs,
				List.of(new LogBackup("mgc_00000.trn", "1", "2", CHECKED)), gap, dataLoss, CHECKED);
	}

}
