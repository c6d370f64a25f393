package org.pchatfailover.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every stored English display sentence (a round's reason, the next step that cannot be undone) comes back in each
 * of the five languages, its values exactly as they were; anything else stays as it is.
 */
class DisplaySentencesTest {

	private static final Set<String> WITH_COMMENT = Set.of("round.failoverNotCountersigned",
			"round.failoverApprovedAgain", "round.chainStillBroken", "round.dataLossNotCountersigned",
			"round.dataLossChosenAgain", "round.serviceNotVerified", "round.logShippingFailedAgain");

	private static final Set<String> WITH_STEP = Set.of("noReturn.removeLogShipping", "noReturn.recoverDatabase",
			"noReturn.restorePrimary");

	// a comment that itself looks like our words must stay the operator's: "a: b" and "(no comment)" inside it
	private static final String COMMENT = "rooms: do not load (no comment) | <b>\"x\"</b> 8:15";

	static java.util.List<Locale> translations() {
		return MessageBundlesTest.translations();
	}

	@ParameterizedTest
	@MethodSource("translations")
	void saysEveryRoundReasonInTheReadersLanguageKeepingTheComment(Locale language) {
		Messages messages = Messages.of(language);
		for (String template : WITH_COMMENT) {
			String english = DisplaySentences.english(template, Map.of("comment", COMMENT));
			String said = DisplaySentences.translate(english, messages);
			assertThat(said).as(template).isNotEqualTo(english).endsWith(COMMENT)
				.isEqualTo(Templates.fill(messages.text("display." + template), Map.of("comment", COMMENT)));

			String empty = DisplaySentences.english(template, Map.of("comment", DisplaySentences.noComment()));
			assertThat(DisplaySentences.translate(empty, messages)).as(template + " without a comment")
				.endsWith(messages.text("display.noComment"))
				.doesNotContain("(no comment)");
		}
		String cameBack = DisplaySentences.english("round.cameBack", Map.of());
		assertThat(DisplaySentences.translate(cameBack, messages)).isEqualTo(messages.text("display.round.cameBack"))
			.isNotEqualTo(cameBack);
	}

	@ParameterizedTest
	@MethodSource("translations")
	void saysWhatCannotBeUndoneInTheReadersLanguageKeepingTheStepAndTheStatement(Locale language) {
		Messages messages = Messages.of(language);
		for (String template : WITH_STEP) {
			String english = DisplaySentences.english(template, Map.of("step", "Remove log shipping"));
			String said = DisplaySentences.translate(english, messages);
			assertThat(said).as(template).isNotEqualTo(english).startsWith("Remove log shipping");
			String command = template.endsWith("removeLogShipping") ? "sp_delete_log_shipping_secondary_database"
					: template.endsWith("recoverDatabase") ? "RESTORE DATABASE mgc WITH RECOVERY"
							: "RESTORE DATABASE mgc WITH REPLACE";
			assertThat(english).contains(command);
			assertThat(said).as(template).contains(command);
		}
	}

	@Test
	void readsTheRunbooksWordsInEachLanguage() {
		String english = DisplaySentences.english("round.serviceNotVerified", Map.of("comment", "rooms do not load"));
		assertThat(english).isEqualTo("the service was not verified: rooms do not load");
		assertThat(DisplaySentences.translate(english, Messages.of(Languages.BRAZILIAN_PORTUGUESE)))
			.isEqualTo("o serviço não foi verificado: rooms do not load");
		assertThat(DisplaySentences.translate(english, Messages.of(Languages.ITALIAN)))
			.isEqualTo("il servizio non è stato verificato: rooms do not load");
		assertThat(DisplaySentences.translate(english, Messages.of(Languages.SPANISH)))
			.isEqualTo("no se comprobó el servicio: rooms do not load");
		assertThat(DisplaySentences.translate(english, Messages.of(Languages.SIMPLIFIED_CHINESE)))
			.isEqualTo("服务未通过验证：rooms do not load");
		assertThat(DisplaySentences.translate(english, Messages.of(Languages.GERMAN)))
			.isEqualTo("der Dienst wurde nicht überprüft: rooms do not load");
		String shipping = DisplaySentences.english("round.logShippingFailedAgain", Map.of("comment", "error 14262"));
		assertThat(DisplaySentences.translate(shipping, Messages.of(Languages.GERMAN)))
			.isEqualTo("das erneute Einrichten des Protokollversands ist wieder fehlgeschlagen: error 14262");
		assertThat(DisplaySentences.translate(shipping, Messages.of(Languages.SPANISH)))
			.contains("trasvase de registros");
	}

	@Test
	void leavesEnglishReadersAndOtherTextsAlone() {
		String english = DisplaySentences.english("round.serviceNotVerified", Map.of("comment", "x"));
		assertThat(DisplaySentences.translate(english, Messages.of(Languages.ENGLISH))).isSameAs(english);
		assertThat(DisplaySentences.translate("Confirm failover", Messages.of(Languages.GERMAN)))
			.isEqualTo("Confirm failover");
		assertThat(DisplaySentences.translate(null, Messages.of(Languages.GERMAN))).isNull();
	}

}
