package org.pchatfailover.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = { "de|de", "de-DE,de;q=0.9,en;q=0.8|de", "de-CH|de", "pt-BR|pt-BR",
			"pt|pt-BR", "pt-PT,pt;q=0.9|pt-BR", "it-IT|it", "es-MX,es;q=0.9|es", "zh-CN,zh;q=0.9|zh-CN",
			"zh|zh-CN", "zh-Hans|zh-CN", "zh-Hans-CN|zh-CN", "zh-TW,en;q=0.5|en", "zh-Hant,de;q=0.5|de",
			"fr-FR,fr;q=0.9|en", "fr-FR,fr;q=0.9,it;q=0.8|it", "en-US,en;q=0.9,de;q=0.8|en", "*|en", "''|en",
			"de;q=0,es|es", "not a header ;;; q=x|en", "en;q=0.4,zh-CN;q=0.6|zh-CN" })
	void answersInTheReadersBestLanguageWeSpeak(String acceptLanguage, String expected) {
		assertThat(Languages.tag(Languages.fromAcceptLanguage(acceptLanguage))).isEqualTo(expected);
	}

}
