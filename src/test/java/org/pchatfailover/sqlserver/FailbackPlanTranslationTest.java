package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatfailover.i18n.DisplaySentences;
import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;

/**
 * ConfirmFailback's plan is stored in English and read in each of the five languages, its three lines with every
 * instance, state, file, folder and time kept exactly; the mirroring role is a value, as SQL Server's columns say it.
 */
class FailbackPlanTranslationTest {

	private static final FailbackPlan PLAN = new FailbackPlan(Instant.parse("2026-11-29T12:00:00Z"),
			"DAL-SQL-BK\\PCHAT", "ONLINE", "PRINCIPAL/SYNCHRONIZED, partner DAL-SQL-MR\\PCHAT",
			"atl-sql-001.litwareinc.com\\PCHAT", "ONLINE", "\\\\atl-fs-01\\logship\\mgc_failback_20261129120000.bak",
			"\\\\atl-fs-01\\logship", "D:\\LogShipping\\mgc");

	static List<Locale> translations() {
		return Languages.SUPPORTED.stream().filter(locale -> !locale.equals(Languages.ENGLISH)).toList();
	}

	@Test
	void storesTheSameEnglishAsBefore() {
		assertThat(PLAN.summary("mgc")).isEqualTo("Overwrites mgc on the primary instance "
				+ "atl-sql-001.litwareinc.com\\PCHAT (now ONLINE) with a full backup of mgc on the backup instance "
				+ "DAL-SQL-BK\\PCHAT (now ONLINE, PRINCIPAL/SYNCHRONIZED, partner DAL-SQL-MR\\PCHAT), taken after you "
				+ "approve, written to \\\\atl-fs-01\\logship\\mgc_failback_20261129120000.bak.\n"
				+ "Then log shipping runs again from atl-sql-001.litwareinc.com\\PCHAT through \\\\atl-fs-01\\logship "
				+ "to D:\\LogShipping\\mgc; mgc on DAL-SQL-BK\\PCHAT is overwritten by a fresh full backup of the "
				+ "primary and left RESTORING.\nPlan read at 2026-11-29T12:00:00Z.");
	}

	@ParameterizedTest
	@MethodSource("translations")
	void saysEveryLineInTheReadersLanguageKeepingItsValues(Locale language) {
		String english = PLAN.summary("mgc");
		String said = DisplaySentences.translate(english, Messages.of(language));
		List<String> englishLines = english.lines().toList();
		List<String> saidLines = said.lines().toList();
		assertThat(saidLines).as(said).hasSameSizeAs(englishLines);
		for (int i = 0; i < englishLines.size(); i++) {
			assertThat(saidLines.get(i)).as(language + ": " + englishLines.get(i)).isNotEqualTo(englishLines.get(i));
		}
		assertThat(said).doesNotEndWith("\n")
			.contains("mgc", "atl-sql-001.litwareinc.com\\PCHAT", "DAL-SQL-BK\\PCHAT",
					"PRINCIPAL/SYNCHRONIZED, partner DAL-SQL-MR\\PCHAT", "ONLINE", "RESTORING",
					"\\\\atl-fs-01\\logship\\mgc_failback_20261129120000.bak", "\\\\atl-fs-01\\logship",
					"D:\\LogShipping\\mgc", "2026-11-29T12:00:00Z");
	}

	@Test
	void aDatabaseNamedTwiceMustBeTheSameToBeRead() {
		String english = PLAN.summary("mgc");
		String changed = english.replaceFirst("full backup of mgc", "full backup of mgccomp");
		assertThat(DisplaySentences.translate(changed, Messages.of(Languages.GERMAN)).lines().findFirst())
			.contains(changed.lines().findFirst().orElseThrow());
	}

}
