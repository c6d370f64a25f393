package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatfailover.i18n.DisplaySentences;
import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;

/**
 * ConfirmOverwritePrimary's preview is stored in English and read in each of the five languages: every variant (size
 * known or not, restored into before or never, backup size reported or not), every value kept exactly.
 */
class OverwritePreviewTranslationTest {

	private static final Instant READ = Instant.parse("2026-11-29T12:00:00Z");

	static List<OverwritePreview> previews() {
		List<OverwritePreview> previews = new ArrayList<>();
		for (Long sizeKb : new Long[] { 10240L, null }) {
			for (Instant lastRestore : new Instant[] { Instant.parse("2026-11-20T08:00:00Z"), null }) {
				for (Long bytes : new Long[] { 5_242_880L, null }) {
					previews.add(new OverwritePreview(READ, "atl-sql-001.litwareinc.com\\PCHAT", "mgc", "ONLINE",
							sizeKb, lastRestore, "\\\\atl-fs-01\\logship\\mgc_failback_20261129115900.bak", "mgc",
							"DAL-SQL-BK\\PCHAT", bytes, Instant.parse("2026-11-29T11:59:30Z")));
				}
			}
		}
		return previews;
	}

	static List<Locale> translations() {
		return Languages.SUPPORTED.stream().filter(locale -> !locale.equals(Languages.ENGLISH)).toList();
	}

	/** The summary as it was written before the templates, concatenated: the stored English must not change. */
	private static String before(OverwritePreview p) {
		return "Overwrites " + p.database() + " on " + p.primaryInstance() + " (now " + p.primaryState() + ", "
				+ (p.primarySizeKb() == null ? "size unknown" : p.primarySizeKb() + " KB in data and log files") + ", "
				+ (p.primaryLastRestore() == null ? "never restored into"
						: "last restored into at " + p.primaryLastRestore())
				+ ").\nWith the full backup " + p.backupFile() + ": database " + p.backupDatabase() + " of "
				+ p.backupServer() + ", " + (p.backupSizeBytes() == null ? "size not reported" : p.backupSizeBytes()
						+ " bytes")
				+ ", finished at " + p.backupFinished() + ".\nRESTORE DATABASE " + p.database() + " ... WITH REPLACE, "
				+ "RECOVERY discards everything in the primary's " + p.database() + ". Read at " + p.checkedAt() + ".";
	}

	@Test
	void storesTheSameEnglishAsBefore() {
		assertThat(previews()).hasSize(8).allSatisfy(p -> assertThat(p.summary()).isEqualTo(before(p)));
	}

	@ParameterizedTest
	@MethodSource("translations")
	void saysEveryVariantInTheReadersLanguageKeepingItsValues(Locale language) {
		Messages messages = Messages.of(language);
		for (OverwritePreview preview : previews()) {
			String english = preview.summary();
			String said = DisplaySentences.translate(english, messages);
			List<String> englishLines = english.lines().toList();
			List<String> saidLines = said.lines().toList();
			assertThat(saidLines).as(said).hasSameSizeAs(englishLines);
			for (int i = 0; i < englishLines.size(); i++) {
				assertThat(saidLines.get(i)).as(language + ": " + englishLines.get(i)).isNotEqualTo(englishLines.get(i));
			}
			assertThat(said).contains("atl-sql-001.litwareinc.com\\PCHAT", "mgc", "ONLINE", "DAL-SQL-BK\\PCHAT",
					"\\\\atl-fs-01\\logship\\mgc_failback_20261129115900.bak", "2026-11-29T11:59:30Z",
					"2026-11-29T12:00:00Z", "RESTORE DATABASE mgc ... WITH REPLACE, RECOVERY")
				.doesNotContain("null", "unknown", "never", "not reported");
			if (preview.primarySizeKb() != null) {
				assertThat(said).contains("10240 KB");
			}
			if (preview.primaryLastRestore() != null) {
				assertThat(said).contains("2026-11-20T08:00:00Z");
			}
			if (preview.backupSizeBytes() != null) {
				assertThat(said).contains("5242880");
			}
		}
	}

}
