package org.pchatfailover.readiness;

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
 * The estate check's summary (ConfirmFailover's readinessSummary) is stored in English and read in each of the five
 * languages: the fixed words translated, each check's name kept, and what SQL Server or Lync said kept as it said it.
 */
class ReadinessSummaryTranslationTest {

	private static final Instant CHECKED = Instant.parse("2026-11-29T12:00:00Z");

	private static final String SQL_SAID = "cannot connect to SQL Server dal-sql-bk.litwareinc.com\\PCHAT: "
			+ "Connection refused";

	private static final String REMEDY = "check that dal-sql-bk.litwareinc.com\\PCHAT is up and reachable from this "
			+ "host, and pchat.pools[].backup-sql (jdbc-url, user, password-env or password-file)";

	private static final ReadinessReport READY = ReadinessReport.of("atl-cs-001.litwareinc.com", CHECKED,
			List.of(ReadinessCheck.passed("backup-sql-login", "logged in"),
					ReadinessCheck.passed("backup-sql-version", "11.0.7001.0")),
			CHECKED);

	private static final ReadinessReport NOT_READY = ReadinessReport.of("atl-cs-001.litwareinc.com", CHECKED,
			List.of(ReadinessCheck.failed("backup-sql-login", SQL_SAID, REMEDY),
					ReadinessCheck.notChecked("backup-sql-version",
							"cannot log in to dal-sql-bk.litwareinc.com\\PCHAT"),
					ReadinessCheck.passed("lync-shell-login", "logged in")),
			null);

	static List<Locale> translations() {
		return Languages.SUPPORTED.stream().filter(locale -> !locale.equals(Languages.ENGLISH)).toList();
	}

	@Test
	void storesTheSameEnglishAsBefore() {
		assertThat(READY.summary()).isEqualTo("Estate check of 2026-11-29T12:00:00Z: ready, 2 checks passed\n");
		assertThat(NOT_READY.summary()).isEqualTo("Estate check of 2026-11-29T12:00:00Z: NOT READY, 2 of 3 checks "
				+ "failed\n  - backup-sql-login: " + SQL_SAID + " -> " + REMEDY + "\n  - backup-sql-version: not "
				+ "checked: cannot log in to dal-sql-bk.litwareinc.com\\PCHAT -> fix the failed check it depends on, "
				+ "then check again\n");
		assertThat(NOT_READY.checks().get(1).evidence())
			.isEqualTo("not checked: cannot log in to dal-sql-bk.litwareinc.com\\PCHAT");
	}

	@ParameterizedTest
	@MethodSource("translations")
	void saysTheFixedWordsInTheReadersLanguageKeepingNamesAndWhatTheServerSaid(Locale language) {
		Messages messages = Messages.of(language);
		String ready = DisplaySentences.translate(READY.summary(), messages);
		assertThat(ready).isNotEqualTo(READY.summary()).contains("2026-11-29T12:00:00Z", "2").endsWith("\n")
			.doesNotContain("Estate check", "ready", "passed");

		String english = NOT_READY.summary();
		String said = DisplaySentences.translate(english, messages);
		List<String> lines = said.lines().toList();
		assertThat(lines).as(said).hasSameSizeAs(english.lines().toList());
		assertThat(lines.get(0)).contains("2026-11-29T12:00:00Z", "2", "3").doesNotContain("NOT READY", "Estate");
		assertThat(lines.get(1)).as("what SQL Server said stays as it said it")
			.startsWith("  - backup-sql-login").contains(SQL_SAID + " -> ").endsWith(REMEDY)
			.isNotEqualTo("  - backup-sql-login: " + SQL_SAID + " -> " + REMEDY);
		assertThat(lines.get(2)).startsWith("  - backup-sql-version")
			.contains("cannot log in to dal-sql-bk.litwareinc.com\\PCHAT -> ")
			.doesNotContain("not checked", "fix the failed check");
	}

	@Test
	void readsGermanAndChineseAsAnOperatorWould() {
		assertThat(DisplaySentences.translate(NOT_READY.summary(), Messages.of(Languages.GERMAN)))
			.startsWith("Umgebungsprüfung von 2026-11-29T12:00:00Z: NICHT BEREIT, 2 von 3 Prüfungen fehlgeschlagen\n")
			.contains("\n  - backup-sql-version: nicht geprüft: cannot log in to dal-sql-bk.litwareinc.com\\PCHAT -> "
					+ "Abhilfe: beheben Sie die fehlgeschlagene Prüfung, von der sie abhängt, und prüfen Sie dann erneut\n");
		assertThat(DisplaySentences.translate(READY.summary(), Messages.of(Languages.SIMPLIFIED_CHINESE)))
			.isEqualTo("2026-11-29T12:00:00Z 的环境检查：就绪，2 项检查通过\n");
	}

}
