package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatfailover.sqlserver.LogChainTest.log;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatfailover.i18n.DataLossStatements;
import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;

/**
 * Every shape of {@link DataLossStatement} reaches a reader in each language with every file name, LSN and time
 * kept: i18n reads the English sentence back by its templates, so a change to one without the other fails here.
 */
class DataLossStatementTranslationTest {

	static Stream<String> statements() {
		BackupHeader first = log("mgc_20261125080000.trn", 100, 200, "2026-11-25T08:00:05Z");
		BackupHeader second = log("mgc_20261125081500.trn", 200, 300, "2026-11-25T08:15:05Z");
		BackupHeader named = log("mgc_20261125084500.trn", 400, 500, "2026-11-25T08:45:05Z");
		BackupHeader offSchedule = log("mgc_20261125083712.trn", 400, 500, "2026-11-25T08:37:17Z");
		BackupHeader muchLater = log("mgc_20261125120000.trn", 900, 1000, "2026-11-25T12:00:05Z");
		BackupHeader unknownTime = new BackupHeader("mgc_x.trn", "\\\\copy\\mgc_x.trn", "mgc", BackupHeader.LOG,
				BigInteger.valueOf(300), BigInteger.valueOf(350), null);
		List<String> statements = new ArrayList<>();
		statements.add(DataLossStatement.of(BigInteger.valueOf(300), List.of(first, second), named, List.of(named)));
		statements.add(DataLossStatement.of(BigInteger.valueOf(300), List.of(first, second), offSchedule,
				List.of(offSchedule)));
		statements.add(DataLossStatement.of(BigInteger.valueOf(300), List.of(first, second), muchLater,
				List.of(muchLater)));
		statements.add(DataLossStatement.of(BigInteger.valueOf(150), List.of(), second, List.of()));
		statements.add(DataLossStatement.of(BigInteger.valueOf(150), List.of(), null, List.of()));
		statements.add(DataLossStatement.of(BigInteger.valueOf(300), List.of(unknownTime), named, List.of(named)));
		statements.add(DataLossStatement.refusedAsTooRecent(named));
		return statements.stream();
	}

	@ParameterizedTest
	@MethodSource("statements")
	void everyLanguageSaysTheStatementWithEveryValue(String english) {
		List<String> values = new ArrayList<>(
				java.util.regex.Pattern.compile("mgc_\\w+\\.trn|\\b\\d{3,}\\b").matcher(english).results()
					.map(java.util.regex.MatchResult::group).toList());
		assertThat(values).isNotEmpty();
		for (Locale language : Languages.SUPPORTED) {
			String translated = DataLossStatements.translate(english, Messages.of(language));
			if (language.equals(Languages.ENGLISH)) {
				assertThat(translated).isEqualTo(english);
				continue;
			}
			assertThat(translated).as(language + ": " + english).isNotEqualTo(english)
				.doesNotContain("DATA LOSS", "EVERYTHING AFTER IT IS LOST", "log backup(s)", "more)", "unknown time");
			assertThat(values).allSatisfy(value -> assertThat(translated).as(language.toString()).contains(value));
		}
	}

	@ParameterizedTest
	@MethodSource("statements")
	void aTextThatIsNotAStatementStaysAsItIs(String english) {
		String changed = english.replace("EVERYTHING AFTER IT IS LOST", "SOMETHING ELSE");
		assertThat(DataLossStatements.translate(changed, Messages.of(Languages.GERMAN))).isEqualTo(changed);
		assertThat(DataLossStatements.translate("DATA LOSS", Messages.of(Languages.GERMAN))).isEqualTo("DATA LOSS");
		assertThat(Instant.parse("2026-11-25T08:00:05Z")).isNotNull();
	}

}
