package org.pchatfailover.lync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatfailover.i18n.DisplaySentences;
import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;

/**
 * The active servers' evidence (VerifyService's form) is stored in English and read in each of the five languages,
 * line by line: every variant of every line, its server names, times, database, instance and reason kept exactly.
 */
class ActiveServerEvidenceTranslationTest {

	private static final String INSTANCE = "DAL-SQL-BK\\PCHAT";

	private static final LocalDateTime PING = LocalDateTime.parse("2026-11-29T06:45:12");

	private static final ActiveServerEvidence MIXED = new ActiveServerEvidence(INSTANCE, "mgc",
			List.of(new ActiveServerEvidence.ServerPing("dal-pc-001.litwareinc.com", "10.0.0.1", PING, true),
					new ActiveServerEvidence.ServerPing("dal-pc-002.litwareinc.com", "10.0.0.2", PING, false),
					new ActiveServerEvidence.ServerPing("dal-pc-003.litwareinc.com", null, null, false)),
			null);

	private static final ActiveServerEvidence CONFIRMED = new ActiveServerEvidence(INSTANCE, "mgc",
			List.of(new ActiveServerEvidence.ServerPing("dal-pc-001.litwareinc.com", "10.0.0.1", PING, true)), null);

	private static final ActiveServerEvidence UNREADABLE = new ActiveServerEvidence(INSTANCE, "mgc", List.of(),
			"error 208: Invalid object name 'dbo.tblServerIdentity'.");

	static List<Locale> translations() {
		return Languages.SUPPORTED.stream().filter(locale -> !locale.equals(Languages.ENGLISH)).toList();
	}

	@Test
	void storesTheSameEnglishAsBefore() {
		assertThat(MIXED.summary()).isEqualTo("Active servers set, not confirmed by the database: "
				+ "mgc.dbo.tblServerIdentity on DAL-SQL-BK\\PCHAT\n"
				+ "  - dal-pc-001.litwareinc.com: pinged 2026-11-29T06:45:12 (serverLastPingTime as stored, in a time "
				+ "zone the references do not name)\n"
				+ "  - dal-pc-002.litwareinc.com: no ping since the set; last ping 2026-11-29T06:45:12 "
				+ "(serverLastPingTime as stored, in a time zone the references do not name)\n"
				+ "  - dal-pc-003.litwareinc.com: no row, it has not pinged mgc\n");
		assertThat(UNREADABLE.summary()).isEqualTo("Active servers set, not confirmed by the database: "
				+ "mgc.dbo.tblServerIdentity on DAL-SQL-BK\\PCHAT could not be read (error 208: Invalid object name "
				+ "'dbo.tblServerIdentity'.)\n");
	}

	@ParameterizedTest
	@MethodSource("translations")
	void saysEveryLineInTheReadersLanguageKeepingItsValues(Locale language) {
		Messages messages = Messages.of(language);
		for (ActiveServerEvidence evidence : List.of(MIXED, CONFIRMED, UNREADABLE)) {
			String english = evidence.summary();
			String said = DisplaySentences.translate(english, messages);
			List<String> englishLines = english.lines().toList();
			List<String> saidLines = said.lines().toList();
			assertThat(saidLines).as(said).hasSameSizeAs(englishLines);
			assertThat(said).endsWith("\n").contains("mgc.dbo.tblServerIdentity", INSTANCE);
			for (int i = 0; i < englishLines.size(); i++) {
				assertThat(saidLines.get(i)).as(language + ": " + englishLines.get(i)).isNotEqualTo(englishLines.get(i));
			}
		}
		String mixed = DisplaySentences.translate(MIXED.summary(), messages);
		assertThat(mixed).contains("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com", "dal-pc-003.litwareinc.com",
				"2026-11-29T06:45:12", "serverLastPingTime");
		assertThat(mixed.lines().skip(1)).allMatch(line -> line.startsWith("  - dal-pc-00"));
		assertThat(DisplaySentences.translate(UNREADABLE.summary(), messages))
			.contains("error 208: Invalid object name 'dbo.tblServerIdentity'.");
	}

	@Test
	void readsGermanAndChineseAsAnOperatorWould() {
		assertThat(DisplaySentences.translate(CONFIRMED.summary(), Messages.of(Languages.GERMAN)))
			.isEqualTo("Aktive Server festgelegt und von der Datenbank bestätigt: mgc.dbo.tblServerIdentity auf "
					+ "DAL-SQL-BK\\PCHAT\n  - dal-pc-001.litwareinc.com: Ping um 2026-11-29T06:45:12 (serverLastPingTime "
					+ "wie gespeichert, in einer Zeitzone, die die Referenzen nicht nennen)\n");
		assertThat(DisplaySentences.translate(MIXED.summary(), Messages.of(Languages.SIMPLIFIED_CHINESE)))
			.startsWith("已设置活动服务器，但未得到数据库确认：DAL-SQL-BK\\PCHAT 上的 mgc.dbo.tblServerIdentity\n")
			.contains("  - dal-pc-003.litwareinc.com：没有行，它尚未 ping 过 mgc\n");
	}

}
