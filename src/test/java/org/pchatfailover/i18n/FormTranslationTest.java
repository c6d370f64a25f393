package org.pchatfailover.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class FormTranslationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void translatesLabelsTextsAndOptionsButNotKeysValuesOrTemplating() throws Exception {
		JsonNode english = JSON.readTree(Path.of("bpmn/forms/decide-broken-log-chain.form").toFile());
		JsonNode form = english.deepCopy();

		FormTranslation.translate(form, Messages.of(Languages.GERMAN));

		JsonNode decision = component(form, "LogChainDecisionField");
		assertThat(decision.path("label").asText()).isEqualTo("Entscheidung");
		assertThat(decision.path("key").asText()).isEqualTo("logChainDecision");
		assertThat(decision.at("/values/0/value").asText()).isEqualTo("RECOVER_WITH_DATA_LOSS");
		assertThat(decision.at("/values/0/label").asText())
			.isEqualTo("Jetzt wiederherstellen und den oben angezeigten Datenverlust akzeptieren");
		assertThat(decision.path("validate")).isEqualTo(component(english, "LogChainDecisionField").path("validate"));
		assertThat(component(form, "DecideBrokenLogChainTitle").path("text").asText())
			.startsWith("## Die Protokollkette des Pools {{poolFqdn}} ist unterbrochen");
		assertThat(component(form, "DataLossStatementText").path("text").asText())
			.isEqualTo("### Was verloren geht\n\n**{{dataLossStatement}}**");
	}

	@Test
	void leavesEnglishAsTheFormFileSaysIt() throws Exception {
		JsonNode english = JSON.readTree(Path.of("bpmn/forms/verify-service.form").toFile());
		JsonNode form = english.deepCopy();

		FormTranslation.translate(form, Messages.of(Languages.ENGLISH));

		assertThat(form).isEqualTo(english);
	}

	@Test
	void leavesAStringNoLanguageKnowsAsItIs() throws Exception {
		JsonNode form = JSON.readTree("""
				{"id":"verifyService","components":[{"id":"ProgressText","type":"text","text":"Step 3 of 9"}]}""");

		FormTranslation.translate(form, Messages.of(Languages.SIMPLIFIED_CHINESE));

		assertThat(form.at("/components/0/text").asText()).isEqualTo("Step 3 of 9");
	}

	private static JsonNode component(JsonNode form, String id) {
		for (JsonNode component : form.path("components")) {
			if (component.path("id").asText().equals(id)) {
				return component;
			}
		}
		throw new AssertionError("no component " + id);
	}

}
